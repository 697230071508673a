/**
 * The pieces the compact-model trainers share: GoEmotions reading, an L2-regularised logistic
 * regression fitted by full-batch L-BFGS from zero (deterministic: same data, same weights), and
 * the packed two-string format the engine searches in place (src/engine/mood/packed.ts).
 */
import { readFileSync } from 'node:fs';

export interface Example {
  text: string;
  /** GoEmotions emotion ids (goemotions.emotions.txt, 0-based). */
  ids: number[];
}

export function readGoEmotions(file: string): Example[] {
  const out: Example[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [text, ids] = line.split('\t');
    if (text === undefined || ids === undefined) continue;
    out.push({ text, ids: ids.split(',').map(Number) });
  }
  return out;
}

/**
 * Fits w (one per feature, bias last) minimising the mean-free log loss plus L2/2·|w|² (bias
 * unpenalised). `docs` are feature indices per document (presence), `labels` 0/1.
 */
export function fitLogistic(docs: number[][], labels: number[], features: number, l2: number, iterations: number): { weights: Float64Array; bias: number } {
  const n = features + 1; // last = bias
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
      loss += 0.5 * l2 * w[i]! * w[i]!;
      grad[i]! += l2 * w[i]!;
    }
    return loss;
  };
  const w = lbfgs(objective, new Float64Array(n), iterations);
  return { weights: w.subarray(0, features), bias: w[n - 1]! };
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

export /** Limited-memory BFGS with a backtracking (Armijo) line search; deterministic. */
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
