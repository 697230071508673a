// Mood read the way a support lead reads it (issue 11): negation scoped to the clause, hurt
// feelings as upset, politeness that softens, sarcasm that raises, and "furious" kept for rage.
// Every sentence here was written for these tests.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.ts';
import { isNegated, tokenize } from '../../../src/engine/mood/tokens.ts';
import { customer, engine } from '../helpers.ts';

const mood = (text: string) => customer(text).mood.messages[0]!;
const level = (text: string) => mood(text).level;
const driverIds = (text: string) => mood(text).drivers.map((d) => d.id);
const cueTypes = (...texts: string[]) => customer(...texts).cues.map((c) => c.type);

describe('negation scoped to the clause', () => {
  it('drops a complaint the customer denies', () => {
    expect(level('The van was not late, the driver was friendly, thanks.')).toBe('calm');
    expect(level("Nothing's broken, I only want to change my plan.")).toBe('calm');
    expect(level("I'm not angry at all, just checking the date.")).toBe('calm');
    // The same complaints, not denied, are read.
    expect(level('The van was late again and the driver was rude.')).not.toBe('calm');
  });

  it('stops at a clause break: a denial in one clause does not erase a complaint in the next', () => {
    const text = 'The parcel was not damaged, but it arrived late and broken glass was inside.';
    expect(driverIds(text)).toContain('signal-failure');
    const span = mood(text).drivers.find((d) => d.id === 'signal-failure')!.span;
    // The driver points into the second clause, not at "damaged" after the negator.
    expect(span.start).toBeGreaterThan(text.indexOf('but'));
  });

  it('denies only what the negator stands right before', () => {
    const tokens = tokenize("I can't get back the hours I lost");
    expect(isNegated(tokens, "I can't get back the hours I lost".indexOf('lost'))).toBe(false);
    const denied = 'it was not late';
    expect(isNegated(tokenize(denied), denied.indexOf('late'))).toBe(true);
    const degree = 'I have never been so disappointed';
    expect(isNegated(tokenize(degree), degree.indexOf('disappointed'))).toBe(false);
    const clause = 'not the courier. late again';
    expect(isNegated(tokenize(clause), clause.indexOf('late'))).toBe(false);
  });

  it('does not count a threat the customer rules out', () => {
    expect(cueTypes("I'm not going to sue anyone, I just want my deposit.")).not.toContain('threat');
    expect(cueTypes("I'm going to sue if the deposit is not back by Monday.")).toContain('threat');
  });
});

describe('bands: hurt is upset, hostility angry, rage furious', () => {
  it('keeps named hurt feelings at upset however many there are', () => {
    const text = 'Really disappointed and a bit annoyed, the lamp came chipped and the box was crushed.';
    expect(level(text)).toBe('upset');
  });

  it('reads worry and confusion as upset, not anger', () => {
    expect(['calm', 'upset']).toContain(level("I'm worried my pension payment went to the old account. What happens now?"));
    expect(['calm', 'upset']).toContain(level("I'm confused by the new charge on my statement, can you explain it?"));
  });

  it('reads anger words and accusations as angry, not furious', () => {
    expect(level('This is outrageous, you charged me twice and it is a scam.')).toBe('angry');
  });

  it('keeps furious for threats of harm and insults at people', () => {
    expect(level('If your installer turns up again I will break his nose.')).toBe('furious');
    expect(level('You useless muppets lost my passport.')).toBe('furious');
    // Swearing about a thing is heat, not rage.
    expect(level('The shitty app logged me out again.')).not.toBe('furious');
  });

  it('a threat of harm to staff is a threat with the document prompt', () => {
    const a = customer("Send that engineer back here and he'll regret it.");
    expect(a.cues.map((c) => c.type)).toContain('threat');
    expect(a.prompts.map((p) => p.id)).toContain('document');
    expect(a.mood.level).toBe('furious');
  });

  it('a polite request for a manager or a polite cancellation is not furious', () => {
    expect(level("Hello, I'd like to speak to a manager about my claim, please. Thank you.")).not.toBe('furious');
    expect(level('Hi, I would like to close my savings account please. How do I do that?')).toBe('calm');
  });
});

