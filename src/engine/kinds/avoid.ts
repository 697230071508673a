/**
 * Phrases to avoid in the agent's draft, as flags with offsets into the draft. When two rules
 * cover the same words, the more severe (then the longer) wins, so the agent sees one flag per
 * phrase.
 */
import type { Flag } from '../analysis.ts';
import type { RawMatch } from '../checks/matcher.ts';
import type { RuleSet } from '../pack/ruleset.ts';
import type { Severity } from '../pack/schema.ts';
import { fillTemplate, type TemplateValues } from '../text/template.ts';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function buildFlags(draft: string, matches: readonly RawMatch[], rules: RuleSet, values: TemplateValues): Flag[] {
  const flags: Flag[] = [];
  for (const m of matches) {
    const rule = rules.rules.get(m.ruleId)?.rule;
    if (rule?.kind !== 'avoid') continue;
    const text = draft.slice(m.start, m.end);
    const vars = { ...values, match: text };
    flags.push({
      ruleId: rule.id,
      severity: rule.severity,
      start: m.start,
      end: m.end,
      text,
      message: fillTemplate(rule.message, vars),
      replacements: rule.replacements.map((r) => fillTemplate(r, vars)),
    });
  }
  const kept: Flag[] = [];
  const byStrength = [...flags].sort((a, b) => RANK[b.severity] - RANK[a.severity] || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  for (const f of byStrength) {
    if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
