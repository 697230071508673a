import { describe, expect, it } from 'vitest';
import { compileMatcher, expandPattern, MAX_PATTERN_VARIANTS } from '../../../src/engine/checks/matcher.ts';
import type { Rule } from '../../../src/engine/pack/schema.ts';

const rule = (id: string, patterns: string[], unless?: string[]): Rule =>
  ({ id, kind: 'signal', weight: 1, description: 'test', message: 'test', patterns, ...(unless ? { unless } : {}) }) as Rule;

/** The substrings of `text` that the one-rule matcher finds. */
function found(patterns: string[], text: string, unless?: string[]): string[] {
  return compileMatcher([rule('r', patterns, unless)]).match(text).map((m) => text.slice(m.start, m.end));
}

// compromise fails on groups holding a phrase or a contraction in these places; the matcher
// spells such groups out. Each case below matched nothing before it did.
describe('patterns with phrase groups', () => {
  it('match a contraction written inside a group', () => {
    expect(found(["(cannot|can't) reach (anyone|you)"], 'Honestly I can\'t reach anyone at all.')).toEqual(["can't reach anyone"]);
  });

  it('match a phrase group right after a wildcard', () => {
    expect(found(['(best|finest) .{0,3} (i have|ever) (seen|had)'], 'The finest hotel I have ever had, truly.')).toEqual(['finest hotel I have ever had']);
  });

  it('match a phrase group that starts on the hidden half of a contraction', () => {
    expect(found(['(he|she) (is gonna|will) (regret|rue)'], "Tell him she's gonna regret it")).toEqual(["she's gonna regret"]);
  });

  it('match an optional phrase group with and without it, as one finding', () => {
    expect(found(['(thanks|thank you) (a lot|so much)? for nothing'], 'Well thank you so much for nothing.')).toEqual(['thank you so much for nothing']);
    expect(found(['(thanks|thank you) (a lot|so much)? for nothing'], 'Thanks for nothing.')).toEqual(['Thanks for nothing']);
  });

  it('cancel a match through an unless pattern with a phrase group', () => {
    expect(found(['send (it|them) back'], 'I will send it back to you', ['(will|shall) send (it|them) back (to you|tomorrow)'])).toEqual([]);
    expect(found(['send (it|them) back'], 'Please send it back now', ['(will|shall) send (it|them) back (to you|tomorrow)'])).toEqual(['send it back']);
  });

  it('still find each place the rule matches', () => {
    const text = "I can't reach anyone today and I cannot reach you tomorrow";
    expect(found(["(cannot|can't) reach (anyone|you)"], text)).toEqual(["can't reach anyone", 'cannot reach you']);
  });
});

describe('expandPattern', () => {
  it('spells out the phrase groups compromise gets wrong, keeping single words as one group', () => {
    expect(expandPattern("(a|b|c d) (x|y) z '")).toEqual(["(c d|a|b) (x|y) z '"]);
    expect(expandPattern('go .{0,2} (a|b|c d) z')).toEqual(['go .{0,2} (a|b) z', 'go .{0,2} c d z']);
    expect(expandPattern("(can't|cannot) go")).toEqual(['cannot go', "can't go"]);
    expect(expandPattern('he (is gonna|will) go')).toEqual(['he will go', 'he is gonna go']);
  });

  it('leaves the phrase groups compromise matches well', () => {
    expect(expandPattern('(fed up|angry) with')).toEqual(['(fed up|angry) with']);
  });

  it('leaves negated and repeated groups alone', () => {
    expect(expandPattern('!(a b|c) d')).toEqual(['!(a b|c) d']);
    expect(expandPattern('(a b)+ c')).toEqual(['(a b)+ c']);
  });

  it('undoes the doubled group a vocab reference expands into', () => {
    expect(expandPattern('get .{0,2} ((x|y z)) w')).toEqual(['get .{0,2} x w', 'get .{0,2} y z w']);
  });

  it('keeps the groups, longest alternative first, when spelling out would make too many patterns', () => {
    const alts = Array.from({ length: MAX_PATTERN_VARIANTS + 1 }, (_, i) => `w${i} v`);
    const out = expandPattern(`go .{0,1} (${alts.slice(0, 30).join('|')}) (${alts.join('|')}|x'y)`);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^go \.\{0,1\} \(w0 v\|/);
    expect(out[0]).toMatch(/\|x'y\)$/);
  });
});
