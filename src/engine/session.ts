/**
 * A conversation analysed again and again as it changes: after every typing pause, every new
 * message. The session remembers per-text work (each message's matches and mood, each draft
 * sentence's matches, the paraphrase) and redoes only what changed; the analysis it returns is
 * identical to a full `analyze()` of the same input (tests/unit/engine/session.test.ts).
 */
import { analyze } from './analyze.ts';
import type { Analysis } from './analysis.ts';
import type { ConversationInput } from './conversation.ts';
import { createGenerationalMemo } from './memo.ts';
import type { RuleSet } from './pack/ruleset.ts';

export interface Session {
  readonly rules: RuleSet;
  update(conversation: ConversationInput): Analysis;
  /** Entries the session holds, for the memory benchmark. */
  readonly cached: number;
}

export function createSession(rules: RuleSet): Session {
  const memo = createGenerationalMemo();
  return {
    rules,
    update(conversation) {
      try {
        return analyze(conversation, rules, memo);
      } finally {
        memo.advance();
      }
    },
    get cached() {
      return memo.size;
    },
  };
}
