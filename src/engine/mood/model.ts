/**
 * The compact mood model: a logistic regression over words (NOT_word under negation), fitted on
 * GoEmotions by scripts/train/mood-model.ts. Pure lookups and a sum, so the worker, the CLI and
 * the eval read the same number. It only ever adds anger: calm words lower its logit, never the
 * gauge below what the rules say, so it cannot hide a complaint that the rules found.
 */
import model from './model.json';
import { featureOf, type Token } from './tokens.ts';

const MODEL = model as { bias: number; features: string; weights: string };
const BIAS = MODEL.bias;

/**
 * The weights stay in the two strings the trainer wrote (sorted features, one per line; weights in
 * the same order) and are looked up by binary search: about 200 KB in the worker, where an object
 * or Map of 8,000 keys would hold about a megabyte.
 */
let index: { starts: Int32Array; weights: Float64Array } | undefined;

function loadIndex(): { starts: Int32Array; weights: Float64Array } {
  const text = MODEL.features;
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  const starts = new Int32Array(lines + 1);
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts[n++] = i + 1;
  starts[lines] = text.length + 1;
  const weights = new Float64Array(lines);
  let at = 0;
  let k = 0;
  for (let i = 0; i <= MODEL.weights.length; i++) {
    if (i === MODEL.weights.length || MODEL.weights.charCodeAt(i) === 44) {
      weights[k++] = Number(MODEL.weights.slice(at, i));
      at = i + 1;
    }
  }
  if (k !== lines) throw new Error(`mood model: ${lines} features but ${k} weights`);
  return { starts, weights };
}

/** Compares `word` with feature `i` of the sorted list, by UTF-16 code unit like the trainer's sort. */
function compareFeature(starts: Int32Array, i: number, word: string): number {
  const text = MODEL.features;
  const from = starts[i]!;
  const length = starts[i + 1]! - 1 - from;
  const n = Math.min(length, word.length);
  for (let j = 0; j < n; j++) {
    const d = text.charCodeAt(from + j) - word.charCodeAt(j);
    if (d !== 0) return d;
  }
  return length - word.length;
}

export function weightOf(feature: string): number | undefined {
  index ??= loadIndex();
  let lo = 0;
  let hi = index.weights.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareFeature(index.starts, mid, feature);
    if (c === 0) return index.weights[mid];
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Raw anger per logit unit above the offset: the model is one voice among the rules. */
export const MODEL_WEIGHT = 1;
/** Logit below which the model says nothing: about p = 0.12, the prior of the upset classes being present. */
export const MODEL_OFFSET = -2;
/** How many of the words that drive the model are shown as drivers. */
export const MODEL_DRIVERS = 3;

export interface ModelReading {
  /** The model's logit for "upset or worse". */
  logit: number;
  /** Contribution to the raw anger sum, ≥ 0. */
  raw: number;
  /** The words with the largest positive weights, and their share of `raw`. */
  words: Array<{ token: Token; weight: number }>;
}

export function readModel(tokens: readonly Token[]): ModelReading {
  const seen = new Set<string>();
  let logit = BIAS;
  const positive: Array<{ token: Token; w: number }> = [];
  for (const t of tokens) {
    const f = featureOf(t);
    if (seen.has(f)) continue; // presence, not counts, as in training
    seen.add(f);
    const w = weightOf(f);
    if (w === undefined) continue;
    logit += w;
    if (w > 0) positive.push({ token: t, w });
  }
  const raw = Math.max(0, logit - MODEL_OFFSET) * MODEL_WEIGHT;
  if (raw === 0 || !positive.length) return { logit, raw: 0, words: [] };
  positive.sort((a, b) => b.w - a.w || a.token.start - b.token.start);
  const top = positive.slice(0, MODEL_DRIVERS);
  const total = top.reduce((s, p) => s + p.w, 0);
  return { logit, raw, words: top.map((p) => ({ token: p.token, weight: (raw * p.w) / total })) };
}
