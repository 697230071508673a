// Heap probe, run in a fresh process with --expose-gc: what the worker holds with the core pack
// loaded and 20 open conversations of 50 messages, and what each conversation adds.
import { createEngine } from '../../src/engine/index.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const settle = () => {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
};
const LINES = [
  'This is the THIRD time I am writing!! Order #{n} still has not arrived and nobody answers.',
  'I am sorry about that, let me check what happened with order #{n}.',
  'I have been waiting {n} days. Unacceptable. Where is my refund?',
  'Thank you for your patience. I have asked the warehouse about order #{n}.',
];
const thread = (seed: number) => Array.from({ length: 50 }, (_, i) => ({ role: i % 2 ? ('agent' as const) : ('customer' as const), text: LINES[i % LINES.length]!.replace('{n}', String(seed * 1000 + i)) }));

const engine = createEngine();
engine.session().update({ messages: thread(999), draft: 'Warm up. I am sorry.' });
const before = settle();
const sessions = Array.from({ length: 20 }, (_, i) => {
  const s = engine.session();
  s.update({ messages: thread(i), draft: `I'm so sorry about this, I'll personally make sure it is fixed today (${i}).` });
  return s;
});
const after = settle();
process.stdout.write(`${JSON.stringify({ before, after, per: (after - before) / sessions.length, sessions: sessions.length })}\n`);
