/**
 * Fits the compact mood model: an L2-regularised logistic regression over the words of a message
 * (with NOT_ marking under negation, see src/engine/mood/tokens.ts), on the GoEmotions train split
 * (Apache-2.0, ../shared/eval/train/goemotions.train.tsv). Positive class: anger, annoyance,
 * disappointment or disapproval; these are the "upset or worse" of the gauge. No dev or held-out
 * text is read here. Deterministic: full-batch L-BFGS from zero, so the same data gives the same
 * weights, which are written rounded to src/engine/mood/model.json.
 *
 *   npm run train:mood   (node scripts/run-ts.mjs scripts/train/mood-model.ts)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { featureOf, tokenize } from '../../src/engine/mood/tokens.ts';

/** GoEmotions ids (goemotions.emotions.txt, 0-based): anger, annoyance, disappointment, disapproval. */
export const POSITIVE_IDS = [2, 3, 9, 10];
export const MIN_COUNT = 3;
export const L2 = 3;
export const ITERATIONS = 300;
/** Weights smaller than this are dropped: they move no reading, and they cost bundle size. */
export const MIN_WEIGHT = 0.08;

export function main(argv: string[]): number {
  const input = argv[0] ?? resolve(process.cwd(), '../shared/eval/train/goemotions.train.tsv');
  const output = argv[1] ?? resolve(process.cwd(), 'src/engine/mood/model.json');
  const docs: number[][] = [];
  const labels: number[] = [];
  const counts = new Map<string, number>();
  const raw: string[][] = [];
  for (const line of readFileSync(input, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [text, ids] = line.split('\t');
    if (text === undefined || ids === undefined) continue;
    const feats = [...new Set(tokenize(text).map(featureOf))];
    raw.push(feats);
    for (const f of feats) counts.set(f, (counts.get(f) ?? 0) + 1);
    labels.push(ids.split(',').some((id) => POSITIVE_IDS.includes(Number(id))) ? 1 : 0);
  }
  const vocab = [...counts].filter(([, c]) => c >= MIN_COUNT).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  for (const feats of raw) docs.push(feats.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const n = vocab.length + 1; // last = bias
  process.stderr.write(`train: ${docs.length} texts, ${labels.filter((y) => y).length} positive, ${vocab.length} features\n`);

  const objective = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const bias = w[n - 1]!;
    for (let d = 0; d < docs.length; d++) {
      let z = bias;
      for (const i of docs[d]!) z += w[i]!;
      const y = labels[d]!;
      loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
      const g = 1 / (1 + Math.exp(-z)) - y;
      for (const i of docs[d]!) grad[i]! += g;
      grad[n - 1]! += g;
    }
    for (let i = 0; i < n - 1; i++) {
      loss += 0.5 * L2 * w[i]! * w[i]!;
      grad[i]! += L2 * w[i]!;
    }
    return loss;
  };
  const w = lbfgs(objective, new Float64Array(n), ITERATIONS);

  const weights: Record<string, number> = {};
  vocab.forEach((f, i) => {
    const v = Math.round(w[i]! * 100) / 100;
    if (Math.abs(v) >= MIN_WEIGHT) weights[f] = v;
  });
  const model = {
    about: 'Logistic regression on GoEmotions train (Apache-2.0): anger, annoyance, disappointment or disapproval vs the rest. Written by scripts/train/mood-model.ts; do not edit by hand.',
    positive: POSITIVE_IDS,
    l2: L2,
    bias: Math.round(w[n - 1]! * 1000) / 1000,
    ...packWeights(weights),
  };
  writeFileSync(output, `${JSON.stringify(model)}\n`);
  process.stderr.write(`train: wrote ${Object.keys(weights).length} weights to ${output}\n`);
  return 0;
}

/**
 * The weights as two strings (features sorted by UTF-16 code unit, one per line, and their weights
 * comma-separated in the same order): in the worker a string costs a byte or two per character,
 * where an object with thousands of keys costs about 120 bytes per key (src/engine/mood/model.ts).
 */
export function packWeights(weights: Record<string, number>): { features: string; weights: string } {
  const keys = Object.keys(weights).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { features: keys.join('\n'), weights: keys.map((k) => String(weights[k])).join(',') };
}

/** Limited-memory BFGS with a backtracking (Armijo) line search; deterministic. */
function lbfgs(f: (w: Float64Array, g: Float64Array) => number, w: Float64Array, iterations: number, m = 10): Float64Array {
  const n = w.length;
  let g = new Float64Array(n);
  let fx = f(w, g);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
    return s;
  };
  for (let it = 0; it < iterations; it++) {
    // Two-loop recursion: d = -H g.
    const q = Float64Array.from(g);
    const alphas: number[] = [];
    for (let k = ss.length - 1; k >= 0; k--) {
      const a = dot(ss[k]!, q) / dot(ys[k]!, ss[k]!);
      alphas[k] = a;
      for (let i = 0; i < n; i++) q[i]! -= a * ys[k]![i]!;
    }
    const gamma = ss.length ? dot(ss.at(-1)!, ys.at(-1)!) / dot(ys.at(-1)!, ys.at(-1)!) : 1 / Math.sqrt(dot(g, g));
    for (let i = 0; i < n; i++) q[i]! *= gamma;
    for (let k = 0; k < ss.length; k++) {
      const b = dot(ys[k]!, q) / dot(ys[k]!, ss[k]!);
      for (let i = 0; i < n; i++) q[i]! += ss[k]![i]! * (alphas[k]! - b);
    }
    const slope = -dot(g, q);
    if (slope >= 0) break;
    let step = 1;
    const next = new Float64Array(n);
    const gNext = new Float64Array(n);
    let fNext = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) next[i] = w[i]! - step * q[i]!;
      fNext = f(next, gNext);
      if (fNext <= fx + 1e-4 * step * slope) break;
      step /= 2;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = next[i]! - w[i]!;
      y[i] = gNext[i]! - g[i]!;
    }
    const improvement = fx - fNext;
    w = next;
    g = gNext;
    fx = fNext;
    if (dot(s, y) > 1e-10) {
      ss.push(s);
      ys.push(y);
      if (ss.length > m) {
        ss.shift();
        ys.shift();
      }
    }
    if (improvement < 1e-7 * Math.max(1, Math.abs(fx))) break;
  }
  return w;
}
