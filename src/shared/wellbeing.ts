/**
 * Looking after the agent. The worker remembers, per conversation the agent worked, how heated
 * the customer got (`storage.local["wellbeing"]`, a short rolling list: no text, only ids and
 * scores); the sidebar suggests a short break after `breakAfter` heated conversations in a row,
 * and the offer-a-call tip when the customer stays furious. Pure functions; storage is elsewhere.
 */
import * as z from 'zod';
import type { Mood, MoodLevel } from '../engine/analysis.ts';
import { MAX_CONVERSATION_ID_CHARS } from './limits.ts';
import type { Settings } from './settings.ts';

export const WELLBEING_KEY = 'wellbeing';
export const WELLBEING_VERSION = 1;
/** Conversations remembered (oldest dropped first). */
export const MAX_WELLBEING_HISTORY = 20;
const HEATED: ReadonlySet<MoodLevel> = new Set(['angry', 'furious']);

export const Worked = z.object({
  /** The conversation's id, as the snapshot carried it. */
  id: z.string().max(MAX_CONVERSATION_ID_CHARS),
  /** Highest anger score seen in the conversation. */
  peak: z.number().min(0).max(100),
  heated: z.boolean(),
  /** When the agent first had it open (ms). */
  at: z.number(),
});
export type Worked = z.infer<typeof Worked>;

export const Wellbeing = z.object({
  version: z.literal(WELLBEING_VERSION),
  recent: z.array(Worked).max(MAX_WELLBEING_HISTORY),
  /** When the agent dismissed the break tip; only conversations opened later count again. */
  breakDismissedAt: z.number().nullable(),
});
export type Wellbeing = z.infer<typeof Wellbeing>;

export const EMPTY_WELLBEING: Wellbeing = { version: WELLBEING_VERSION, recent: [], breakDismissedAt: null };

export function parseWellbeing(raw: unknown): Wellbeing {
  const r = Wellbeing.safeParse(raw);
  return r.success ? r.data : EMPTY_WELLBEING;
}

export function peakOf(mood: Mood): { peak: number; heated: boolean } {
  let peak = 0;
  let heated = false;
  for (const m of mood.messages) {
    peak = Math.max(peak, m.score);
    if (HEATED.has(m.level)) heated = true;
  }
  return { peak, heated };
}

/** The history after the agent worked on conversation `id` (returns the same object when nothing changed). */
export function recordConversation(history: Wellbeing, id: string, mood: Mood, now: number): Wellbeing {
  const { peak, heated } = peakOf(mood);
  if (!mood.messages.length) return history;
  const key = id.slice(0, MAX_CONVERSATION_ID_CHARS);
  const found = history.recent.find((w) => w.id === key);
  if (found) {
    if (found.peak >= peak && (found.heated || !heated)) return history;
    return { ...history, recent: history.recent.map((w) => (w === found ? { ...w, peak: Math.max(w.peak, peak), heated: w.heated || heated } : w)) };
  }
  const recent = [...history.recent, { id: key, peak, heated, at: now }].slice(-MAX_WELLBEING_HISTORY);
  return { ...history, recent };
}

/** Heated conversations in a row, newest backwards, counting only those opened after the last dismissal. */
export function heatedStreak(history: Wellbeing): number {
  let n = 0;
  for (let i = history.recent.length - 1; i >= 0; i--) {
    const w = history.recent[i]!;
    if (history.breakDismissedAt !== null && w.at <= history.breakDismissedAt) break;
    if (!w.heated) break;
    n++;
  }
  return n;
}

export function suggestBreak(history: Wellbeing, settings: Settings): boolean {
  return settings.wellbeing.breakTip && heatedStreak(history) >= settings.wellbeing.breakAfter;
}

/** The customer stays furious: their last two messages both angry or worse, the latest furious. */
export function staysFurious(mood: Mood): boolean {
  const msgs = [...mood.messages].sort((a, b) => a.index - b.index);
  const last = msgs[msgs.length - 1];
  const prev = msgs[msgs.length - 2];
  return !!last && !!prev && last.level === 'furious' && HEATED.has(prev.level);
}

export function suggestCall(mood: Mood, settings: Settings): boolean {
  return settings.wellbeing.callTip && staysFurious(mood);
}

export function dismissBreak(history: Wellbeing, now: number): Wellbeing {
  return { ...history, breakDismissedAt: now };
}
