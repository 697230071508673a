/**
 * Checks that go beyond validity, for `cooldown pack check`: rules that duplicate or shadow one
 * another (judged by their own examples: if every example of A also fires B, A adds nothing the
 * agent will see), phrases or patterns written twice, and ids that collide with earlier packs.
 */
import { compileMatcher } from '../checks/matcher.ts';
import { matchText } from '../checks/match-text.ts';
import { expandVocab } from './patterns.ts';
import type { Pack, Rule } from './schema.ts';
import type { Problem } from './validate.ts';

export interface LintFinding extends Problem {
  level: 'error' | 'warning';
}

export function lintPack(pack: Pack, vocab: ReadonlyMap<string, readonly string[]>, earlierIds: ReadonlyMap<string, string> = new Map()): LintFinding[] {
  const findings: LintFinding[] = [];
  const allVocab = new Map([...vocab, ...Object.entries(pack.vocab ?? {})]);
  const index = new Map(pack.rules.map((r, i) => [r.id, i]));

  pack.rules.forEach((rule, i) => {
    const owner = earlierIds.get(rule.id);
    if (owner) findings.push({ level: 'warning', path: `rules[${i}].id`, message: `rule "${rule.id}" replaces the rule of the same id in ${owner}`, hint: 'intended for an override; otherwise pick another id' });
  });

  for (const field of ['phrases', 'patterns'] as const) {
    const seen = new Map<string, string>();
    pack.rules.forEach((rule, i) => {
      rule[field]?.forEach((text, j) => {
        const key = `${rule.kind}\u0000${text.trim().toLowerCase().replace(/\s+/g, ' ')}`;
        const first = seen.get(key);
        if (first) findings.push({ level: 'error', path: `rules[${i}].${field}[${j}]`, message: `"${text}" is also at ${first}`, hint: 'keep it in one rule' });
        else seen.set(key, `rules[${i}].${field}[${j}]`);
      });
    });
  }

  // Which rules of the same kind fire on each rule's match examples, with one matcher per kind.
  const kinds = new Set(pack.rules.map((r) => r.kind));
  for (const kind of kinds) {
    const rules = pack.rules.filter((r) => r.kind === kind);
    if (rules.length < 2) continue;
    const matcher = compileMatcher(rules.map((r) => expand(r, allVocab)));
    const alsoFiring = new Map<string, Set<string>>();
    for (const rule of rules) {
      const firedSets = rule.examples.match
        .map((example) => new Set(matchText(matcher, kind, example).map((m) => m.ruleId)))
        // A failing example is reported by the example runner, not here.
        .filter((fired) => fired.has(rule.id));
      const common = firedSets.length
        ? [...firedSets[0]!].filter((id) => id !== rule.id && firedSets.every((f) => f.has(id)))
        : [];
      alsoFiring.set(rule.id, new Set(common));
    }
    const reported = new Set<string>();
    for (const rule of rules) {
      for (const other of alsoFiring.get(rule.id) ?? []) {
        const otherRule = pack.rules[index.get(other)!]!;
        if (kind === 'step' && rule.kind === 'step' && otherRule.kind === 'step' && rule.step === otherRule.step) continue;
        const mutual = alsoFiring.get(other)?.has(rule.id) ?? false;
        const pair = [rule.id, other].sort().join('\u0000');
        if (mutual && reported.has(pair)) continue;
        reported.add(pair);
        const at = `rules[${index.get(rule.id)}]`;
        const there = `rules[${index.get(other)}]`;
        findings.push(mutual
          ? { level: 'error', path: at, message: `"${rule.id}" and "${other}" (${there}) fire on each other's examples: they duplicate one another`, hint: 'merge them into one rule, or add examples that tell them apart' }
          : { level: 'warning', path: at, message: `every match example of "${rule.id}" also fires "${other}" (${there}), so "${rule.id}" may never show on its own`, hint: 'narrow the other rule with "unless", or add an example only this rule catches' });
      }
    }
  }
  return findings;
}

function expand(rule: Rule, vocab: ReadonlyMap<string, readonly string[]>): Rule {
  return { ...rule, patterns: rule.patterns?.map((p) => expandVocab(p, vocab)), unless: rule.unless?.map((p) => expandVocab(p, vocab)) } as Rule;
}
