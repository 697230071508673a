/**
 * `npm run bench [-- --json]`: the engine's speed and memory, each scenario against a baseline
 * measured in the same run, in plain Node. Ratios, not absolute times, are what to compare
 * across machines. See README.md "Performance" for the latest table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { analyze, createEngine, type ConversationInput } from '../../src/engine/index.ts';
import { compileMatcher } from '../../src/engine/checks/matcher.ts';
import type { Message } from '../../src/engine/conversation.ts';
import { segments } from '../../src/engine/text/segments.ts';

/** The content script's typing pause (src/content/session.ts DEBOUNCE_MS). */
const TYPING_PAUSE_MS = 400;

interface Row {
  scenario: string;
  ours_p50_ms: number;
  ours_p95_ms: number;
  baseline_p95_ms: number;
  ratio: number;
  note: string;
}

const engine = createEngine();
const rules = engine.rules;

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const rows: Row[] = [];
  warmUp();
  rows.push(typing2k());
  rows.push(editMiddle2k());
  rows.push(thread100());
  rows.push(floor(rows[0]!));
  rows.push(coldStart());
  rows.push(paste1mb());
  const sizes = bundleSizes();
  const heap = heapUse();

  if (json) {
    for (const r of rows) process.stdout.write(`${JSON.stringify({ scenario: r.scenario, ours_p50_ms: r.ours_p50_ms, ours_p95_ms: r.ours_p95_ms, baseline_p95_ms: r.baseline_p95_ms, ratio: r.ratio })}\n`);
    for (const s of sizes) process.stdout.write(`${JSON.stringify({ bundle: s.file, minified_bytes: s.bytes, gzip_bytes: s.gzip })}\n`);
    process.stdout.write(`${JSON.stringify(heap)}\n`);
    return 0;
  }
  const table = [['scenario', 'ours p50', 'ours p95', 'baseline p95', 'ratio', ''], ...rows.map((r) => [r.scenario, ms(r.ours_p50_ms), ms(r.ours_p95_ms), ms(r.baseline_p95_ms), r.ratio.toFixed(2), r.note])];
  process.stdout.write(`${format(table)}\n`);
  if (sizes.length) {
    process.stdout.write(`\n${format([['bundle (minified)', 'bytes', 'gzip'], ...sizes.map((s) => [s.file, s.bytes.toLocaleString('en'), s.gzip.toLocaleString('en')])])}\n`);
  } else {
    process.stdout.write('\nbundle sizes: dist/chrome not built (run `npm run build`)\n');
  }
  process.stdout.write(`\nretained heap per open conversation (20 × 50 messages, after GC): ${kb(heap.per_conversation_bytes)}\n`);
  process.stdout.write(`worker-equivalent heap, core pack + those 20 conversations: ${mb(heap.total_heap_bytes)} (compromise + sentiment alone: ${mb(heap.libraries_heap_bytes)})\n`);
  process.stdout.write(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  return 0;
}

// ---------------------------------------------------------------- inputs

const ANGRY = [
  'This is the THIRD time I am writing!! My order #{n} still has not arrived and nobody answers.',
  'I have been waiting {n} days. Unacceptable. Where is my refund?',
  'Are you kidding me? The tracking says delivered but nothing is here. I want to speak to a manager.',
  'Your app crashed again and I lost {n} hours of work. Fix it or I cancel my subscription.',
  'Thanks for nothing. I was promised a callback on Monday and no one called.',
];
const CALMER = [
  'I am sorry about that, let me check what happened with order #{n}.',
  'Thank you for your patience. I have asked the warehouse about it.',
  'Could you tell me more about what happened when you tried to log in?',
];
const DRAFT_SOURCE =
  "Hi Dana,\n\nI completely understand how frustrating this must be, and I'm sorry it has taken so long. " +
  'So if I understand correctly, the parcel shows as delivered but never reached you. ' +
  "I'll personally make sure this gets fixed today. Would you prefer a full refund or a replacement sent by express? " +
  'May I check back with you on Friday to make sure everything arrived? Thank you for bringing this to my attention. ';

