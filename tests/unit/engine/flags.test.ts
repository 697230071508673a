import { describe, expect, it } from 'vitest';
import { draft, engine, flagRules } from '../helpers.ts';

const cases: Record<string, { flagged: string[]; not: string[] }> = {
  'avoid-policy-talk': {
    flagged: ["Sorry, that's our policy.", 'According to the company policy, we cannot refund opened items.', 'Our policy does not allow exchanges after 30 days.'],
    not: ['I asked my manager to make an exception for you.', 'The privacy policy link is in the footer of every email.'],
  },
  'avoid-calm-down': {
    flagged: ['Calm down and I will look.', 'Sir, please settle down.', "You're overreacting a little."],
    not: ['When things calm down next week we will restock.', 'This calming routine works for most devices.'],
  },
  'avoid-redirect-to-website': {
    flagged: ["You'll have to go to our website to do that.", 'Just check our FAQ for the answer.', 'You need to submit the online form.'],
    not: ['I looked at our website and found your order.', 'I submitted the form on your behalf.'],
  },
  'avoid-handoff': {
    flagged: ['Another team will handle your complaint.', "I'll transfer you to billing.", "That's not my job."],
    not: ['I checked with our shipping team myself.', 'Our team is proud of this release.'],
  },
  'avoid-nothing-i-can-do': {
    flagged: ["There's nothing I can do about it.", 'My hands are tied here.', 'We cannot help any further.'],
    not: ['Is there anything more I can do?', 'I can do that right away.'],
  },
  'avoid-as-i-said': {
    flagged: ['As I said before, it takes a day.', 'As previously mentioned, the store is closed.', 'Like I said, you need a receipt.'],
    not: ['As you mentioned, the lid was cracked.', 'I said yes to the upgrade.'],
  },
  'avoid-blame': {
    flagged: ['You should have checked the size chart.', 'You failed to update your card.', "It's your own fault the code expired."],
    not: ['You should have the parcel tomorrow.', 'If you have questions, reply here.'],
  },
  'avoid-arguing-exaggeration': {
    flagged: ['Actually you only waited 10 minutes.', "That's not what happened.", 'It was just two days, not weeks.'],
    not: ['I know you have waited far too long.', 'It was only right to refund you.'],
  },
};

describe('flags on the draft', () => {
  for (const [rule, { flagged, not }] of Object.entries(cases)) {
    describe(rule, () => {
      it.each(flagged)('flags "%s"', (text) => {
        const a = draft(text);
        const flag = a.flags.find((f) => f.ruleId === rule);
        expect(flag, `flags: ${flagRules(a).join(', ')}`).toBeDefined();
        expect(text.slice(flag!.start, flag!.end)).toBe(flag!.text);
        expect(flag!.message.length).toBeGreaterThan(10);
        expect(flag!.replacements.length).toBeGreaterThan(0);
      });
      it.each(not)('does not flag "%s"', (text) => {
        expect(flagRules(draft(text))).not.toContain(rule);
      });
    });
  }

  it('raises both flags for the phrase the extension tests type', () => {
    const text = "That's our policy, please calm down.";
    const a = draft(text);
    expect(flagRules(a)).toEqual(['avoid-policy-talk', 'avoid-calm-down']);
    expect(a.flags.map((f) => f.text)).toEqual(["That's our policy", 'calm down']);
    expect(a.flags[1]!.severity).toBe('error');
  });

  it('does not flag "calm down" inside a quote of the customer', () => {
    expect(flagRules(draft('You said "calm down" was what the last agent told you, and that is not okay.'))).not.toContain('avoid-calm-down');
    expect(flagRules(draft('> Please calm down, they told me.\nI am sorry you were spoken to that way.'))).not.toContain('avoid-calm-down');
    expect(flagRules(draft('You were told \u201cthat\u2019s our policy\u201d, which is not good enough.'))).not.toContain('avoid-policy-talk');
  });

  it('matches curly apostrophes like straight ones', () => {
    expect(flagRules(draft('That\u2019s our policy.'))).toContain('avoid-policy-talk');
  });

  it('reports offsets into the whole draft across sentences and lines', () => {
    const text = 'Hi Ana,\n\nThanks for writing. As I already said, the refund is processing.\nPlease relax.';
    const a = draft(text);
    for (const f of a.flags) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(flagRules(a)).toEqual(['avoid-as-i-said', 'avoid-calm-down']);
  });

  it('fills the matched text into the message', () => {
    const flag = draft('Calm down please.').flags[0]!;
    expect(flag.message).toContain('"Calm down"');
  });

  it('gives one flag per phrase when rules overlap, preferring the more severe', () => {
    const a = draft("There's nothing I can do, that's out of my hands.");
    const starts = a.flags.map((f) => f.start);
    expect(new Set(starts).size).toBe(starts.length);
    for (let i = 1; i < a.flags.length; i++) expect(a.flags[i]!.start).toBeGreaterThanOrEqual(a.flags[i - 1]!.end);
  });

  it('a clean, warm reply has no flags', () => {
    expect(draft("I'm sorry about the delay, Sam. I'll personally chase the courier and update you by 5pm.").flags).toEqual([]);
  });
});

