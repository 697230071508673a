import { describe, expect, it } from 'vitest';
import { draft, engine } from '../helpers.ts';

const tone = (text: string) => draft(text).tone!;

describe('draft tone', () => {
  it('is null for an empty draft', () => {
    expect(draft('').tone).toBeNull();
    expect(draft('   \n ').tone).toBeNull();
  });

  it('reads a plain statement as neutral', () => {
    expect(tone('The replacement ships on Monday.').label).toBe('neutral');
  });

  it('reads politeness markers as warm, with the phrases that drive it', () => {
    const t = tone('Hi Dana, thanks for your patience. Could you send me the order number when you have a moment?');
    expect(t.label).toBe('warm');
    expect(t.score).toBeGreaterThan(60);
    expect(t.drivers.map((d) => d.id)).toEqual(expect.arrayContaining(['tone-gratitude', 'tone-could-you', 'tone-greeting']));
  });

  it('reads orders, condescension and shouting as curt', () => {
    const t = tone('Obviously you need to restart it. Read the guide. DO NOT WRITE AGAIN!!');
    expect(t.label).toBe('curt');
    expect(t.score).toBeLessThan(40);
    expect(t.drivers.map((d) => d.id)).toEqual(expect.arrayContaining(['tone-obviously', 'tone-you-need-to', 'shouting', 'exclamations']));
  });

  it('orders drafts from curt to warm', () => {
    const ladder = [
      'Whatever. You need to read the manual.',
      'Restart the router.',
      'The router needs a restart.',
      'Could you restart the router, please?',
      'Hi Lee, thanks so much for your patience. Could you restart the router, please?',
    ].map((t) => tone(t).score);
    for (let i = 1; i < ladder.length; i++) expect(ladder[i]).toBeGreaterThan(ladder[i - 1]!);
  });

  it('keeps scores in 0–100 and spans inside the draft', () => {
    const text = 'Sorry! Why did you not read it? Just click the button. Thanks.';
    const t = tone(text);
    expect(t.score).toBeGreaterThanOrEqual(0);
    expect(t.score).toBeLessThanOrEqual(100);
    for (const d of t.drivers) expect(text.slice(d.span.start, d.span.end)).toBe(d.span.text);
  });

  it('does not read the customer words the agent quotes as the agent tone', () => {
    expect(tone('You wrote "this is obviously broken, you need to fix it" and I agree.').drivers.map((d) => d.id)).not.toContain('tone-obviously');
  });

  it('flags a clipped question as curt', () => {
    expect(tone('Which browser?').drivers.map((d) => d.id)).toContain('clipped');
  });

  it('is deterministic and independent of the customer messages', () => {
    const text = 'Thanks for waiting. You need to update the app.';
    const a = engine.analyze({ messages: [{ role: 'customer', text: 'I am furious!!' }], draft: text }).tone;
    const b = engine.analyze({ messages: [], draft: text }).tone;
    expect(a).toEqual(b);
  });

  it('weighs the wording as a whole with the tone model, on the agent words only', () => {
    const warm = tone('Thanks so much for your patience, I really appreciate it.');
    expect(warm.drivers.some((d) => d.id === 'model' && d.weight > 0)).toBe(true);
    const quoted = 'You wrote "this is stupid garbage, what a useless waste" and I understand.';
    for (const d of tone(quoted).drivers.filter((x) => x.id === 'model')) {
      expect(d.span.start).toBeGreaterThan(quoted.lastIndexOf('"'));
    }
  });
});
