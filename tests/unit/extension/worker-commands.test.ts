// The content script's zod-free guard must accept exactly what the one message schema accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INSERT_CHARS } from '../../../src/shared/limits.ts';
import { Message } from '../../../src/shared/messages.ts';
import { parseWorkerCommand } from '../../../src/shared/worker-commands.ts';

const KINDS = ['background/insert', 'background/replace', 'background/resend', 'background/expand'] as const;
const zodAccepts = (raw: unknown) => {
  const r = Message.safeParse(raw);
  return r.success && (KINDS as readonly string[]).includes(r.data.kind) ? r.data : null;
};

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constant(''), fc.constant('x'.repeat(MAX_INSERT_CHARS)), fc.constant('x'.repeat(MAX_INSERT_CHARS + 1)));
const num = fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.constant(Number.NaN));
const anyKind = fc.oneof(fc.constantFrom(...KINDS, 'content/snapshot', 'sidebar/insert', 'nope'), fc.string());
const candidate = fc.record(
  { kind: anyKind, text: fc.oneof(text, num), start: fc.oneof(num, text), end: num, expected: text, extra: fc.anything() },
  { requiredKeys: ['kind'] },
);

describe('parseWorkerCommand', () => {
  it('agrees with the zod message schema on random input', () => {
    fc.assert(fc.property(fc.oneof(candidate, fc.anything()), (raw) => {
      expect(parseWorkerCommand(raw)).toEqual(zodAccepts(raw));
    }), { numRuns: 3000 });
  });

  it('accepts well-formed commands and strips unknown keys', () => {
    expect(parseWorkerCommand({ kind: 'background/insert', text: 'Hello', sneaky: '<img>' })).toEqual({ kind: 'background/insert', text: 'Hello' });
    expect(parseWorkerCommand({ kind: 'background/replace', start: 1, end: 4, expected: 'abc', text: 'xyz' })).toMatchObject({ start: 1, end: 4 });
    expect(parseWorkerCommand({ kind: 'background/resend' })).toEqual({ kind: 'background/resend' });
  });

  it('refuses other kinds, bad types and oversized text', () => {
    expect(parseWorkerCommand({ kind: 'sidebar/insert', tabId: 1, text: 'x' })).toBeNull();
    expect(parseWorkerCommand({ kind: 'background/insert', text: 'x'.repeat(MAX_INSERT_CHARS + 1) })).toBeNull();
    expect(parseWorkerCommand({ kind: 'background/replace', start: -1, end: 2, expected: 'a', text: 'b' })).toBeNull();
    expect(parseWorkerCommand('background/resend')).toBeNull();
  });
});
