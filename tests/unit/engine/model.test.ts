import { describe, expect, it } from 'vitest';
import model from '../../../src/engine/mood/model.json';
import { weightOf } from '../../../src/engine/mood/model.ts';

describe('compact mood model storage', () => {
  const features = model.features.split('\n');
  const weights = model.weights.split(',').map(Number);

  it('finds every feature with its weight by binary search over the packed strings', () => {
    expect(features.length).toBe(weights.length);
    features.forEach((f, i) => expect(weightOf(f), f).toBe(weights[i]));
  });

  it('knows nothing of words it was not trained on', () => {
    for (const w of ['', 'zzzzzz-not-a-word', '\uffff', 'a\nb']) expect(weightOf(w)).toBeUndefined();
  });

  it('keeps the features sorted by code unit, as the search needs', () => {
    for (let i = 1; i < features.length; i++) expect(features[i - 1]! < features[i]!).toBe(true);
  });
});
