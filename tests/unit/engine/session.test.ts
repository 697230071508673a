// The incremental session must give exactly what a full analysis gives, whatever the edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, createSession } from '../../../src/engine/index.ts';
import type { Message } from '../../../src/engine/conversation.ts';
import { engine } from '../helpers.ts';

const SNIPPETS = [
  "That's our policy. ", 'Please calm down. ', 'I completely understand how frustrating that must be. ', "I'm so sorry. ",
  'So if I understand correctly, the charge appeared twice. ', "I'll personally make sure this gets fixed. ",
  'Would you prefer a refund or a replacement? ', 'May I check back with you on Friday? ', 'Thank you for your patience. ',
  'As I already said, ', 'you should have read the email. ', '"calm down" ', '\n> quoted line\n', 'Hi Dana,\n\n', 'ok ', '!!', '?',
];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'paste'; at: number; text: string }
  | { kind: 'undo' }
  | { kind: 'message'; message: Message };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 3 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('paste' as const), at: fc.nat(), text: fc.array(fc.constantFrom(...SNIPPETS), { minLength: 3, maxLength: 12 }).map((a) => a.join('')) }),
  fc.constant({ kind: 'undo' as const }),
  fc.record({
    kind: fc.constant('message' as const),
    message: fc.record({ role: fc.constantFrom('customer' as const, 'agent' as const), text: fc.constantFrom('Where is my ORDER??', 'This is the third time!!! Cancel my account.', 'Thanks, that helps.', "I'm sorry, let me check.", 'Could you tell me more about what happened?') }),
  }),
);

describe('session (incremental analysis)', () => {
  it('equals a full analysis after every random edit: insert, delete, paste, undo, new message', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const session = engine.session();
        let messages: Message[] = [{ role: 'customer', text: 'My parcel never arrived and nobody answers!!' }];
        let draft = '';
        const history: string[] = [];
        for (const e of edits) {
          if (e.kind === 'undo') draft = history.pop() ?? draft;
          else if (e.kind === 'message') messages = [...messages, e.message];
          else {
            history.push(draft);
            const at = e.at % (draft.length + 1);
            draft = e.kind === 'delete' ? draft.slice(0, at) + draft.slice(at + e.length) : draft.slice(0, at) + e.text + draft.slice(at);
          }
          const conversation = { customerName: 'Dana Lee', messages, draft, caret: draft.length };
          expect(session.update(conversation)).toEqual(analyze(conversation, engine.rules));
        }
      }),
      { numRuns: 60 },
    );
    // 60 runs of up to 25 edits, each analysed twice: about 10 s alone, several times that on a
    // loaded 2-core machine, so it gets its own time limit rather than the suite's 30 s.
  }, 180_000);

  it('keeps memory bounded by the conversation, not by its history', () => {
    const session = createSession(engine.rules);
    let draft = '';
    for (let i = 0; i < 300; i++) {
      draft += i % 40 === 39 ? '. ' : 'word ';
      session.update({ messages: [{ role: 'customer', text: 'Late again!' }], draft });
    }
    // Two generations of one short thread and a ~1,500-character draft: a few dozen entries.
    expect(session.cached).toBeLessThan(80);
  });
});