function thread(n: number, seed = 0): Message[] {
  return Array.from({ length: n }, (_, i) => {
    const pool = i % 2 === 0 ? ANGRY : CALMER;
    return { role: i % 2 === 0 ? 'customer' : 'agent', text: pool[(i + seed) % pool.length]!.replace('{n}', String(1000 + i + seed * 7)) };
  });
}

function draftOf(length: number): string {
  let d = '';
  while (d.length < length) d += DRAFT_SOURCE;
  return d.slice(0, length);
}

// ---------------------------------------------------------------- scenarios

function warmUp(): void {
  // One full typing pass first: the JIT then sees every sentence length the scenarios use.
  const s = engine.session();
  const full = draftOf(2000);
  for (let n = 1; n <= full.length; n++) s.update({ messages: thread(10), draft: full.slice(0, n) });
  for (let i = 0; i < 3; i++) analyze({ messages: thread(10, i), draft: draftOf(2000) }, rules);
}

function typing2k(): Row {
  const messages = thread(10);
  const full = draftOf(2000);
  const session = engine.session();
  const ours: number[] = [];
  for (let n = 1; n <= full.length; n++) ours.push(time(() => session.update({ customerName: 'Dana Lee', messages, draft: full.slice(0, n), caret: n })));
  // The full analysis takes long enough per call that a sample of the same inputs suffices.
  const baseline: number[] = [];
  for (let n = 20; n <= full.length; n += 40) baseline.push(time(() => analyze({ customerName: 'Dana Lee', messages, draft: full.slice(0, n), caret: n }, rules)));
  return row('typing-2k', ours, baseline, 'a 2,000-char draft typed at its end, update per character, 10-message thread');
}

function editMiddle2k(): Row {
  const messages = thread(10);
  let draft = draftOf(2000);
  const session = engine.session();
  session.update({ messages, draft });
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < 400; i++) {
    const at = 900 + ((i * 37) % 200);
    draft = i % 3 === 2 ? draft.slice(0, at) + draft.slice(at + 1) : draft.slice(0, at) + 'xyz'[i % 3] + draft.slice(at);
    const conv: ConversationInput = { messages, draft, caret: at };
    ours.push(time(() => session.update(conv)));
    if (i % 8 === 0) baseline.push(time(() => analyze(conv, rules)));
  }
  return row('edit-middle-2k', ours, baseline, 'insertions and deletions in the middle of that draft');
}

function thread100(): Row {
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let trial = 0; trial < 30; trial++) {
    const messages = thread(100, trial);
    const session = engine.session();
    session.update({ messages, draft: 'I am sorry. ' });
    const arrived = [...messages, { role: 'customer' as const, text: `Still nothing after ${trial + 2} days?? This is ridiculous, order #${5000 + trial}.` }];
    ours.push(time(() => session.update({ messages: arrived, draft: 'I am sorry. ' })));
    baseline.push(time(() => analyze({ messages: arrived, draft: 'I am sorry. ' }, rules)));
  }
  return row('thread-100', ours, baseline, 'a new customer message arrives in a 100-message thread');
}

/** The floor: compromise parsing and sweeping only the sentence that changed, nothing else. */
function floor(typing: Row): Row {
  const reply = compileMatcher(rules.reply.rules);
  const full = draftOf(2000);
  const times: number[] = [];
  for (let n = 1; n <= full.length; n++) {
    const last = segments(full.slice(0, n)).at(-1);
    if (last) times.push(time(() => reply.match(last.text)));
  }
  const f = stats(times);
  return { scenario: 'floor', ours_p50_ms: typing.ours_p50_ms, ours_p95_ms: typing.ours_p95_ms, baseline_p95_ms: f.p95, ratio: f.p95 / typing.ours_p95_ms, note: 'ratio = floor p95 / ours p95 on typing-2k (1 is the floor)' };
}

