/**
 * Fits the compact tone model: an L2-regularised logistic regression over the words of a text
 * (NOT_ marking under negation, as the mood model), on the GoEmotions train split (Apache-2.0,
 * ../shared/eval/train/goemotions.train.tsv). Warm class: gratitude, caring, approval or admiration
 * (the reader is thanked, looked after, agreed with, appreciated); curt class: anger, annoyance,
 * disapproval or disgust. Texts with both or neither are left out, so the model learns the
 * difference between the two, not "emotional vs neutral". No dev or held-out text is read here.
 * Deterministic; writes src/engine/mood/tone-model.json.
 *
 *   node scripts/run-ts.mjs scripts/train/tone-model.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { featureOf, tokenize } from '../../src/engine/mood/tokens.ts';
import { fitLogistic, packWeights, readGoEmotions } from './logistic.ts';

/** GoEmotions ids (goemotions.emotions.txt, 0-based). */
export const WARM_IDS = [0, 4, 5, 15];
export const CURT_IDS = [2, 3, 10, 11];
export const MIN_COUNT = 5;
export const L2 = 3;
export const ITERATIONS = 300;
/** Weights smaller than this are dropped: the model has to stay small (tone runs on every pause). */
export const MIN_WEIGHT = 0.25;

export function main(argv: string[]): number {
  const input = argv[0] ?? resolve(process.cwd(), '../shared/eval/train/goemotions.train.tsv');
  const output = argv[1] ?? resolve(process.cwd(), 'src/engine/mood/tone-model.json');
  const warmIds = process.env.TONE_WARM ? process.env.TONE_WARM.split(',').map(Number) : WARM_IDS;
  const curtIds = process.env.TONE_CURT ? process.env.TONE_CURT.split(',').map(Number) : CURT_IDS;
  const minWeight = process.env.TONE_MIN_WEIGHT ? Number(process.env.TONE_MIN_WEIGHT) : MIN_WEIGHT;
  const l2 = process.env.TONE_L2 ? Number(process.env.TONE_L2) : L2;
  const restIsCurt = process.env.TONE_REST === 'curt';
  const labels: number[] = [];
  const counts = new Map<string, number>();
  const raw: string[][] = [];
  for (const ex of readGoEmotions(input)) {
    const warm = ex.ids.some((id) => warmIds.includes(id));
    const curt = ex.ids.some((id) => curtIds.includes(id)) || (restIsCurt && !warm);
    if (warm === curt) continue;
    const feats = [...new Set(tokenize(ex.text).map(featureOf))];
    raw.push(feats);
    for (const f of feats) counts.set(f, (counts.get(f) ?? 0) + 1);
    labels.push(warm ? 1 : 0);
  }
  const vocab = [...counts].filter(([, c]) => c >= MIN_COUNT).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const docs = raw.map((feats) => feats.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  process.stderr.write(`train: ${docs.length} texts, ${labels.filter((y) => y).length} warm, ${vocab.length} features\n`);
  const fit = fitLogistic(docs, labels, vocab.length, l2, ITERATIONS);

  const weights: Record<string, number> = {};
  vocab.forEach((f, i) => {
    const v = Math.round(fit.weights[i]! * 10) / 10;
    if (Math.abs(v) >= minWeight) weights[f] = v;
  });
  const model = {
    about: 'Logistic regression on GoEmotions train (Apache-2.0): gratitude, caring, approval or admiration (warm) vs anger, annoyance, disapproval or disgust (curt). Written by scripts/train/tone-model.ts; do not edit by hand.',
    warm: warmIds,
    curt: curtIds,
    l2,
    bias: Math.round(fit.bias * 1000) / 1000,
    ...packWeights(weights),
  };
  writeFileSync(output, `${JSON.stringify(model)}\n`);
  process.stderr.write(`train: wrote ${Object.keys(weights).length} weights to ${output}\n`);
  return 0;
}
