/**
 * Public face of the engine: build a rule set from packs, then analyse conversations with it.
 * Everything here is pure (no DOM, no extension API, no I/O), so the worker, the CLI, the
 * tests, the eval and the benchmarks all run the same code.
 */
import { analyze } from './analyze.ts';
import { createBoundedMemo } from './memo.ts';
import { createSession, type Session } from './session.ts';
import type { Analysis } from './analysis.ts';
import type { ConversationInput } from './conversation.ts';
import { corePack, coreVocab } from './core-pack.ts';
import { buildRuleSet, type RuleSet, type RuleSetOptions } from './pack/ruleset.ts';
import type { Pack } from './pack/schema.ts';

export interface Engine {
  readonly rules: RuleSet;
  /** One-off analysis (CLI, eval): shares a bounded memo across conversations. */
  analyze(conversation: ConversationInput): Analysis;
  /** A session for one conversation that will be analysed again as it changes (the worker). */
  session(): Session;
}

/** An engine over core first, then `packs` in order. */
export function createEngine(packs: readonly Pack[] = [], options: RuleSetOptions & { includeCore?: boolean } = {}): Engine {
  const rules = buildRuleSet(options.includeCore === false ? packs : [corePack(), ...packs], options);
  const memo = createBoundedMemo();
  return { rules, analyze: (conversation) => analyze(conversation, rules, memo), session: () => createSession(rules) };
}

export { analyze, buildRuleSet, corePack, coreVocab, createSession };
export type { Session };
export type { Analysis, ConversationInput, Pack, RuleSet };
export * from './analysis.ts';
export { Conversation } from './conversation.ts';
export { parsePack, parsePackText, describeProblems, type Problem, type PackResult, type ParseOptions } from './pack/validate.ts';
export { FORMAT_VERSION, STEP_IDS, CUE_TYPES } from './pack/schema.ts';
