/**
 * What the customer's messages reveal beyond the score: threat, abuse, escalation, churn and
 * the other cue rules, the customer type they suggest, and the prompts that follow from them
 * (document abuse and threats; pause after a spike of anger).
 */
import type { Cue, CustomerType, MessageMood, Prompt } from '../analysis.ts';
import type { RawMatch } from '../checks/matcher.ts';
import type { RuleSet } from '../pack/ruleset.ts';
import type { CueType } from '../pack/schema.ts';
import { SPIKE_DELTA } from '../mood/trend.ts';

export interface CustomerMatches {
  index: number;
  text: string;
  matches: readonly RawMatch[];
}

export function findCues(messages: readonly CustomerMatches[], rules: RuleSet): Cue[] {
  const cues: Cue[] = [];
  for (const { index, text, matches } of messages) {
    const seen = new Set<string>();
    for (const m of matches) {
      const rule = rules.rules.get(m.ruleId)?.rule;
      if (rule?.kind !== 'cue' || seen.has(rule.id)) continue;
      seen.add(rule.id);
      cues.push({ type: rule.cue, ruleId: rule.id, messageIndex: index, span: { start: m.start, end: m.end, text: text.slice(m.start, m.end) }, tip: rule.message });
    }
  }
  return cues;
}

/** The type with the most of its cues present wins; ties go to the pack's order. */
export function guessCustomerType(cues: readonly Cue[], rules: RuleSet): CustomerType | null {
  const present = new Set<CueType>(cues.map((c) => c.type));
  let best: CustomerType | null = null;
  let bestCount = 0;
  for (const t of rules.customerTypes) {
    const because = t.cues.filter((c) => present.has(c));
    if (because.length > bestCount) {
      best = { id: t.id, name: t.name, tip: t.tip, because };
      bestCount = because.length;
    }
  }
  return best;
}

export function prompts(cues: readonly Cue[], moods: readonly MessageMood[], rules: RuleSet): Prompt[] {
  const out: Prompt[] = [];
  const serious = cues.find((c) => c.type === 'abuse' || c.type === 'threat');
  if (serious && rules.prompts.document) out.push({ id: 'document', text: rules.prompts.document, messageIndex: serious.messageIndex });
  const last = moods.at(-1);
  const previous = moods.at(-2);
  if (last && previous && rules.prompts.pause && last.score - previous.score >= SPIKE_DELTA && last.level !== 'calm' && last.level !== 'upset') {
    out.push({ id: 'pause', text: rules.prompts.pause, messageIndex: last.index });
  }
  return out;
}
