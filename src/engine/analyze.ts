/**
 * The interpreter: a conversation and a rule set in, an analysis out. Pure and deterministic.
 * Text is matched segment by segment (sentences and lines); segment results are cached by
 * content, so re-analysing a conversation after a keystroke costs only the segment that changed.
 */
import type { Analysis, MessageMood } from './analysis.ts';
import { Conversation, type ConversationInput } from './conversation.ts';
import type { RawMatch } from './checks/matcher.ts';
import { carryUnread, matchText, outsideQuotes, unreadChars } from './checks/match-text.ts';
import { buildFlags } from './kinds/avoid.ts';
import { findCues, guessCustomerType, prompts, type CustomerMatches } from './kinds/cue.ts';
import { customerEvidence } from './kinds/signal.ts';
import { buildSteps, type AgentMatches } from './kinds/step.ts';
import { readTone } from './kinds/tone.ts';
import { NO_MEMO, type Memo } from './memo.ts';
import { summarizeMood } from './mood/trend.ts';
import { scoreMessage } from './mood/score.ts';
import { angriestRecent, buildNext, complaintSkeleton, customerThanks, highestLevel, type Moment } from './next.ts';
import type { RuleSet } from './pack/ruleset.ts';
import { firstName } from './text/template.ts';
import { foldQuotedHistory } from './text/quoted-history.ts';

/** Shared matching lives in checks/; these are re-exported for the callers that knew them here. */
export { MATCH_BUDGET_MS, MAX_SEGMENT_CHARS, matchText, outsideQuotes, unreadChars } from './checks/match-text.ts';

/** Only the latest messages are read; older ones rarely change what the agent should do next. */
export const MAX_ANALYZED_MESSAGES = 200;
/** A draft longer than this is read in a window around the caret. */
export const MAX_DRAFT_WINDOW = 20_000;
/**
 * A message longer than this is read from its opening, where people state their case (a pasted
 * log or an old thread follows), up to a sentence end.
 */
export const MAX_MESSAGE_WINDOW = 20_000;
/**
 * Analyses a conversation. With a memo (a session's), per-text work already done for an earlier
 * version of the conversation is reused; without one, everything is computed: the results are
 * the same either way.
 */
export function analyze(input: ConversationInput, rules: RuleSet, memo: Memo = NO_MEMO): Analysis {
  const conv = Conversation.parse(input);
  const firstRead = Math.max(0, conv.messages.length - MAX_ANALYZED_MESSAGES);

  const customer: CustomerMatches[] = [];
  const agent: AgentMatches[] = [];
  const moods: MessageMood[] = [];
  const customerTexts = new Map<number, string>();
  let messageChars = 0;
  // Sent messages never change, so they are memoised whole; only the draft is memoised by sentence.
  for (let index = firstRead; index < conv.messages.length; index++) {
    const { role, text: whole } = conv.messages[index]!;
    const window = messageWindow(whole);
    messageChars += whole.length - window.length;
    // Quoted history is someone's earlier text: read as new, old anger would count twice.
    const text = memo.get('own-text', window, () => foldQuotedHistory(window));
    if (role === 'customer') {
      const matches = memo.get('customer-matches', text, () => {
        const raw = matchText(rules.customer, 'c', text);
        return carryUnread(raw, customerEvidence(text, raw, rules));
      });
      customer.push({ index, text, matches });
      customerTexts.set(index, text);
      const mood = memo.get('mood', text, () => scoreMessage(0, text, matches, rules));
      moods.push({ ...mood, index });
    } else {
      const matches = memo.get('agent-matches', text, () => outsideQuotes(text, matchText(rules.reply, 'r', text)));
      agent.push({ source: { in: 'message', index }, text, matches });
    }
  }

  // The agent's own words: history quoted below the reply is cut (offsets before the cut hold).
  const { text: draft, offset, skipped: draftSkipped } = draftWindow(foldQuotedHistory(conv.draft), conv.caret);
  const local = outsideQuotes(draft, matchText(rules.reply, 'r', draft, memo));
  const draftMatches = offset ? local.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset })) : local;
  agent.push({ source: { in: 'draft' }, text: conv.draft, matches: draftMatches });

  const name = firstName(conv.customerName);
  const cues = findCues(customer, rules);
  const steps = buildSteps(agent, rules);
  const angriest = angriestRecent(customerTexts, moods);
  const mood = summarizeMood(conv.messages, moods);
  const latest = customer.at(-1);
  const moment: Moment = {
    level: mood.level,
    recent: highestLevel(moods.slice(-3).map((m) => m.level)),
    thankful: latest !== undefined && memo.get('thanks', latest.text, () => customerThanks(latest.text, rules)),
    customerChars: customer.reduce((n, c) => n + c.text.length, 0),
  };
  return {
    mood,
    tone: readTone(draft, offset, rules, local, outsideQuotes, memo),
    cues,
    customerType: guessCustomerType(cues, rules),
    prompts: prompts(cues, moods, rules),
    steps,
    flags: buildFlags(conv.draft, draftMatches, rules, { name }),
    next: buildNext(steps, rules, name, angriest === undefined ? undefined : memo.get('paraphrase', angriest, () => complaintSkeleton(angriest)), moment),
    skipped: { messages: firstRead, messageChars, draftChars: draftSkipped, ...unreadField([...customer, ...agent].map((m) => m.matches), local) },
  };
}

/** The opening of an over-long message, ended at the last sentence or line break in its last 500 characters. */
export function messageWindow(text: string): string {
  if (text.length <= MAX_MESSAGE_WINDOW) return text;
  const head = text.slice(0, MAX_MESSAGE_WINDOW);
  const tail = head.slice(-500);
  const cut = Math.max(tail.lastIndexOf('\n'), tail.search(/[.!?]\s(?!.*[.!?]\s)/s));
  return cut >= 0 ? head.slice(0, head.length - 500 + cut + 1) : head;
}

/** Only present when matching ran out of time somewhere, so analyses of normal text are unchanged. */
function unreadField(lists: readonly (readonly RawMatch[])[], draft: readonly RawMatch[]): { unreadChars?: number } {
  const total = lists.reduce((n, l) => n + unreadChars(l), 0) + unreadChars(draft);
  return total ? { unreadChars: total } : {};
}

function draftWindow(draft: string, caret: number | undefined): { text: string; offset: number; skipped: number } {
  if (draft.length <= MAX_DRAFT_WINDOW) return { text: draft, offset: 0, skipped: 0 };
  const at = Math.min(caret ?? draft.length, draft.length);
  let start = Math.max(0, Math.min(at - MAX_DRAFT_WINDOW / 2, draft.length - MAX_DRAFT_WINDOW));
  // Start on a line or sentence boundary so no half-word is matched.
  const boundary = draft.slice(start, start + 200).search(/[\n.!?]\s/);
  if (start > 0 && boundary >= 0) start += boundary + 1;
  const text = draft.slice(start, start + MAX_DRAFT_WINDOW);
  return { text, offset: start, skipped: draft.length - text.length };
}
