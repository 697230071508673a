import { describe, expect, it } from 'vitest';
import { customer, engine } from '../helpers.ts';

const score = (text: string) => customer(text).mood.latest!;
const level = (text: string) => customer(text).mood.level;

describe('customer mood', () => {
  it('reads neutral questions and thanks as calm', () => {
    for (const text of ['Hi, what time does the store open on Sunday?', 'Thank you so much, that fixed it!', 'Could you send me the invoice for March please?']) {
      expect(level(text), text).toBe('calm');
    }
  });

  it('does not read a polite but firm complaint as calm', () => {
    const text = 'Hello. I am not happy with how this has been handled. I have been charged twice and I would like it corrected.';
    expect(level(text)).not.toBe('calm');
  });

  it('reads threats and abuse as furious', () => {
    expect(level('This is a scam, you incompetent idiots. I am calling my lawyer and disputing the charge.')).toBe('furious');
  });

  it('ranks angrier text higher', () => {
    const ladder = [
      'Can you check my order status?',
      'My order is late.',
      'My order is STILL late and nobody has replied to my emails.',
      'My order is STILL late!!! Nobody replies, this is a joke. Cancel my account or I file a chargeback.',
    ].map(score);
    for (let i = 1; i < ladder.length; i++) expect(ladder[i]).toBeGreaterThan(ladder[i - 1]!);
  });

  it('counts shouting and runs of "!" and "?" as intensity', () => {
    expect(score('WHY IS MY REFUND NOT HERE YET')).toBeGreaterThan(score('why is my refund not here yet'));
    expect(score('My refund is not here yet!!!')).toBeGreaterThan(score('My refund is not here yet.'));
    expect(score('Where is my refund??')).toBeGreaterThan(score('Where is my refund?'));
  });

  it('punctuation alone does not create anger', () => {
    expect(level('Great news!!!')).toBe('calm');
  });

  it('handles negation: "not happy" raises, "not a problem" does not', () => {
    expect(score('I am not happy.')).toBeGreaterThan(score('I am happy.'));
    expect(level('Not a problem at all, thanks!')).toBe('calm');
  });

  it('scores what AFINN misses: waiting, persistence, failure', () => {
    expect(level('Still waiting on my refund after 3 weeks.')).not.toBe('calm');
    expect(level('The app does not load again.')).not.toBe('calm');
  });

  it('explains every score with drivers whose spans are in the text', () => {
    const text = 'Thanks for nothing. I have waited 2 hours and the app STILL DOES NOT WORK!!';
    const m = customer(text).mood.messages[0]!;
    expect(m.drivers.length).toBeGreaterThan(2);
    for (const d of m.drivers) expect(text.slice(d.span.start, d.span.end)).toBe(d.span.text);
    expect(m.drivers.map((d) => d.id)).toContain('cue-sarcasm');
    expect(m.drivers.some((d) => d.id === 'shouting' || d.id === 'exclamations')).toBe(true);
  });

  it('does not let gratitude inside sarcasm calm the reading', () => {
    expect(score('Thanks for nothing.')).toBeGreaterThan(score('Thanks for your help.'));
  });

  it('scores only customer messages, and reports null before the customer writes', () => {
    const a = engine.analyze({ messages: [{ role: 'agent', text: 'This is terrible, awful, horrible.' }], draft: '' });
    expect(a.mood.messages).toEqual([]);
    expect(a.mood.latest).toBeNull();
  });

  describe('trend', () => {
    it('rising', () => expect(customer('Any update on my order?', 'Still nothing. This is ridiculous, I want a refund NOW!!').mood.trend).toBe('rising'));
    it('falling', () => expect(customer('This is ridiculous, I am furious!! Nobody helps!!', 'Thanks, that helps a lot.').mood.trend).toBe('falling'));
    it('steady', () => {
      const a = engine.analyze({
        messages: [
          { role: 'customer', text: 'My parcel is late. Where is it?' },
          { role: 'agent', text: 'Let me check.' },
          { role: 'customer', text: 'Hello? My parcel is late. Where is it?' },
        ],
        draft: '',
      });
      expect(a.mood.trend).toBe('steady');
    });
    it('rising when the customer writes twice with no reply', () => {
      const a = engine.analyze({
        messages: [
          { role: 'customer', text: 'My order is late.' },
          { role: 'customer', text: 'Hello? My order is late.' },
        ],
        draft: '',
      });
      expect(a.mood.trend).toBe('rising');
    });
  });

  it('is deterministic', () => {
    const conv = { messages: [{ role: 'customer' as const, text: 'I am furious, this is the third time!!' }], draft: 'Calm down.' };
    expect(engine.analyze(conv)).toEqual(engine.analyze(conv));
  });
});
