import { describe, expect, it } from 'vitest';
import { complaintSkeleton, suggestionOrder } from '../../../src/engine/next.ts';
import type { Step } from '../../../src/engine/analysis.ts';
import { fillTemplate } from '../../../src/engine/text/template.ts';
import { draft, engine } from '../helpers.ts';

describe('next steps', () => {
  it('suggests only steps not yet covered, personalised with the first name only', () => {
    const a = engine.analyze({ customerName: 'Priya Shah', messages: [{ role: 'customer', text: 'My blender arrived broken!! This is the second one and NOBODY cares!!' }], draft: "I'm so sorry about that." });
    expect(a.next.length).toBe(3);
    expect(a.next.map((n) => n.step)).not.toContain('apologize');
    expect(a.next[0]!.step).not.toBe('listen');
    for (const n of a.next) expect(n.text).not.toContain('Shah');
    for (const n of a.next) expect(n.why.length).toBeGreaterThan(20);
  });

  it('drops the name cleanly when it is unknown', () => {
    for (const n of draft('').next) expect(n.text).not.toMatch(/\{\{|, \.|,,| {2}/);
    for (const def of engine.rules.playbook.values()) {
      for (const t of def.suggestions) expect(fillTemplate(t, {})).not.toMatch(/\{\{(?!complaint)|, \.|,,| {2}|^\s/);
    }
  });

  it('builds the reiterate paraphrase from the customer\'s own complaint, from the agent\'s side', () => {
    const a = engine.analyze({ messages: [{ role: 'customer', text: 'I was charged twice for my subscription and nobody replies.' }], draft: "I'm sorry. I understand how annoying that is. Could you tell me more?" });
    const reiterate = a.next.find((n) => n.step === 'reiterate')!;
    expect(reiterate.text).toContain('your subscription');
  });

  it.each([
    ['The replacement you sent is broken too. Same box, same crack. I want my money back.', 'your money'],
    ['Still nothing. You promised a call on Friday and NOBODY called. My order #4411 is lost.', 'your order #4411'],
    ['WHERE IS MY REFUND?? This is a joke.', 'your refund'],
  ])('paraphrase skeleton of "%s"', (text, expected) => {
    expect(complaintSkeleton(text)).toBe(expected);
  });

  it('has nothing to paraphrase in a message with no noun', () => {
    expect(complaintSkeleton('hello?')).toBeUndefined();
  });

  it.each([
    ['My husband has been on hold all morning.'],
    ['This is my third message about it.'],
    ['Thanks Marcus, but the fault is still there.'],
    ['Sort it out now, this is a joke.'],
  ])('finds no clean paraphrase in "%s" (no person, no ordinal, no fragment)', (text) => {
    expect(complaintSkeleton(text)).toBeUndefined();
  });

  it('keeps the customer\'s own thing up to its head noun, never the verb after it', () => {
    expect(complaintSkeleton('Thanks Marcus, my router still drops every evening.')).toBe('your router');
  });
});

const step = (id: Step['id'], status: Step['status']): Step => ({ id, title: id, status, evidence: null });
const ALL: Step['id'][] = ['listen', 'validate', 'apologize', 'reiterate', 'own', 'options', 'follow-up', 'thank'];
const steps = (covered: Partial<Record<Step['id'], Step['status']>>): Step[] => ALL.map((id) => step(id, covered[id] ?? 'todo'));

describe('suggestions that fit the moment (issue 11)', () => {
  it('a calm or thankful customer gets a warm close, nothing de-escalating', () => {
    for (const moment of [{ level: 'calm' as const, recent: 'calm' as const, thankful: false, customerChars: 40 }, { level: 'upset' as const, recent: 'upset' as const, thankful: true, customerChars: 40 }]) {
      const order = suggestionOrder(steps({}), moment);
      expect(order[0]).toBe('thank');
      for (const id of ['listen', 'validate', 'apologize', 'reiterate'] as const) expect(order).not.toContain(id);
    }
  });

  it('a thankful but furious customer is still treated as furious', () => {
    expect(suggestionOrder(steps({}), { level: 'furious', recent: 'furious', thankful: true, customerChars: 40 }).slice(0, 2)).toEqual(['validate', 'apologize']);
  });

  it('a furious customer gets the feeling acknowledged and an apology first', () => {
    expect(suggestionOrder(steps({ reiterate: 'drafted' }), { level: 'furious', recent: 'furious', thankful: false, customerChars: 400 }).slice(0, 2)).toEqual(['validate', 'apologize']);
  });

  it('once the problem is restated and options given, follow-up comes first', () => {
    const order = suggestionOrder(steps({ validate: 'done', apologize: 'done', reiterate: 'drafted', options: 'drafted' }), { level: 'upset', recent: 'upset', thankful: false, customerChars: 300 });
    expect(order[0]).toBe('follow-up');
    expect(order).not.toContain('listen');
  });

  it('does not invite details from a customer who already explained at length', () => {
    const long = suggestionOrder(steps({}), { level: 'angry', recent: 'angry', thankful: false, customerChars: 600 });
    expect(long).not.toContain('listen');
    const short = suggestionOrder(steps({}), { level: 'angry', recent: 'angry', thankful: false, customerChars: 30 });
    expect(short).toContain('listen');
    expect(short[0]).not.toBe('listen');
  });

  it('never suggests a step the reply already did or drafted', () => {
    const a = engine.analyze({
      customerName: 'Tomas',
      messages: [
        { role: 'customer', text: 'My parcel is a week late and the tracking has not moved since Monday. I needed it for a birthday!' },
        { role: 'agent', text: "I'm really sorry, Tomas. A week with no movement is frustrating." },
        { role: 'customer', text: 'So what are you going to do about it?' },
      ],
      draft: "I've asked the depot to put it on the first van, or I can refund you today, whichever you'd prefer.",
    });
    const covered = new Set(a.steps.filter((s) => s.status !== 'todo').map((s) => s.id));
    for (const id of ['apologize', 'validate', 'own', 'options'] as const) expect(covered.has(id)).toBe(true);
    for (const n of a.next) expect(covered.has(n.step)).toBe(false);
    expect(a.next[0]!.step).toBe('follow-up');
  });

  it('offers a fill-in-the-blank reiterate when the complaint has no clean phrase of the customer\'s', () => {
    const a = engine.analyze({ messages: [{ role: 'customer', text: 'Three times now and it still is not fixed!!' }], draft: "I'm sorry." });
    const r = a.next.find((n) => n.step === 'reiterate')!;
    expect(r.text).toContain('[describe the problem');
    expect(r.text).not.toContain('{{');
  });

  it('never puts a name that is not the customer\'s into a suggestion', () => {
    const a = engine.analyze({
      customerName: 'Dana Okoye',
      messages: [{ role: 'customer', text: 'Thanks Marcus, but my router STILL drops every evening and I am fed up!!' }],
      draft: '',
    });
    expect(a.next.length).toBeGreaterThan(0);
    for (const n of a.next) expect(n.text).not.toContain('Marcus');
  });

  it('the thankful customer reading uses the pack\'s own thank rules', () => {
    const a = engine.analyze({ customerName: 'Lena', messages: [{ role: 'customer', text: 'That worked, thank you so much for your help!' }], draft: '' });
    const ids = a.next.map((n) => n.step);
    expect(ids[0]).toBe('thank');
    expect(a.next[0]!.text).toContain('Lena');
    expect(ids).not.toContain('validate');
    expect(ids).not.toContain('apologize');
  });
});

describe('tone and flags agree', () => {
  it('a draft with flagged phrases never reads as warm, whatever "please" it holds', () => {
    const a = draft("That's our policy, please calm down.");
    expect(a.tone!.label).toBe('curt');
    expect(a.tone!.drivers.map((d) => d.id)).toEqual(expect.arrayContaining(['avoid-calm-down', 'avoid-policy-talk']));
  });
});

describe('every playbook suggestion, once inserted, ticks its own step', () => {
  const all = [...engine.rules.playbook.values()].flatMap((def) => def.suggestions.map((s) => [def.id, s] as const));
  it.each(all)('%s: "%s"', (id, template) => {
    const text = template.replace('{{name}}', 'Ines').replace('{{complaint}}', 'your order #2210');
    expect(text).not.toMatch(/\{\{/);
    const a = draft(text);
    expect(a.steps.find((s) => s.id === id)!.status).toBe('drafted');
    expect(a.flags).toEqual([]);
  });
});

describe('one acknowledgement for an upset customer', () => {
  it('an upset customer gets an apology first and validation only after the other steps', () => {
    const order = suggestionOrder(steps({}), { level: 'upset', recent: 'upset', thankful: false, customerChars: 400 });
    expect(order[0]).toBe('apologize');
    expect(order.indexOf('validate')).toBe(order.length - 1);
  });
  it('an angry customer still gets both, validation first', () => {
    expect(suggestionOrder(steps({}), { level: 'angry', recent: 'angry', thankful: false, customerChars: 400 }).slice(0, 2)).toEqual(['validate', 'apologize']);
  });
});
