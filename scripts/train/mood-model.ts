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
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { featureOf, tokenize } from '../../src/engine/mood/tokens.ts';
import { fitLogistic, packWeights, readGoEmotions } from './logistic.ts';

export { packWeights };

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
  for (const ex of readGoEmotions(input)) {
    const feats = [...new Set(tokenize(ex.text).map(featureOf))];
    raw.push(feats);
    for (const f of feats) counts.set(f, (counts.get(f) ?? 0) + 1);
    labels.push(ex.ids.some((id) => POSITIVE_IDS.includes(id)) ? 1 : 0);
  }
  const vocab = [...counts].filter(([, c]) => c >= MIN_COUNT).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  for (const feats of raw) docs.push(feats.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  process.stderr.write(`train: ${docs.length} texts, ${labels.filter((y) => y).length} positive, ${vocab.length} features\n`);
  const fit = fitLogistic(docs, labels, vocab.length, L2, ITERATIONS);
  const w = fit.weights;

  const weights: Record<string, number> = {};
  vocab.forEach((f, i) => {
    const v = Math.round(w[i]! * 100) / 100;
    if (Math.abs(v) >= MIN_WEIGHT) weights[f] = v;
  });
  const model = {
    about: 'Logistic regression on GoEmotions train (Apache-2.0): anger, annoyance, disappointment or disapproval vs the rest. Written by scripts/train/mood-model.ts; do not edit by hand.',
    positive: POSITIVE_IDS,
    l2: L2,
    bias: Math.round(fit.bias * 1000) / 1000,
    ...packWeights(weights),
  };
  writeFileSync(output, `${JSON.stringify(model)}\n`);
  process.stderr.write(`train: wrote ${Object.keys(weights).length} weights to ${output}\n`);
  return 0;
}

