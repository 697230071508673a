// Long pages (issue 12): a snapshot over the caps is trimmed and says what it left out; the
// worker's parser never refuses one for being large, so a customer cannot switch coaching off
// for their own ticket by writing a lot.
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, MAX_NAME_CHARS, MAX_SNAPSHOT_MESSAGES, parseMessage } from '../../../src/shared/messages.ts';
import { trimSnapshot } from '../../../src/shared/snapshot-trim.ts';

const big = () => ({
  site: 'zendesk',
  id: 'zendesk:1',
  customerName: 'N'.repeat(5_000),
  messages: [
    ...Array.from({ length: 600 }, (_, i) => ({ role: i % 2 ? 'agent' : 'customer', text: `message ${i}` })),
    { role: 'customer', text: 'x'.repeat(MAX_MESSAGE_CHARS + 10), at: 'y'.repeat(100) },
  ],
  draft: 'hello',
  hasEditor: true,
  coverage: { read: 601, unread: 0, more: false, expandable: false, trimmed: 0, others: [{ name: 'B'.repeat(300), kind: 'bot' }] },
});

describe('snapshots over the caps', () => {
  it('the worker parses an oversized snapshot, trimmed to the latest messages, with what was cut counted', () => {
    const msg = parseMessage({ kind: 'content/snapshot', snapshot: big() });
    expect(msg?.kind).toBe('content/snapshot');
    if (msg?.kind !== 'content/snapshot') return;
    const s = msg.snapshot;
    expect(s.messages).toHaveLength(MAX_SNAPSHOT_MESSAGES);
    expect(s.messages[0]?.text).toBe('message 101'); // the oldest 101 of 601 left out
    expect(s.messages.at(-1)?.text).toHaveLength(MAX_MESSAGE_CHARS);
    expect(s.messages.at(-1)?.at).toHaveLength(64);
    expect(s.customerName).toHaveLength(MAX_NAME_CHARS);
    expect(s.coverage?.trimmed).toBe(101 + 1);
    expect(s.coverage?.others[0]?.name).toHaveLength(MAX_NAME_CHARS);
  });

  it('a snapshot within the caps passes unchanged, and a malformed one is still refused', () => {
    const small = { site: 'gmail', id: 'gmail:t', messages: [{ role: 'customer', text: 'hi' }], draft: '', hasEditor: false };
    expect(trimSnapshot(small)).toEqual(small);
    expect(parseMessage({ kind: 'content/snapshot', snapshot: small })).toEqual({ kind: 'content/snapshot', snapshot: small });
    expect(parseMessage({ kind: 'content/snapshot', snapshot: { ...small, messages: 'nope' } })).toBeNull();
    expect(parseMessage({ kind: 'content/snapshot', snapshot: { ...small, messages: [{ role: 'boss', text: 'x' }] } })).toBeNull();
  });

  it('without coverage from the adapter, trimming adds one that says so', () => {
    const { coverage: _c, ...rest } = big();
    const out = trimSnapshot(rest) as { coverage?: { trimmed: number; read: number } };
    expect(out.coverage).toMatchObject({ trimmed: 102, read: MAX_SNAPSHOT_MESSAGES });
  });
});
