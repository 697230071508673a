/**
 * Issue 14, M2: analysis is bounded in time per text. Whatever a rule set costs, matching one
 * message or draft stops after a budget and says how much it did not read, instead of hanging.
 * The clock is faked: the slow matcher advances it, so the tests are exact and quick.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze, matchText, MATCH_BUDGET_MS, unreadChars } from '../../../src/engine/analyze.ts';
import type { Matcher } from '../../../src/engine/checks/matcher.ts';
import { createEngine } from '../../../src/engine/index.ts';

const SEGMENT_MS = MATCH_BUDGET_MS / 40;
/** A matcher that costs SEGMENT_MS a segment (100 segments: 2.5 budgets), as a slow rule set would. */
const slow: Matcher = {
  rules: [],
  match() {
    vi.advanceTimersByTime(SEGMENT_MS);
    return [];
  },
};
const sentences = Array.from({ length: 100 }, (_, i) => `Sentence number ${i} is here.`).join(' ');

describe('time bound on matching', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops after the budget and reports the characters it did not read', () => {
    const t0 = performance.now();
    const matches = matchText(slow, 's', sentences);
    expect(performance.now() - t0).toBeLessThanOrEqual(MATCH_BUDGET_MS + SEGMENT_MS);
    // About 40 of the 100 sentences were read; the rest are reported.
    expect(unreadChars(matches)).toBeGreaterThan(sentences.length / 2);
    expect(unreadChars(matches)).toBeLessThan(sentences.length * 0.65);
  });

  it('reads everything, and reports nothing unread, when matching is fast', () => {
    const rules = createEngine().rules;
    expect(unreadChars(matchText(rules.customer, 'c', sentences))).toBe(0);
    expect(analyze({ messages: [{ role: 'customer', text: sentences }], draft: sentences }, rules).skipped.unreadChars).toBeUndefined();
  });

  it('an analysis says how much of a slow message and draft it left unread', () => {
    const rules = { ...createEngine().rules, customer: slow, reply: slow };
    const a = analyze({ messages: [{ role: 'customer', text: sentences }], draft: sentences }, rules);
    expect(a.skipped.unreadChars).toBeGreaterThan(sentences.length);
  });
});
