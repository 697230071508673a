import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Analysis, MessageMood } from '../../../src/engine/analysis.ts';
import { catalogTranslator, type Catalog } from '../../../src/shared/i18n.ts';
import { afterActionNote, replyEffects } from '../../../src/sidebar/summary.ts';
import { engine } from '../helpers.ts';

const catalog = JSON.parse(readFileSync(new URL('../../../_locales/en/messages.json', import.meta.url), 'utf8')) as Catalog;
const t = catalogTranslator(catalog);

const mm = (index: number, score: number): MessageMood => ({
  index, score, level: score >= 80 ? 'furious' : score >= 55 ? 'angry' : score >= 30 ? 'upset' : 'calm', drivers: [],
});

describe('replyEffects', () => {
  it("compares the customer's message after each agent reply with the one before", () => {
    const effects = replyEffects({ messages: [mm(0, 70), mm(2, 40), mm(4, 45), mm(5, 90), mm(7, 95)], latest: 95, level: 'furious', trend: 'rising', delta: 5 });
    expect(effects.map((e) => [e.agentIndex, e.verdict, e.delta])).toEqual([[1, 'cooler', -30], [3, 'same', 5], [6, 'same', 5]]);
  });

  it('sees no reply between two customer messages in a row, and a heated answer as hotter', () => {
    expect(replyEffects({ messages: [mm(0, 20), mm(1, 90)], latest: 90, level: 'furious', trend: 'rising', delta: 70 })).toEqual([]);
    expect(replyEffects({ messages: [mm(0, 20), mm(2, 60)], latest: 60, level: 'angry', trend: 'rising', delta: 40 })[0]?.verdict).toBe('hotter');
  });
});

describe('afterActionNote', () => {
  const conversation = {
    customerName: 'Margaret Lee',
    messages: [
      { role: 'customer' as const, text: 'My order #4411 still has not shown up. This is the third time I have written!!' },
      { role: 'agent' as const, text: 'Hi Margaret, thanks for reaching out. I will check with the warehouse and get back to you by Friday.' },
      { role: 'customer' as const, text: 'This is a joke. You people are useless idiots. I will dispute the charge with my bank and leave a review everywhere!!' },
    ],
    draft: '',
  };
  const analysis: Analysis = engine.analyze(conversation);
  const note = afterActionNote(t, { analysis, customerName: 'Margaret Lee', messageCount: 3 });

  it('opens with who and how long, then the anger trend in numbers and words', () => {
    const lines = note.split('\n');
    expect(lines[0]).toBe('Cooldown summary: conversation with Margaret Lee (3 messages)');
    const first = analysis.mood.messages[0]!;
    const last = analysis.mood.messages[1]!;
    expect(note).toContain(`Customer mood: ${first.score} ${first.level} at first, ${last.score} ${last.level} in their latest message`);
    expect(note).toMatch(/after message 2 the customer (heated up|cooled down|stayed about the same) \([+-]?\d+\)/);
  });

  it('quotes threats and abuse word for word, for documentation', () => {
    const quoted = analysis.cues.filter((c) => c.type === 'threat' || c.type === 'abuse');
    expect(quoted.length).toBeGreaterThan(0);
    for (const c of quoted) expect(note).toContain(`(message ${c.messageIndex + 1}): “${c.span.text}”`);
  });

  it('lists the steps done in sent replies and the follow-up only when agreed', () => {
    for (const s of analysis.steps.filter((x) => x.status === 'done')) expect(note).toContain(`- ${s.title}`);
    const followUp = analysis.steps.find((s) => s.id === 'follow-up');
    if (followUp?.status === 'done') expect(note).toMatch(/Agreed follow-up: “.+” \(message 2\)\./);
    else expect(note).toContain('Agreed follow-up: none recorded.');
    expect(note).not.toMatch(/\$\d|undefined|null/);
  });

  it('says so when the customer has not written and nothing was done', () => {
    const empty = afterActionNote(t, { analysis: engine.analyze({ messages: [], draft: 'Hello' }), messageCount: 0 });
    expect(empty).toContain('Cooldown summary (0 messages)');
    expect(empty).toContain('Customer mood: the customer has not written yet.');
    expect(empty).toContain('Cues: none.');
    expect(empty).toContain('Steps taken: none recorded yet.');
  });

  it('does not count a drafted follow-up as agreed', () => {
    const a = engine.analyze({ messages: [{ role: 'customer', text: 'Where is my refund?' }], draft: "I'll follow up with you tomorrow by email." });
    expect(afterActionNote(t, { analysis: a, messageCount: 1 })).toContain('Agreed follow-up: none recorded.');
  });
});

describe('the English catalogue', () => {
  it('has a message for every key and uses only $1…$9 substitutions', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      expect(entry.message, key).not.toBe('');
      expect(entry.message.replace(/\$[1-9]/g, ''), key).not.toMatch(/\$/);
    }
  });
});
