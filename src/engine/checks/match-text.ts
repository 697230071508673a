/**
 * Shared matching for every rule kind: a matcher run over a text segment by segment (memoised per
 * segment, bounded in time), and the agent's quotes of the customer set aside. The CLI's pack tools,
 * the pack examples and lint, and analyze.ts all match through here.
 */
import { NO_MEMO, type Memo } from '../memo.ts';
import { segments } from '../text/segments.ts';
import type { Matcher, RawMatch } from './matcher.ts';
import { insideAny, quotedRanges } from './quotes.ts';

/** Segments longer than this (a pasted blob with no punctuation) are cut: compromise is linear but not free. */
export const MAX_SEGMENT_CHARS = 2_000;

/**
 * Time one text (a message, the draft) may spend in matching. Packs are checked for slow
 * patterns, but a check can miss something and the worker must never hang on one email: past
 * the budget the remaining segments are not read, and the analysis says how much was left.
 */
export const MATCH_BUDGET_MS = 5_000;

/** Characters a match list left unread for lack of time; kept beside the (memoised) list itself. */
const UNREAD = new WeakMap<readonly RawMatch[], number>();

export function unreadChars(matches: readonly RawMatch[]): number {
  return UNREAD.get(matches) ?? 0;
}

/**
 * Matches of `matcher` in `text`, segment by segment. `side` names the matcher's memo space, so
 * one memo can serve several matchers.
 */
export function matchText(matcher: Matcher, side: string, text: string, memo: Memo = NO_MEMO, budgetMs = MATCH_BUDGET_MS): RawMatch[] {
  const out: RawMatch[] = [];
  const deadline = performance.now() + budgetMs;
  let unread = 0;
  for (const seg of segments(text)) {
    if (unread || performance.now() > deadline) {
      unread += seg.text.length;
      continue;
    }
    const body = seg.text.length > MAX_SEGMENT_CHARS ? seg.text.slice(0, MAX_SEGMENT_CHARS) : seg.text;
    const local = memo.get(side, body, () => matcher.match(body));
    for (const m of local) out.push({ ruleId: m.ruleId, start: m.start + seg.start, end: m.end + seg.start });
  }
  if (unread) UNREAD.set(out, unread);
  return out;
}

/** Words the agent quotes (the customer's, in quotes or "> " lines) are not the agent's words. */
export function outsideQuotes(text: string, matches: RawMatch[]): RawMatch[] {
  const quoted = quotedRanges(text);
  if (!quoted.length) return matches;
  return carryUnread(matches, matches.filter((m) => !insideAny(quoted, m.start, m.end)));
}

/** A list derived from `from` (filtered) keeps its record of unread characters. */
export function carryUnread(from: readonly RawMatch[], to: RawMatch[]): RawMatch[] {
  const n = unreadChars(from);
  if (n) UNREAD.set(to, n);
  return to;
}
