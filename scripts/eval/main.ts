/**
 * Accuracy of the customer-mood reading on real, labelled text (../shared/eval), against the
 * `sentiment` package (AFINN) scored in the same run. Our prediction is exactly what the sidebar
 * shows: the mood level of the customer's message is not `calm`. The text is analysed through
 * the same `createEngine().analyze()` the extension's worker calls; there is no eval-only path.
 */
import { readFileSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import Sentiment from 'sentiment';
import { createEngine } from '../../src/engine/index.ts';
import { figures, LOWER_IS_BETTER, precision, recall, scoreCoaching, type CoachingRecord, type CoachingScore } from './coaching.ts';
import FLOORS from './floors.json';

interface Row { text: string; label: string }
interface Scored { text: string; positive: boolean; ours: number; oursPositive: boolean; afinn: number }
interface Metrics { precision: number; recall: number; f1: number; accuracy: number; tp: number; fp: number; fn: number; tn: number }

const POSITIVE = new Set(['angry', 'complaint']);
/** Sets labelled for the agent's tone rather than the customer's mood. */
const TONE_LABELS = new Set(['polite', 'impolite']);
const DEFAULT_SETS = ['anger.dev.jsonl', 'complaints.dev.jsonl', 'anger_general.dev.jsonl', 'politeness.dev.jsonl', 'coaching/coaching.dev.jsonl', 'coaching/twcs.dev.jsonl'];

/** Every figure of the run, by set and name, for `--check`. */
type Figures = Record<string, Record<string, number>>;

/** FNV-1a of the text: a stable split of any set into two halves, "a" (even) and "b" (odd). */
export function halfOf(text: string): 'a' | 'b' {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h % 2 === 0 ? 'a' : 'b';
}

export function main(argv: string[]): number {
  const json = argv.includes('--json');
  const check = argv.includes('--check');
  const showMisses = argv.includes('--misses');
  const got: Figures = {};
  const sets: string[] = [];
  let half: 'a' | 'b' | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--set') sets.push(argv[++i] ?? '');
    else if (argv[i] === '--half') {
      const h = argv[++i];
      if (h !== 'a' && h !== 'b') {
        process.stderr.write('eval: --half takes "a" or "b"\n');
        return 2;
      }
      half = h;
    }
  }
  const evalDir = resolve(process.cwd(), '../shared/eval');
  const files = sets.length ? sets : DEFAULT_SETS.map((f) => resolve(evalDir, f));
  const engine = createEngine();
  const sentiment = new Sentiment();

  for (const file of files) {
    if (!existsSync(file)) {
      process.stderr.write(`eval: cannot read ${file}\n`);
      return 2;
    }
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
    const name = `${basename(file)}${half ? ` (half ${half})` : ''}`;
    // A coaching set holds whole conversations; the others hold {text, label} rows.
    if (lines.length && typeof lines[0] === 'object' && lines[0] !== null && 'conversation' in lines[0]) {
      const records = (lines as CoachingRecord[]).filter((r) => half === null || halfOf(r.id) === half);
      const score = scoreCoaching(name, records, engine);
      got[basename(file)] = figures(score);
      printCoaching(score, json, showMisses);
      continue;
    }
    const rows = (lines as Row[]).filter((r) => half === null || halfOf(r.text) === half);
    if (rows.length && rows.every((r) => TONE_LABELS.has(r.label))) {
      got[basename(file)] = { 'tone AUC': evalTone(name, rows, engine, json) };
      continue;
    }
    const scored: Scored[] = rows.map((r) => {
      const a = engine.analyze({ messages: [{ role: 'customer', text: r.text }], draft: '' });
      return {
        text: r.text,
        positive: POSITIVE.has(r.label),
        ours: a.mood.latest ?? 0,
        oursPositive: a.mood.level !== null && a.mood.level !== 'calm',
        afinn: sentiment.analyze(r.text).comparative,
      };
    });
    const ours = metrics(scored.map((s) => [s.oursPositive, s.positive]));
    const afinn0 = metrics(scored.map((s) => [s.afinn < 0, s.positive]));
    const best = bestThreshold(scored);
    const result = {
      set: name,
      n: scored.length,
      ours,
      oursAuc: auc(scored.map((s) => [s.ours, s.positive])),
      afinn: { threshold: 0, ...afinn0 },
      afinnBest: best,
      afinnAuc: auc(scored.map((s) => [-s.afinn, s.positive])),
    };
    got[basename(file)] = { F1: ours.f1 };
    if (json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      continue;
    }
    process.stdout.write(`\n${result.set} (n=${result.n})\n`);
    process.stdout.write(table([
      ['', 'precision', 'recall', 'F1', 'accuracy', 'AUC'],
      ['Cooldown (level not calm)', f(ours.precision), f(ours.recall), f(ours.f1), f(ours.accuracy), f(result.oursAuc)],
      ['AFINN comparative < 0', f(afinn0.precision), f(afinn0.recall), f(afinn0.f1), f(afinn0.accuracy), f(result.afinnAuc)],
      [`AFINN best (t=${best.threshold})`, f(best.precision), f(best.recall), f(best.f1), f(best.accuracy), ''],
    ]));
    process.stdout.write(`confusion (Cooldown): TP ${ours.tp}  FP ${ours.fp}  FN ${ours.fn}  TN ${ours.tn}\n`);
    const fn = scored.filter((s) => s.positive && !s.oursPositive).sort((a, b) => a.ours - b.ours).slice(0, 10);
    const fp = scored.filter((s) => !s.positive && s.oursPositive).sort((a, b) => b.ours - a.ours).slice(0, 10);
    process.stdout.write('worst misses, labelled positive but read calm:\n');
    for (const s of fn) process.stdout.write(`  ${String(s.ours).padStart(3)}  ${oneLine(s.text)}\n`);
    process.stdout.write('worst false alarms, labelled negative but read upset or worse:\n');
    for (const s of fp) process.stdout.write(`  ${String(s.ours).padStart(3)}  ${oneLine(s.text)}\n`);
  }
  return check && half === null && !sets.length ? checkFloors(got) : 0;
}

