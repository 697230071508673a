/**
 * Issue 14, M2: analysis is bounded in time per text. Whatever a rule set costs, matching one
 * message or draft stops after a budget and says how much it did not read, instead of hanging.
 */
import { describe, expect, it } from 'vitest';
import { analyze, matchText, MATCH_BUDGET_MS, unreadChars } from '../../../src/engine/analyze.ts';
import type { Matcher } from '../../../src/engine/checks/matcher.ts';
import { createEngine } from '../../../src/engine/index.ts';

/** A matcher that costs 50 ms a segment (5 s for the text below), as a slow rule set would. */
const slow: Matcher = {
  rules: [],
  match() {
    const end = performance.now() + 50;
    while (performance.now() < end) { /* busy, as a backtracking regex is */ }
    return [];
  },
};
const sentences = Array.from({ length: 100 }, (_, i) => `Sentence number ${i} is here.`).join(' ');

describe('time bound on matching', () => {
  it('stops after the budget and reports the characters it did not read', () => {
    const t0 = performance.now();
    const matches = matchText(slow, 's', sentences);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(MATCH_BUDGET_MS + 500); // 100 segments × 50 ms = 5 s without the bound
    expect(unreadChars(matches)).toBeGreaterThan(sentences.length / 3);
    expect(unreadChars(matches)).toBeLessThanOrEqual(sentences.length);
  });

  it('reads everything, and reports nothing unread, when matching is fast', () => {
    const rules = createEngine().rules;
    expect(unreadChars(matchText(rules.customer, 'c', sentences))).toBe(0);
    expect(analyze({ messages: [{ role: 'customer', text: sentences }], draft: sentences }, rules).skipped.unreadChars ?? 0).toBe(0);
  });

  it('an analysis says how much of a slow message and draft it left unread', () => {
    const rules = { ...createEngine().rules, customer: slow, reply: slow };
    const a = analyze({ messages: [{ role: 'customer', text: sentences }], draft: sentences }, rules);
    expect(a.skipped.unreadChars).toBeGreaterThan(sentences.length);
  });
});
