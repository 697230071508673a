import { describe, expect, it } from 'vitest';
import { customer } from '../helpers.ts';

const cases: Record<string, { found: string[]; not: string[] }> = {
  threat: {
    found: ["I'm going to dispute the charge with my credit card company.", 'My attorney will hear about this.', "I'll make sure everyone on Twitter knows."],
    not: ['I reviewed my statement and found the charge.', 'Can you post the parcel today?'],
  },
  abuse: {
    found: ['Are you all idiots over there?', 'What kind of clown runs this place?'],
    not: ['The hell of it is I liked the product.', 'My cat is a bit of a clown sometimes, lol.'],
  },
  escalation: {
    found: ['I want to speak to a manager right now.', 'Who is your supervisor?', 'Get me someone more senior.'],
    not: ['The store manager was lovely.', 'I supervise a team of five.'],
  },
  churn: {
    found: ['Close my account.', "I'm switching to another provider.", "We're taking our business elsewhere."],
    not: ['How do I close the app on my phone?', 'I just moved to a new address.'],
  },
  exaggeration: {
    found: ["I've waited for weeks for this.", 'It never works when I need it.', 'I have asked a hundred times.'],
    not: ['It worked last week.', 'I waited at the door for the courier.'],
  },
  sarcasm: {
    found: ['Thanks for nothing.', 'Love waiting on hold for my whole lunch break.', 'Yeah right, like that will happen.'],
    not: ['Thanks for the fast reply.', 'I love the new design.'],
  },
};

describe('customer cues', () => {
  for (const [type, { found, not }] of Object.entries(cases)) {
    describe(type, () => {
      it.each(found)('found in "%s"', (text) => {
        const cue = customer(text).cues.find((c) => c.type === type);
        expect(cue, `cues: ${customer(text).cues.map((c) => c.type)}`).toBeDefined();
        expect(text.slice(cue!.span.start, cue!.span.end)).toBe(cue!.span.text);
        expect(cue!.messageIndex).toBe(0);
        expect(cue!.tip.length).toBeGreaterThan(10);
      });
      it.each(not)('not found in "%s"', (text) => {
        expect(customer(text).cues.map((c) => c.type)).not.toContain(type);
      });
    });
  }

  it('reports the message index of each cue', () => {
    const a = customer('Where is my order?', 'Fine. Cancel my subscription then.');
    expect(a.cues.find((c) => c.type === 'churn')!.messageIndex).toBe(1);
  });

  it('abuse or threats bring the "document this interaction" prompt', () => {
    expect(customer('You people are useless morons.').prompts.map((p) => p.id)).toContain('document');
    expect(customer('I will take you to small claims court.').prompts.map((p) => p.id)).toContain('document');
    expect(customer('My parcel is late, any news?').prompts.map((p) => p.id)).not.toContain('document');
  });

  it('a spike of anger brings the pause prompt', () => {
    const a = customer('Hi, could you tell me when my order ships?', 'ARE YOU SERIOUS?? Three weeks and NOTHING. This is a disgrace, I want a refund NOW!!!');
    expect(a.mood.delta).toBeGreaterThanOrEqual(25);
    expect(a.prompts.map((p) => p.id)).toContain('pause');
    expect(customer('This is unacceptable.', 'Still unacceptable.').prompts.map((p) => p.id)).not.toContain('pause');
  });

  describe('customer type', () => {
    const types: Array<[string, string]> = [
      ['escalator', 'Let me talk to your manager, this needs escalating.'],
      ['im-done', "I'm done with you people. Cancel my membership."],
      ['know-it-all', "I've worked in IT for twenty years and I know how these servers work."],
      ['champagne-taster', 'As a loyal customer I expect better than this.'],
      ['cooperator', "I know it isn't your fault, and I'm happy to send more details."],
    ];
    it.each(types)('guesses %s', (id, text) => {
      const t = customer(text).customerType;
      expect(t?.id).toBe(id);
      expect(t!.tip.length).toBeGreaterThan(10);
      expect(t!.because.length).toBeGreaterThan(0);
    });
    it('makes no guess without cues', () => {
      expect(customer('Can I change my delivery address?').customerType).toBeNull();
    });
  });
});
