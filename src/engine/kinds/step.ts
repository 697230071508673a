/**
 * The playbook as a checklist. A step is `done` when a sent agent reply covers it, `drafted`
 * when the current draft does, else `todo`. The evidence is the first span that satisfied it.
 */
import type { Evidence, Source, Step } from '../analysis.ts';
import type { RawMatch } from '../checks/matcher.ts';
import type { RuleSet } from '../pack/ruleset.ts';
import { STEP_IDS, type StepId } from '../pack/schema.ts';

export interface AgentMatches {
  source: Source;
  text: string;
  matches: readonly RawMatch[];
}

/** Sent messages in thread order, then the draft: the order the customer reads them in. */
export function buildSteps(parts: readonly AgentMatches[], rules: RuleSet): Step[] {
  const found = new Map<StepId, Evidence[]>();
  for (const { source, text, matches } of parts) {
    for (const m of matches) {
      const rule = rules.rules.get(m.ruleId)?.rule;
      if (rule?.kind !== 'step') continue;
      const list = found.get(rule.step) ?? [];
      list.push({ ruleId: rule.id, source, span: { start: m.start, end: m.end, text: text.slice(m.start, m.end) } });
      found.set(rule.step, list);
    }
  }
  // "Listen" is inviting the customer to explain before pushing a solution: an invitation that
  // only follows the options no longer counts.
  const firstOption = found.get('options')?.[0];
  if (firstOption) {
    const listen = found.get('listen')?.filter((e) => !isAfter(e, firstOption));
    found.set('listen', listen ?? []);
  }

  return STEP_IDS.filter((id) => rules.playbook.has(id) || found.has(id)).map((id) => {
    const evidence = found.get(id) ?? [];
    const sent = evidence.find((e) => e.source.in === 'message');
    const drafted = evidence.find((e) => e.source.in === 'draft');
    return {
      id,
      title: rules.playbook.get(id)?.title ?? id,
      status: sent ? 'done' : drafted ? 'drafted' : 'todo',
      evidence: sent ?? drafted ?? null,
    } satisfies Step;
  });
}

function position(e: Evidence): number {
  return e.source.in === 'draft' ? Number.MAX_SAFE_INTEGER : e.source.index;
}

function isAfter(a: Evidence, b: Evidence): boolean {
  const pa = position(a);
  const pb = position(b);
  return pa > pb || (pa === pb && a.span.start > b.span.start);
}
