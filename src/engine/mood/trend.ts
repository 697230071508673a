/**
 * The thread's direction: the latest customer message against the ones before it. Frustration
 * is sticky (guidance/mood-signals.md §5), so one calmer line after a furious one is "falling"
 * only when the drop is clear.
 */
import type { MessageMood, Mood, Trend } from '../analysis.ts';
import type { Message } from '../conversation.ts';
import { levelOf } from './score.ts';

export const TREND_MIN_CHANGE = 12;
/** How many earlier customer messages the latest is compared with. */
export const TREND_WINDOW = 3;
/** A jump this large from the previous customer message is a spike. */
export const SPIKE_DELTA = 25;

export function summarizeMood(messages: readonly Message[], moods: readonly MessageMood[]): Mood {
  const last = moods.at(-1);
  if (!last) return { messages: [], latest: null, level: null, trend: 'steady', delta: null };
  const earlier = moods.slice(-1 - TREND_WINDOW, -1);
  const previous = moods.at(-2);
  let trend: Trend = 'steady';
  if (earlier.length) {
    const mean = earlier.reduce((s, m) => s + m.score, 0) / earlier.length;
    if (last.score - mean >= TREND_MIN_CHANGE) trend = 'rising';
    else if (mean - last.score >= TREND_MIN_CHANGE) trend = 'falling';
    // Two or more customer messages in a row with no agent reply: they are waiting, and it shows.
    if (trend === 'steady' && unansweredTail(messages) >= 2 && last.score >= (previous?.score ?? 0) && last.score > 0) trend = 'rising';
  }
  return { messages: [...moods], latest: last.score, level: levelOf(last.score), trend, delta: previous ? last.score - previous.score : null };
}

function unansweredTail(messages: readonly Message[]): number {
  let n = 0;
  for (let i = messages.length - 1; i >= 0 && messages[i]!.role === 'customer'; i--) n++;
  return n;
}
