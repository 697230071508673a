import { describe, expect, it } from 'vitest';
import type { Mood, MoodLevel } from '../../../src/engine/analysis.ts';
import { DEFAULT_SETTINGS, planSettings } from '../../../src/shared/settings.ts';
import {
  dismissBreak, EMPTY_WELLBEING, heatedStreak, MAX_WELLBEING_HISTORY, parseWellbeing, recordConversation, staysFurious, suggestBreak, suggestCall,
} from '../../../src/shared/wellbeing.ts';

const mood = (...levels: [number, MoodLevel][]): Mood => ({
  messages: levels.map(([score, level], i) => ({ index: i * 2, score, level, drivers: [] })),
  latest: levels.at(-1)?.[0] ?? null, level: levels.at(-1)?.[1] ?? null, trend: 'steady', delta: null,
});
const HOT = mood([85, 'furious']);
const COOL = mood([10, 'calm']);

describe('break tip', () => {
  it('counts heated conversations in a row and suggests a break at the setting', () => {
    let h = EMPTY_WELLBEING;
    h = recordConversation(h, 'a', HOT, 1);
    h = recordConversation(h, 'b', HOT, 2);
    expect(heatedStreak(h)).toBe(2);
    expect(suggestBreak(h, DEFAULT_SETTINGS)).toBe(false);
    h = recordConversation(h, 'c', HOT, 3);
    expect(suggestBreak(h, DEFAULT_SETTINGS)).toBe(true);
    expect(suggestBreak(h, planSettings(undefined, { wellbeing: { breakTip: false } }))).toBe(false);
    expect(suggestBreak(h, planSettings(undefined, { wellbeing: { breakAfter: 4 } }))).toBe(false);
  });

  it('a calm conversation breaks the streak; the same conversation again is one conversation', () => {
    let h = EMPTY_WELLBEING;
    for (const [id, m, at] of [['a', HOT, 1], ['b', COOL, 2], ['c', HOT, 3], ['c', HOT, 4], ['d', HOT, 5]] as const) h = recordConversation(h, id, m, at);
    expect(heatedStreak(h)).toBe(2);
    expect(recordConversation(h, 'd', HOT, 6)).toBe(h); // unchanged: no write needed
    // A conversation that heats up later counts as heated.
    h = recordConversation(h, 'e', COOL, 7);
    expect(heatedStreak(h)).toBe(0);
    h = recordConversation(h, 'e', mood([10, 'calm'], [70, 'angry']), 8);
    expect(heatedStreak(h)).toBe(3);
  });

  it('after a dismissal only conversations opened later count', () => {
    let h = EMPTY_WELLBEING;
    for (const [id, at] of [['a', 1], ['b', 2], ['c', 3]] as const) h = recordConversation(h, id, HOT, at);
    h = dismissBreak(h, 10);
    expect(suggestBreak(h, DEFAULT_SETTINGS)).toBe(false);
    for (const [id, at] of [['d', 11], ['e', 12], ['f', 13]] as const) h = recordConversation(h, id, HOT, at);
    expect(suggestBreak(h, DEFAULT_SETTINGS)).toBe(true);
  });

  it('keeps a bounded history and parses what storage holds', () => {
    let h = EMPTY_WELLBEING;
    for (let i = 0; i < MAX_WELLBEING_HISTORY + 5; i++) h = recordConversation(h, `c${i}`, HOT, i);
    expect(h.recent).toHaveLength(MAX_WELLBEING_HISTORY);
    expect(h.recent[0]?.id).toBe('c5');
    expect(parseWellbeing(h)).toEqual(h);
    expect(parseWellbeing({ version: 99 })).toEqual(EMPTY_WELLBEING);
    expect(recordConversation(EMPTY_WELLBEING, 'x', mood(), 1)).toBe(EMPTY_WELLBEING);
  });
});

describe('offer-a-call tip', () => {
  it('shows when the customer stays furious, not after one outburst or once they ease', () => {
    expect(staysFurious(mood([60, 'angry'], [90, 'furious']))).toBe(true);
    expect(staysFurious(mood([90, 'furious'], [95, 'furious']))).toBe(true);
    expect(staysFurious(mood([90, 'furious']))).toBe(false);
    expect(staysFurious(mood([20, 'calm'], [90, 'furious']))).toBe(false);
    expect(staysFurious(mood([90, 'furious'], [60, 'angry']))).toBe(false);
    expect(suggestCall(mood([60, 'angry'], [90, 'furious']), planSettings(undefined, { wellbeing: { callTip: false } }))).toBe(false);
  });
});
