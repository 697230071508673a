import { describe, expect, it } from 'vitest';
import { foldQuotedHistory, quotedHistoryStart } from '../../../src/engine/text/quoted-history.ts';
import { customer, draft } from '../helpers.ts';

describe('quoted history folding', () => {
  const NEW = 'Still nothing. I want a refund today.';
  it.each([
    ['Outlook header block', `${NEW}\n\nFrom: Acme Support <help@acme.com>\nSent: Monday, 23 November 2026 09:14\nTo: Dana\nSubject: RE: Order\n\nWe are sorry, please calm down.`],
    ['Outlook rule + bold header', `${NEW}\n________________________________\n*From:* Acme Support\n*Sent:* Monday\nOld text`],
    ['Original Message', `${NEW}\n-----Original Message-----\nFrom: x\nOld anger!!!`],
    ['German Original', `${NEW}\n----- Ursprüngliche Nachricht -----\nalt`],
    ['English wrote', `${NEW}\n\nOn Mon, Nov 23, 2026 at 9:14 AM Acme <help@acme.com> wrote:\n> old`],
    ['wrapped wrote', `${NEW}\nOn Mon, Nov 23, 2026 at 9:14 AM Acme Support <\nhelp@acme.com> wrote:\nold`],
    ['French', `${NEW}\nLe lun. 23 nov. 2026 à 09:14, Acme <help@acme.com> a écrit :\nancien`],
    ['German', `${NEW}\nAm Mo., 23. Nov. 2026 um 09:14 Uhr schrieb Acme <help@acme.com>:\nalt`],
    ['Spanish', `${NEW}\nEl lun, 23 nov 2026 a las 9:14, Acme (<help@acme.com>) escribió:\nviejo`],
    ['Italian', `${NEW}\nIl giorno lun 23 nov 2026 Acme ha scritto:\nvecchio`],
    ['Zendesk delimiter', `${NEW}\n##- Please type your reply above this line -##\nYour request 4411 has been updated.`],
  ])('%s: keeps only the new text', (_name, text) => {
    expect(foldQuotedHistory(text)).toBe(NEW);
    expect(quotedHistoryStart(text)).toBeGreaterThanOrEqual(NEW.length);
  });

  it.each([
    'From: the moment I ordered, nothing worked.',
    'On Monday I wrote to you twice and nobody answered.',
    'The date: tomorrow. From: me.',
    'I sent it on Monday — you wrote: "soon".',
  ])('leaves ordinary sentences alone: %s', (text) => {
    expect(quotedHistoryStart(text)).toBe(-1);
    expect(foldQuotedHistory(text)).toBe(text);
  });
});

describe('the engine reads only the new text of a message and the agent\'s own words of a draft', () => {
  const quoted = [
    'Thanks, the replacement arrived today.',
    '',
    'On Tue, 3 Mar 2026 at 09:12, Support <help@shop.example> wrote:',
    'This is a disgrace. You people are useless and I want my money back NOW.',
  ].join('\n');

  it('does not read the anger in the quoted history of a customer message', () => {
    const a = customer(quoted);
    expect(a.mood.level).toBe('calm');
    expect(a.cues).toEqual([]);
  });

  it('does not flag phrases in the history quoted under the draft, and keeps offsets before it', () => {
    const own = 'Glad it arrived. Please calm down about the rest.';
    const text = `${own}\n\nFrom: Support <help@shop.example>\nSent: Tuesday, 3 March 2026 09:12\nTo: Dana\nSubject: Order\n\nJust calm down, as I said before it is your fault.`;
    const flags = draft(text).flags;
    expect(flags.map((f) => text.slice(f.start, f.end))).toEqual(['calm down']);
    expect(flags[0]!.start).toBe(own.indexOf('calm down'));
  });
});
