/**
 * Layers packs into the one rule set the engine interprets. Later packs add rules, replace rules
 * of earlier packs by id, or disable them; playbook steps, customer types and prompts override by
 * id in the same way. Patterns are compiled here, once per rule set, never per analysis.
 */
import { STEP_IDS, type CustomerTypeDef, type Pack, type PlaybookStep, type Rule, type StepId } from './schema.ts';
import { expandVocab } from './patterns.ts';
import { compileMatcher, type Matcher } from '../checks/matcher.ts';
import type { PromptId } from '../analysis.ts';

export interface PackInfo {
  id: string;
  name: string;
  version: string;
}

export interface RuleOrigin {
  rule: Rule;
  packId: string;
}

export interface RuleSet {
  packs: PackInfo[];
  /** Effective rules by id, in pack order. */
  rules: ReadonlyMap<string, RuleOrigin>;
  /** Rules that read what the customer writes: cues and signals. */
  customer: Matcher;
  /**
   * Rules that read what the agent writes (sent replies and the draft): steps, phrases to avoid,
   * tone. One matcher, so a sentence is parsed once whichever of them it concerns.
   */
  reply: Matcher;
  playbook: ReadonlyMap<StepId, PlaybookStep>;
  customerTypes: readonly CustomerTypeDef[];
  prompts: Readonly<Record<PromptId, string | null>>;
  neutral: ReadonlySet<string>;
}

export interface RuleSetOptions {
  /** Rule ids turned off by the user or an administrator, on top of the packs' own `disable`. */
  disabledRules?: Iterable<string>;
}

export function buildRuleSet(packs: readonly Pack[], options: RuleSetOptions = {}): RuleSet {
  const rules = new Map<string, RuleOrigin>();
  const vocab = new Map<string, readonly string[]>();
  const playbook = new Map<StepId, PlaybookStep>();
  const types = new Map<string, CustomerTypeDef>();
  const prompts: Record<PromptId, string | null> = { document: null, pause: null };
  const neutral = new Set<string>();
  const expanded = new Map<string, Rule>();

  for (const pack of packs) {
    for (const [name, words] of Object.entries(pack.vocab ?? {})) vocab.set(name, words);
    for (const id of pack.disable) rules.delete(id);
    for (const rule of pack.rules) {
      rules.delete(rule.id); // re-insert so an override takes the later pack's position
      rules.set(rule.id, { rule, packId: pack.id });
      expanded.set(rule.id, {
        ...rule,
        patterns: rule.patterns?.map((p) => expandVocab(p, vocab)),
        unless: rule.unless?.map((p) => expandVocab(p, vocab)),
      } as Rule);
    }
    for (const step of pack.playbook ?? []) playbook.set(step.id, step);
    for (const t of pack.customerTypes ?? []) types.set(t.id, t);
    if (pack.prompts?.document) prompts.document = pack.prompts.document;
    if (pack.prompts?.pause) prompts.pause = pack.prompts.pause;
    for (const w of pack.mood?.neutral ?? []) neutral.add(w.toLowerCase());
  }
  for (const id of options.disabledRules ?? []) rules.delete(id);

  const active = [...rules.keys()].map((id) => expanded.get(id)!);
  const orderedPlaybook = new Map<StepId, PlaybookStep>();
  for (const id of STEP_IDS) {
    const step = playbook.get(id);
    if (step) orderedPlaybook.set(id, step);
  }
  return {
    packs: packs.map((p) => ({ id: p.id, name: p.name, version: p.version })),
    rules,
    customer: compileMatcher(active.filter((r) => r.kind === 'cue' || r.kind === 'signal')),
    reply: compileMatcher(active.filter((r) => r.kind === 'step' || r.kind === 'avoid' || r.kind === 'tone')),
    playbook: orderedPlaybook,
    customerTypes: [...types.values()],
    prompts,
    neutral,
  };
}