// Issue 11: the same bad idea in other words. Sentences written for these tests.
const byIdea: Record<string, { flagged: string[]; not: string[] }> = {
  'avoid-redirect-to-website': {
    flagged: ['Please visit our Help site for the steps.', 'The FAQ page explains how the points work.', 'Check our help centre for that.', 'You can update that yourself in the app.'],
    not: ["I've updated the address on our website for you.", 'The site outage is over now.'],
  },
  'avoid-blame': {
    flagged: ["You should've added the flat number to the note.", "Because you didn't send a meter reading, we estimated.", 'You must have typed the code wrong.'],
    not: ['You must have been so worried.', "You shouldn't have had to chase us."],
  },
  'avoid-arguing-exaggeration': {
    flagged: ['Actually, our records show the engineer came on Monday.', "That's not true, we did reply on the 2nd.", "It's been two weeks, not months."],
    not: ['Actually, I found a quicker way to do it.', 'Your records are attached.'],
  },
  'avoid-pointing-back': {
    flagged: ['Per my last email, the fee applies.', 'As outlined in the terms, refunds take a week.', 'As stated in our policy, the deposit is kept.', 'I have already explained this.'],
    not: ['As you mentioned, the seal was broken.', 'Let me explain how the terms apply to you.'],
  },
  'avoid-handoff': {
    flagged: ["That's one for the billing team, their number is below.", 'This is something for our Device Support team.', "We can't assist with billing questions over social media.", "You'll need to contact them directly."],
    not: ["I'll pass your kind words on to the team.", "I've escalated this to our billing team and I'll update you tomorrow.", 'I spoke to the courier myself.'],
  },
  'avoid-policy-talk': {
    flagged: ["That's just how it works.", 'Those are the rules I have to follow.'],
    not: ['Our policy is to refund you in full, and I have done that.'],
  },
};

describe('flags by idea (issue 11)', () => {
  for (const [rule, { flagged, not }] of Object.entries(byIdea)) {
    describe(rule, () => {
      it.each(flagged)('flags "%s"', (text) => {
        const a = draft(text);
        expect(flagRules(a), `flags: ${flagRules(a).join(', ')}`).toContain(rule);
      });
      it.each(not)('does not flag "%s"', (text) => expect(flagRules(draft(text))).not.toContain(rule));
    });
  }

  it('flags the words the test names, at the offsets it finds itself', () => {
    const text = 'Hello again. Per my last email, the refund window has closed. Please visit our website for the form.';
    const a = draft(text);
    const back = a.flags.find((f) => f.ruleId === 'avoid-pointing-back')!;
    expect(back.start).toBe(text.indexOf('Per my last email'));
    expect(back.end).toBe(text.indexOf('Per my last email') + 'Per my last email'.length);
    const web = a.flags.find((f) => f.ruleId === 'avoid-redirect-to-website')!;
    expect(web.start).toBe(text.indexOf('Please visit'));
  });

  it('prefers the more severe rule when two avoid rules cover the same words', () => {
    // "unable to help with that" is a dead end (error); "… over social media" also a hand-off (warning).
    const text = "Sorry, we're unable to help with that over social media.";
    const a = draft(text);
    expect(a.flags).toHaveLength(1);
    expect(a.flags[0]!.ruleId).toBe('avoid-nothing-i-can-do');
    expect(a.flags[0]!.severity).toBe('error');
    expect(a.flags[0]!.start).toBe(text.indexOf("we're unable"));
    expect(a.flags[0]!.end).toBe(text.indexOf('with that') + 'with that'.length);
  });

  it('does not flag blame quoted from the customer', () => {
    expect(flagRules(draft('You wrote "you should have warned me", and you are right.'))).not.toContain('avoid-blame');
  });

  it('finds a phrase at a caret in the middle of a long draft, with offsets into the whole draft', () => {
    const filler = 'The parcel left our depot this morning and is on its way to you. ';
    const half = filler.repeat(Math.ceil(15_000 / filler.length));
    const phrase = 'Per my last email, the fee stands.';
    const text = `${half}${phrase} ${half}Like I said, it ships today.`;
    const caret = text.indexOf(phrase) + 5;
    const a = engine.analyze({ messages: [{ role: 'customer', text: 'Where is my parcel?' }], draft: text, caret });
    const flag = a.flags.find((f) => f.ruleId === 'avoid-pointing-back')!;
    expect(flag.start).toBe(text.indexOf('Per my last email'));
    expect(text.slice(flag.start, flag.end)).toBe('Per my last email');
    // The end of the draft is outside the window read around the caret.
    expect(a.skipped.draftChars).toBeGreaterThan(0);
    expect(flagRules(a)).not.toContain('avoid-as-i-said');
  });
});