/**
 * `--check`: every figure against its floor in floors.json (a ceiling for the figures where lower
 * is better). The floors sit just under what the engine reaches, so a drop fails CI.
 */
function checkFloors(got: Figures): number {
  const failures: string[] = [];
  for (const [set, floors] of Object.entries(FLOORS as Figures)) {
    for (const [name, floor] of Object.entries(floors)) {
      const value = got[set]?.[name];
      if (value === undefined) failures.push(`${set}: ${name} was not measured`);
      else if (LOWER_IS_BETTER.has(name) ? value > floor : value < floor) {
        failures.push(`${set}: ${name} ${f(value)} is ${LOWER_IS_BETTER.has(name) ? 'above its ceiling' : 'below its floor'} ${f(floor)}`);
      }
    }
  }
  process.stdout.write(failures.length ? `\neval --check: ${failures.length} figure(s) off\n${failures.map((x) => `  ${x}\n`).join('')}` : '\neval --check: every figure at or above its floor\n');
  return failures.length ? 1 : 0;
}

function printCoaching(s: CoachingScore, json: boolean, showMisses: boolean): void {
  const fig = figures(s);
  if (json) {
    process.stdout.write(`${JSON.stringify({ set: s.set, n: s.n, figures: fig, perStep: s.perStep })}\n`);
    return;
  }
  process.stdout.write(`\n${s.set} (n=${s.n}), coaching\n`);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  process.stdout.write(table([
    ['what', 'figure', 'counts'],
    ['mood level right', f(fig['mood level']!), `${s.mood.hit}/${s.mood.n}`],
    ['not furious called furious', pct(fig['not furious called furious']!), `${s.furiousFalse.hit}/${s.furiousFalse.n}`],
    ['cues: recall / precision', `${f(recall(s.cues))} / ${f(precision(s.cues))}`, `TP ${s.cues.tp} FP ${s.cues.fp} FN ${s.cues.fn}`],
    ['threat/abuse: recall / precision', `${f(recall(s.serious))} / ${f(precision(s.serious))}`, `TP ${s.serious.tp} FP ${s.serious.fp} FN ${s.serious.fn}`],
    ['document prompt right', f(fig['document prompt right']!), `${s.document.hit}/${s.document.n}`],
    ['steps: recall / precision', `${f(recall(s.steps))} / ${f(precision(s.steps))}`, `TP ${s.steps.tp} FP ${s.steps.fp} FN ${s.steps.fn}`],
    ...Object.entries(s.perStep).map(([id, p]) => [`  ${id}`, `${f(recall(p))} / ${f(precision(p))}`, `TP ${p.tp} FP ${p.fp} FN ${p.fn}`]),
    ['flags: recall / precision', `${f(recall(s.flags))} / ${f(precision(s.flags))}`, `TP ${s.flags.tp} FP ${s.flags.fp} FN ${s.flags.fn}`],
    ['inappropriate suggestions', pct(fig['inappropriate suggestions']!), `${s.suggestions.wrong}/${s.suggestions.n}`],
  ]));
  if (showMisses) for (const m of s.misses) process.stdout.write(`  ${m.id}  ${oneLine(m.what)}\n`);
}

