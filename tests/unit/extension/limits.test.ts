/**
 * Issue 14: each size cap is defined once. The extension's transport caps (src/shared/limits.ts,
 * what the content script trims a snapshot to and the worker's message schema accepts) are a
 * different concept from the engine's input caps (src/engine/limits.ts), but they must fit inside
 * them: a snapshot the worker accepts must never be one the engine refuses. Nor may they cut
 * below what the engine reads, or trimming would change the analysis. Values come from the
 * modules, never copied here.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ANALYZED_MESSAGES, MAX_MESSAGE_WINDOW } from '../../../src/engine/analyze.ts';
import { Conversation } from '../../../src/engine/conversation.ts';
import * as engine from '../../../src/engine/limits.ts';
import * as transport from '../../../src/shared/limits.ts';
import { parseMessage } from '../../../src/shared/messages.ts';

describe('the extension\'s caps against the engine\'s', () => {
  it('a snapshot within the transport caps is within the engine\'s caps', () => {
    expect(transport.MAX_SNAPSHOT_MESSAGES).toBeLessThanOrEqual(engine.MAX_MESSAGES);
    expect(transport.MAX_MESSAGE_CHARS).toBeLessThanOrEqual(engine.MAX_MESSAGE_CHARS);
    expect(transport.MAX_DRAFT_CHARS).toBeLessThanOrEqual(engine.MAX_DRAFT_CHARS);
  });

  it('trimming to the transport caps never removes what the engine reads', () => {
    expect(transport.MAX_SNAPSHOT_MESSAGES).toBeGreaterThanOrEqual(MAX_ANALYZED_MESSAGES);
    expect(transport.MAX_MESSAGE_CHARS).toBeGreaterThanOrEqual(MAX_MESSAGE_WINDOW);
  });

  it('caps that mean the same thing are the engine\'s own, not copies', () => {
    expect(transport.MAX_NAME_CHARS).toBe(engine.MAX_NAME_CHARS);
    expect(transport.MAX_CONVERSATION_ID_CHARS).toBe(engine.MAX_CONVERSATION_ID_CHARS);
    expect(transport.MAX_TIMESTAMP_CHARS).toBe(engine.MAX_TIMESTAMP_CHARS);
    expect(transport.MAX_RULE_ID_CHARS).toBe(engine.MAX_RULE_ID_CHARS);
  });

  it('the largest snapshot the worker accepts is one the engine accepts', () => {
    const text = 'x'.repeat(transport.MAX_MESSAGE_CHARS);
    const snapshot = {
      site: 'gmail' as const,
      id: 'i'.repeat(transport.MAX_CONVERSATION_ID_CHARS),
      customerName: 'n'.repeat(transport.MAX_NAME_CHARS),
      messages: Array.from({ length: transport.MAX_SNAPSHOT_MESSAGES }, () => ({ role: 'customer' as const, text, at: 't'.repeat(transport.MAX_TIMESTAMP_CHARS) })),
      draft: 'd'.repeat(transport.MAX_DRAFT_CHARS),
      hasEditor: true,
    };
    const parsed = parseMessage({ kind: 'content/snapshot', snapshot });
    expect(parsed?.kind).toBe('content/snapshot');
    if (parsed?.kind !== 'content/snapshot') return;
    // What the worker hands the engine (handlers/snapshot.ts), at every cap at once.
    const { site, id, customerName, messages, draft } = parsed.snapshot;
    expect(Conversation.safeParse({ id, site, customerName, messages, draft }).success).toBe(true);
  });
});