/** Fresh processes: import the engine, load core, analyse once; against importing compromise and parsing once. */
function coldStart(): Row {
  const text = JSON.stringify({ messages: thread(10), draft: draftOf(2000) });
  const engineEntry = 'node_modules/.cache/cooldown/cold-engine.mjs';
  const libEntry = 'node_modules/.cache/cooldown/cold-compromise.mjs';
  if (!existsSync(engineEntry) || !existsSync(libEntry)) throw new Error('cold-start bundles missing (scripts/bench.mjs builds them)');
  const run = (entry: string) => Number(execFileSync(process.execPath, [entry], { input: text, encoding: 'utf8' }).trim());
  for (let i = 0; i < 2; i++) {
    run(engineEntry);
    run(libEntry);
  }
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < 12; i++) {
    ours.push(run(engineEntry));
    base.push(run(libEntry));
  }
  const o = stats(ours);
  const b = stats(base);
  return { scenario: 'cold-start', ours_p50_ms: o.p50, ours_p95_ms: o.p95, baseline_p95_ms: b.p95, ratio: o.p95 / b.p95, note: 'ratio = ours / compromise-only (≤ 1.5 wanted); process start to first analysis' };
}

function paste1mb(): Row {
  const block = DRAFT_SOURCE;
  const big = block.repeat(Math.ceil(1_000_000 / block.length)).slice(0, 1_000_000);
  const ours: number[] = [];
  for (let i = 0; i < 5; i++) {
    const session = engine.session();
    session.update({ messages: thread(10), draft: '' });
    ours.push(time(() => session.update({ messages: thread(10), draft: big, caret: big.length })));
  }
  const o = stats(ours);
  return { scenario: 'paste-1mb', ours_p50_ms: o.p50, ours_p95_ms: o.p95, baseline_p95_ms: TYPING_PAUSE_MS, ratio: TYPING_PAUSE_MS / o.p95, note: `one analysis of a 1 MB pasted draft; baseline = the ${TYPING_PAUSE_MS} ms typing pause` };
}

// ---------------------------------------------------------------- sizes and heap

function bundleSizes(): Array<{ file: string; bytes: number; gzip: number }> {
  const dir = 'dist/chrome';
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => {
    const body = readFileSync(`${dir}/${f}`);
    return { file: `${dir}/${f}`, bytes: statSync(`${dir}/${f}`).size, gzip: gzipSync(body).length };
  });
}

/** In fresh processes, so nothing of the benchmark itself (or esbuild) is counted. */
function heapUse(): { per_conversation_bytes: number; total_heap_bytes: number; libraries_heap_bytes: number } {
  const probe = (name: string) => execFileSync(process.execPath, ['--expose-gc', `node_modules/.cache/cooldown/${name}.mjs`], { encoding: 'utf8' }).trim();
  const ours = JSON.parse(probe('heap-probe')) as { after: number; per: number };
  return { per_conversation_bytes: Math.round(ours.per), total_heap_bytes: ours.after, libraries_heap_bytes: Number(probe('libs-probe')) };
}

// ---------------------------------------------------------------- helpers

function time(f: () => unknown): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

function stats(xs: number[]): { p50: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

function row(scenario: string, ours: number[], baseline: number[], note: string): Row {
  const o = stats(ours);
  const b = stats(baseline);
  return { scenario, ours_p50_ms: o.p50, ours_p95_ms: o.p95, baseline_p95_ms: b.p95, ratio: b.p95 / o.p95, note };
}

function ms(x: number): string {
  return `${x.toFixed(3)} ms`;
}
function kb(x: number): string {
  return `${(x / 1024).toFixed(1)} KB`;
}
function mb(x: number): string {
  return `${(x / 1024 / 1024).toFixed(1)} MB`;
}
function format(rows: string[][]): string {
  const w = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(w[c]!) : cell.padStart(w[c]!))).join('  ').trimEnd()).join('\n');
}

