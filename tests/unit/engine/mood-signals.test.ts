/** The complaint signals added for issue 7, with paraphrases and near-misses written for the tests. */
import { describe, expect, it } from 'vitest';
import { customer } from '../helpers.ts';

const m = (text: string) => customer(text).mood.messages[0]!;
const ids = (text: string) => m(text).drivers.map((d) => d.id);
const level = (text: string) => customer(text).mood.level;

describe('mood signals that generalize', () => {
  it('reads complaints with no emotion word as upset', () => {
    for (const text of [
      'I cannot get through to anyone on your phone line.',
      'The order came with no charger and there is still no reply to my email.',
      'It should not take three weeks to process a return.',
      'Been on hold for 40 minutes now. Come on.',
      'Why was my card charged again when the booking was cancelled?',
    ]) expect(level(text), text).not.toBe('calm');
  });

  it('keeps neutral questions, scheduling and thanks calm', () => {
    for (const text of [
      'Delivery is within 3 days, right?',
      'No worries, the charger turned up this morning. Thanks!',
      'Should I bring the receipt to the store?',
      'Why do plants need light? Asking for my daughter.',
      'Could you tell me the opening hours for Sunday?',
    ]) expect(level(text), text).toBe('calm');
  });

  it('explains the new signals as drivers', () => {
    expect(ids('The box came with no cable inside and it has been 5 days.')).toEqual(expect.arrayContaining(['signal-absence', 'signal-time-span']));
    expect(ids('I was promised a callback yesterday.')).toContain('signal-expectation');
    expect(ids('Nobody is answering the chat.')).toContain('signal-unreachable');
  });

  it('does not count @mentions or URLs as words', () => {
    const text = '@united https://example.com/great-happy-love';
    expect(m(text).drivers).toEqual([]);
    expect(m(text).score).toBe(0);
  });

  it('reads a hashtag as its word', () => {
    expect(m('Flight moved twice today #disappointed').drivers.some((d) => d.span.text.includes('disappointed'))).toBe(true);
  });

  it('the compact model adds anger from words no rule knows, and says which', () => {
    const d = m('This is so annoying, I hate how this works.').drivers.filter((x) => x.id === 'model');
    expect(d.length).toBeGreaterThan(0);
    for (const x of d) expect(x.weight).toBeGreaterThan(0);
  });

  it('negation stops at a clause break', () => {
    // "not" belongs to the first clause; "happy" in the second is not negated.
    const d = m('I could not sleep, but I am happy with the new bed.').drivers.find((x) => x.span.text === 'happy');
    expect(d?.label).toBe('positive word');
  });

  it('reads sadness, unease and swearing for emphasis lower than anger at the reader', () => {
    const pairs: Array<[string, string]> = [
      ['I really miss my old neighbourhood, it makes me sad.', 'Your useless service makes me furious.'],
      ['Holy shit, the new garden looks amazing.', 'Your shit service lost my parcel.'],
      ['I am kind of nervous about the first lesson.', 'I am sick of your excuses.'],
    ];
    for (const [soft, angry] of pairs) expect(m(soft).score, soft).toBeLessThan(m(angry).score);
    expect(ids('Holy shit, the new garden looks amazing.')).not.toContain('cue-abuse');
    // Swearing about the service is heat, not abuse: abuse is aimed at a person.
    expect(ids('Your shit service lost my parcel.')).toContain('signal-profanity');
    expect(ids('Your shit service lost my parcel.')).not.toContain('cue-abuse');
    expect(ids('I was embarrassed by how rude your staff were.')).not.toContain('signal-unease');
  });
});