describe('sarcasm and politeness', () => {
  it('sarcasm raises the reading instead of praise lowering it', () => {
    const sarcastic = 'The router died again on day two. Brilliant. Just brilliant.';
    const plain = 'The router died again on day two.';
    expect(mood(sarcastic).score).toBeGreaterThan(mood(plain).score);
    expect(cueTypes(sarcastic)).toContain('sarcasm');
  });

  it('sarcasm alone is a jab (upset); on top of a complaint it is anger', () => {
    const jab = "Don't you love it when a form asks for the same postcode four times?";
    expect(cueTypes(jab)).toContain('sarcasm');
    expect(level(jab)).toBe('upset');
    const onComplaint = 'Gotta love it when the app crashes halfway through my order.';
    expect(cueTypes(onComplaint)).toContain('sarcasm');
    expect(level(onComplaint)).toBe('angry');
  });

  it('reads over-the-top praise as sarcasm when the same message says the thing does not work', () => {
    const text = "Easily the strictest checkout I've ever used, it won't let me pay with my own card.";
    expect(cueTypes(text)).toContain('sarcasm');
    expect(level(text)).not.toBe('calm');
    expect(cueTypes("Easily the smoothest checkout I've ever used, paid in a minute.")).not.toContain('sarcasm');
  });

  it('praise alone is praise, not sarcasm', () => {
    expect(cueTypes('Brilliant. The new app is so much faster.')).not.toContain('sarcasm');
    expect(level('Brilliant. The new app is so much faster.')).toBe('calm');
  });

  it('politeness softens a complaint but does not erase it', () => {
    const polite = 'My refund has still not arrived after three weeks. Could you please check? Thanks.';
    const blunt = 'My refund has still not arrived after three weeks.';
    expect(mood(polite).score).toBeLessThan(mood(blunt).score);
    expect(level(polite)).not.toBe('calm');
  });
});

describe('every score says why', () => {
  it('gives each driver a span the test can find in the message', () => {
    const text = 'Honestly this is outrageous, the courier left my parcel in the rain.';
    for (const d of mood(text).drivers) expect(text.slice(d.span.start, d.span.end)).toBe(d.span.text);
    const anger = mood(text).drivers.find((d) => d.id === 'signal-direct-frustration')!;
    expect(anger.span.start).toBe(text.indexOf('outrageous'));
  });
});

describe('customer type', () => {
  it('breaks ties by pack order, whatever the order the cues appear in', () => {
    const a = customer('I am a network engineer, I know exactly how this works.', 'As a platinum member I expect better.');
    const b = customer('As a platinum member I expect better.', 'I am a network engineer, I know exactly how this works.');
    // One cue each: a tie, which the pack's order of customer types settles.
    const tied = engine.rules.customerTypes.filter((t) => t.cues.some((c) => c === 'expertise' || c === 'entitlement'));
    expect(tied.length).toBeGreaterThan(1);
    expect(a.customerType?.id).toBe(tied[0]!.id);
    expect(b.customerType?.id).toBe(tied[0]!.id);
  });
});

describe('determinism', () => {
  it('two fresh engines give the same analysis of the same conversation', () => {
    const conversation = {
      customerName: 'Robin Ames',
      messages: [
        { role: 'customer' as const, text: 'Third time the boiler engineer missed the slot. Outrageous.' },
        { role: 'agent' as const, text: "I'm sorry, Robin. I'll book the first slot tomorrow myself." },
        { role: 'customer' as const, text: 'Fine. But if it happens again I am going to the ombudsman!!' },
      ],
      draft: 'Thank you for bearing with us. As I said, our policy is to reschedule.',
    };
    expect(createEngine().analyze(conversation)).toEqual(createEngine().analyze(conversation));
  });
});
