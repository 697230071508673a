/**
 * Runs each rule's own examples, the way ESLint's RuleTester runs valid/invalid cases: every
 * `match` sentence must make the rule fire, every `noMatch` sentence must not. The rule runs
 * alone, through the same segmenting and quote handling as a real analysis.
 */
import { compileMatcher } from '../checks/matcher.ts';
import { matchText } from '../checks/match-text.ts';
import { expandVocab } from './patterns.ts';
import type { Pack, Rule } from './schema.ts';
import type { Problem } from './validate.ts';

export interface ExampleResult {
  ruleId: string;
  passed: number;
  problems: Problem[];
}

export function runExamples(pack: Pack, earlierVocab: ReadonlyMap<string, readonly string[]> = new Map()): ExampleResult[] {
  const vocab = new Map([...earlierVocab, ...Object.entries(pack.vocab ?? {})]);
  return pack.rules.map((rule, i) => {
    const expanded = {
      ...rule,
      patterns: rule.patterns?.map((p) => expandVocab(p, vocab)),
      unless: rule.unless?.map((p) => expandVocab(p, vocab)),
    } as Rule;
    const matcher = compileMatcher([expanded]);
    const problems: Problem[] = [];
    let passed = 0;
    rule.examples.match.forEach((text, j) => {
      if (matchText(matcher, 'example', text).length > 0) passed++;
      else problems.push({ path: `rules[${i}].examples.match[${j}]`, message: `rule "${rule.id}" does not fire on "${text}"`, hint: 'widen a pattern or add a phrase, or fix the example' });
    });
    rule.examples.noMatch.forEach((text, j) => {
      const hits = matchText(matcher, 'example', text);
      if (hits.length === 0) passed++;
      else problems.push({ path: `rules[${i}].examples.noMatch[${j}]`, message: `rule "${rule.id}" fires on "${text.slice(hits[0]!.start, hits[0]!.end)}" in "${text}"`, hint: 'narrow the pattern or add an "unless" pattern' });
    });
    return { ruleId: rule.id, passed, problems };
  });
}
