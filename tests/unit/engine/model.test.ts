import { describe, expect, it } from 'vitest';
import model from '../../../src/engine/mood/model.json';
import { weightOf } from '../../../src/engine/mood/model.ts';
import toneModel from '../../../src/engine/mood/tone-model.json';
import { toneLogit, toneWeightOf } from '../../../src/engine/mood/tone-model.ts';
import { tokenize } from '../../../src/engine/mood/tokens.ts';

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

describe('compact tone model', () => {
  const features = toneModel.features.split('\n');
  const weights = toneModel.weights.split(',').map(Number);

  it('finds every feature with its weight, sorted by code unit, and nothing else', () => {
    expect(features.length).toBe(weights.length);
    features.forEach((f, i) => expect(toneWeightOf(f), f).toBe(weights[i]));
    for (let i = 1; i < features.length; i++) expect(features[i - 1]! < features[i]!).toBe(true);
    expect(toneWeightOf('zzzzzz-not-a-word')).toBeUndefined();
  });

  it('stays compact: the worker holds it beside the mood model', () => {
    expect(JSON.stringify(toneModel).length).toBeLessThan(60_000);
  });

  it('leans warm on thanks and care, curt on scorn', () => {
    const logit = (text: string) => toneLogit(tokenize(text)).logit;
    expect(logit('Thank you so much, I really appreciate your patience.')).toBeGreaterThan(0);
    expect(logit('This is stupid and a complete waste of my time.')).toBeLessThan(0);
    expect(logit('Thank you so much, I really appreciate your patience.')).toBeGreaterThan(logit('The parcel left the depot.'));
  });
});
