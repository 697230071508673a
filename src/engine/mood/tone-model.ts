/**
 * The compact tone model: a logistic regression over words (NOT_word under negation), fitted on
 * GoEmotions by scripts/train/tone-model.ts, warm (gratitude, caring, approval, admiration) against
 * curt (anger, annoyance, disapproval, disgust). One voice in the draft's tone beside the packs'
 * politeness rules: it reads the words no rule explained, and its say is capped either way.
 */
import model from './tone-model.json';
import { packedLookup, type PackedModel, type WeightOf } from './packed.ts';
import { featureOf, type Token } from './tokens.ts';

const MODEL = model as PackedModel;

export const toneWeightOf: WeightOf = packedLookup(MODEL, 'tone model');

/** The model's logit for "warm" over these words (each feature once: presence, as in training). */
export function toneLogit(tokens: readonly Token[]): { logit: number; words: Array<{ token: Token; weight: number }> } {
  const seen = new Set<string>();
  let logit = MODEL.bias;
  const words: Array<{ token: Token; weight: number }> = [];
  for (const t of tokens) {
    const f = featureOf(t);
    if (seen.has(f)) continue;
    seen.add(f);
    const w = toneWeightOf(f);
    if (w === undefined) continue;
    logit += w;
    words.push({ token: t, weight: w });
  }
  return { logit, words };
}
