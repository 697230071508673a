/**
 * The compact mood model: a logistic regression over words (NOT_word under negation), fitted on
 * GoEmotions by scripts/train/mood-model.ts. Pure lookups and a sum, so the worker, the CLI and
 * the eval read the same number. It only ever adds anger: calm words lower its logit, never the
 * gauge below what the rules say, so it cannot hide a complaint that the rules found.
 */
import model from './model.json';
import { packedLookup, type PackedModel, type WeightOf } from './packed.ts';
import { featureOf, type Token } from './tokens.ts';

const MODEL = model as PackedModel;
const BIAS = MODEL.bias;

/** The weights stay in the packed strings the trainer wrote, searched in place (packed.ts). */
export const weightOf: WeightOf = packedLookup(MODEL, 'mood model');

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
