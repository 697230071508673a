// Property tests: whatever an agent pastes or a customer writes, the engine never throws, and
// every offset it reports points inside the text it describes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/engine/index.ts';
import { Conversation } from '../../../src/engine/conversation.ts';
import { MAX_MESSAGE_CHARS } from '../../../src/engine/limits.ts';
import { MAX_ANALYZED_MESSAGES, MAX_DRAFT_WINDOW } from '../../../src/engine/analyze.ts';
import { parseTranscript, TranscriptError } from '../../../src/engine/transcript.ts';
import { engine } from '../helpers.ts';

const PIECES = [
  'calm down', "that's our policy", 'I understand how frustrating', 'sorry', '!!!', '???', 'WHY', '"', '\u201c', '\u201d', '>', '\n',
  '\u200b', '\u200d', '\u202e', '\u05e9\u05dc\u05d5\u05dd', '\u0645\u0631\u062d\u0628\u0627', '😡', '👍🏽', '🤬', '<img src=x onerror=alert(1)>', '**bold**', '[link](javascript:alert(1))',
  '&nbsp;', '\t', '\r\n', '\ud800', '\udfff', 'e\u0301', 'ﬁ', 'İ', 'ß', '  ', '.', '...', 'Mr.', 'U.S.A.', '1,000', '#4411', '@agent', 'https://x.test/a?b=c',
];
const messy = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 })), { maxLength: 40 }).map((parts) => parts.join(''));

function checkOffsets(a: Analysis, draft: string, messages: string[]): void {
  for (const f of a.flags) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(draft.length);
    expect(f.start).toBeLessThan(f.end);
    expect(draft.slice(f.start, f.end)).toBe(f.text);
  }
  for (const s of a.steps) {
    if (!s.evidence) continue;
    const text = s.evidence.source.in === 'draft' ? draft : messages[s.evidence.source.index]!;
    expect(text.slice(s.evidence.span.start, s.evidence.span.end)).toBe(s.evidence.span.text);
  }
  for (const m of a.mood.messages) {
    expect(m.score).toBeGreaterThanOrEqual(0);
    expect(m.score).toBeLessThanOrEqual(100);
    for (const d of m.drivers) expect(messages[m.index]!.slice(d.span.start, d.span.end)).toBe(d.span.text);
  }
  for (const c of a.cues) expect(messages[c.messageIndex]!.slice(c.span.start, c.span.end)).toBe(c.span.text);
}

describe('engine under arbitrary input', () => {
  it('never throws, and offsets stay inside the text', () => {
    fc.assert(
      fc.property(messy, fc.array(fc.tuple(fc.boolean(), messy), { maxLength: 6 }), fc.option(fc.string({ maxLength: 40 })), (draft, msgs, name) => {
        const messages = msgs.map(([isCustomer, text]) => ({ role: isCustomer ? ('customer' as const) : ('agent' as const), text }));
        const a = engine.analyze({ messages, draft, ...(name ? { customerName: name } : {}) });
        checkOffsets(a, draft, messages.map((m) => m.text));
      }),
      { numRuns: 300 },
    );
  });

  it('a 1 MB pasted draft is read in a window around the caret and says what it skipped', () => {
    const block = 'Lorem ipsum dolor sit amet, that is our policy. ';
    const draft = block.repeat(Math.ceil(1_000_000 / block.length)) + 'Please calm down.';
    const a = engine.analyze({ messages: [], draft, caret: draft.length });
    expect(a.skipped.draftChars).toBeGreaterThanOrEqual(draft.length - MAX_DRAFT_WINDOW);
    expect(a.flags.map((f) => f.ruleId)).toContain('avoid-calm-down');
    checkOffsets(a, draft, []);
  });

  it('a 1 MB draft with no spaces or punctuation does not hang', () => {
    const draft = 'a'.repeat(1_000_000);
    expect(engine.analyze({ messages: [{ role: 'customer', text: 'b'.repeat(100_000) }], draft }).flags).toEqual([]);
  });

  it('thousands of messages: the latest are read, the rest reported as skipped', () => {
    const messages = Array.from({ length: 2_000 }, (_, i) => ({ role: i % 2 ? ('agent' as const) : ('customer' as const), text: `Message ${i}: where is my order?` }));
    const a = engine.analyze({ messages, draft: '' });
    expect(a.skipped.messages).toBe(2_000 - MAX_ANALYZED_MESSAGES);
    expect(a.mood.messages[0]!.index).toBe(2_000 - MAX_ANALYZED_MESSAGES);
  });

  it('accepts a long message (read in a window) and refuses only input past the memory caps, with a zod error', () => {
    expect(Conversation.safeParse({ messages: [{ role: 'customer', text: 'x'.repeat(200_000) }] }).success).toBe(true);
    expect(Conversation.safeParse({ messages: [{ role: 'customer', text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) }] }).success).toBe(false);
  });
});

describe('transcript parser under arbitrary input', () => {
  it('returns a conversation or throws a TranscriptError, nothing else', () => {
    const line = fc.oneof(fc.constantFrom('Customer: ', 'Agent: ', 'Draft: ', 'Name: ', 'customer:', 'AGENT :', ''), fc.constant('')).chain((label) => messy.map((t) => label + t.replace(/\n/g, ' ')));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        try {
          const conv = parseTranscript(lines.join('\n'));
          expect(Conversation.safeParse(conv).success).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(TranscriptError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