/**
 * The draft's tone reading on requests labelled polite / impolite: each text is the agent's draft,
 * read by the same analyze(); ROC AUC of the 0–100 warmth score against "polite", and the
 * agreement of the label (warm vs curt, neutral left out).
 */
function evalTone(name: string, rows: Row[], engine: ReturnType<typeof createEngine>, json: boolean): number {
  const scored = rows.map((r) => {
    const tone = engine.analyze({ messages: [], draft: r.text }).tone;
    return { text: r.text, polite: r.label === 'polite', score: tone?.score ?? 50, label: tone?.label ?? 'neutral' };
  });
  const toneAuc = auc(scored.map((s) => [s.score, s.polite]));
  const decided = scored.filter((s) => s.label !== 'neutral');
  const agree = decided.filter((s) => (s.label === 'warm') === s.polite).length;
  const counts = { warm: 0, neutral: 0, curt: 0 };
  for (const s of scored) counts[s.label]++;
  const result = { set: name, n: scored.length, toneAuc, labels: counts, labelAgreement: decided.length ? agree / decided.length : 0 };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return toneAuc;
  }
  process.stdout.write(`\n${name} (n=${scored.length}), draft tone\n`);
  process.stdout.write(`tone AUC (score vs polite): ${f(toneAuc)}   labels: warm ${counts.warm}, neutral ${counts.neutral}, curt ${counts.curt}; warm/curt agree with the label on ${f(result.labelAgreement)} of ${decided.length}\n`);
  const miss = (polite: boolean) => scored.filter((s) => s.polite === polite).sort((a, b) => (polite ? a.score - b.score : b.score - a.score)).slice(0, 10);
  process.stdout.write('worst misses, labelled polite but read coldest:\n');
  for (const s of miss(true)) process.stdout.write(`  ${String(s.score).padStart(3)}  ${oneLine(s.text)}\n`);
  process.stdout.write('worst misses, labelled impolite but read warmest:\n');
  for (const s of miss(false)) process.stdout.write(`  ${String(s.score).padStart(3)}  ${oneLine(s.text)}\n`);
  return toneAuc;
}

function metrics(pairs: Array<[boolean, boolean]>): Metrics {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const [p, y] of pairs) {
    if (p && y) tp++;
    else if (p) fp++;
    else if (y) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy: (tp + tn) / pairs.length, tp, fp, fn, tn };
}

/** The AFINN baseline at its best threshold on this very set: the strongest version of it. */
function bestThreshold(scored: Scored[]): Metrics & { threshold: number } {
  let best: Metrics & { threshold: number } = { threshold: 0, ...metrics(scored.map((s) => [s.afinn < 0, s.positive])) };
  for (let t = -0.5; t <= 0.5001; t += 0.025) {
    const m = metrics(scored.map((s) => [s.afinn < t, s.positive]));
    if (m.f1 > best.f1) best = { threshold: Math.round(t * 1000) / 1000, ...m };
  }
  return best;
}

/** ROC AUC by the rank-sum formula, ties counted half. */
function auc(pairs: Array<[number, boolean]>): number {
  const pos = pairs.filter(([, y]) => y).map(([s]) => s);
  const neg = pairs.filter(([, y]) => !y).map(([s]) => s);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return pos.length && neg.length ? wins / (pos.length * neg.length) : 0;
}

function f(x: number): string {
  return x.toFixed(3);
}

function oneLine(t: string): string {
  const s = t.replace(/\s+/g, ' ');
  return s.length > 110 ? `${s.slice(0, 109)}…` : s;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n') + '\n';
}
