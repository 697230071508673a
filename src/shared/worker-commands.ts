/**
 * The worker's commands to a content script (`background/*`), checked without a schema library:
 * the content script runs in every helpdesk tab and must stay small (≤ 20 KB, `npm run bench`).
 * The one definition of these messages is still the zod union in messages.ts; a property test
 * (tests/unit/extension/worker-commands.test.ts) proves this guard accepts exactly what that
 * schema accepts for these kinds. Only the worker sends them, and the receiver checks the sender.
 */
import type { MessageOf } from './messages.ts';
import { MAX_INSERT_CHARS } from './limits.ts';

export type WorkerCommand = MessageOf<'background/insert'> | MessageOf<'background/replace'> | MessageOf<'background/resend'> | MessageOf<'background/expand'>;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.length >= 1 && x.length <= MAX_INSERT_CHARS;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

export function parseWorkerCommand(raw: unknown): WorkerCommand | null {
  if (!isObject(raw)) return null;
  switch (raw.kind) {
    case 'background/insert':
      return isText(raw.text) ? { kind: raw.kind, text: raw.text } : null;
    case 'background/replace':
      return isCount(raw.start) && isCount(raw.end) && isText(raw.expected) && isText(raw.text)
        ? { kind: raw.kind, start: raw.start, end: raw.end, expected: raw.expected, text: raw.text }
        : null;
    case 'background/resend':
    case 'background/expand':
      return { kind: raw.kind };
    default:
      return null;
  }
}
