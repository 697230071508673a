import { describe, expect, it } from 'vitest';
import { complaintSkeleton } from '../../../src/engine/next.ts';
import { draft, engine } from '../helpers.ts';

describe('next steps', () => {
  it('suggests the first steps not yet covered, in playbook order, personalised', () => {
    const a = engine.analyze({ customerName: 'Priya Shah', messages: [{ role: 'customer', text: 'My blender arrived broken!!' }], draft: "I'm so sorry about that." });
    expect(a.next.map((n) => n.step)).toEqual(['listen', 'validate', 'reiterate']);
    expect(a.next[0]!.text).toContain('Priya');
    expect(a.next[0]!.text).not.toContain('Shah');
    for (const n of a.next) expect(n.why.length).toBeGreaterThan(20);
  });

  it('drops the name cleanly when it is unknown', () => {
    const text = draft('').next.find((n) => n.step === 'validate')!.text;
    expect(text).not.toMatch(/\{\{|, \.|,,| {2}/);
  });

  it('builds the reiterate paraphrase from the customer\'s own complaint, from the agent\'s side', () => {
    const a = engine.analyze({ messages: [{ role: 'customer', text: 'I was charged twice for my subscription and nobody replies.' }], draft: "I'm sorry. I understand how annoying that is. Could you tell me more?" });
    const reiterate = a.next.find((n) => n.step === 'reiterate')!;
    expect(reiterate.text).toContain('your subscription');
  });

  it.each([
    ['The replacement you sent is broken too. Same box, same crack. I want my money back.', 'the replacement and your money'],
    ['Still nothing. You promised a call on Friday and NOBODY called. My order #4411 is lost.', 'your order #4411'],
    ['WHERE IS MY REFUND?? This is a joke.', 'your refund'],
  ])('paraphrase skeleton of "%s"', (text, expected) => {
    expect(complaintSkeleton(text)).toBe(expected);
  });

  it('has nothing to paraphrase in a message with no noun', () => {
    expect(complaintSkeleton('hello?')).toBeUndefined();
  });
});

describe('tone and flags agree', () => {
  it('a draft with flagged phrases never reads as warm, whatever "please" it holds', () => {
    const a = draft("That's our policy, please calm down.");
    expect(a.tone!.label).toBe('curt');
    expect(a.tone!.drivers.map((d) => d.id)).toEqual(expect.arrayContaining(['avoid-calm-down', 'avoid-policy-talk']));
  });
});
