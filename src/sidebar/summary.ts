/**
 * Pure views of an analysis that the sidebar shows and copies: how the customer answered each
 * agent reply ("is it working?"), and the after-action note for the ticket's internal note.
 * No DOM, no extension API: text comes through the `Translate` the caller passes.
 */
import type { Analysis, Cue, MessageMood, Mood, MoodLevel } from '../engine/analysis.ts';
import type { Translate } from '../shared/i18n.ts';

/** A change smaller than this (points of 0–100) reads as "about the same". */
export const EFFECT_THRESHOLD = 8;

export type Verdict = 'cooler' | 'hotter' | 'same';

export interface ReplyEffect {
  /** The agent message (conversation index) the customer answered. */
  agentIndex: number;
  before: MessageMood;
  after: MessageMood;
  delta: number;
  verdict: Verdict;
}

/**
 * For each agent reply that the customer answered: their message after it against their message
 * before it. Agent replies are the gaps between customer message indices in `mood.messages`.
 */
export function replyEffects(mood: Mood): ReplyEffect[] {
  const out: ReplyEffect[] = [];
  const msgs = [...mood.messages].sort((a, b) => a.index - b.index);
  for (let i = 1; i < msgs.length; i++) {
    const before = msgs[i - 1]!;
    const after = msgs[i]!;
    if (after.index - before.index < 2) continue; // two customer messages in a row: no reply between
    const delta = after.score - before.score;
    const verdict: Verdict = delta <= -EFFECT_THRESHOLD ? 'cooler' : delta >= EFFECT_THRESHOLD ? 'hotter' : 'same';
    out.push({ agentIndex: after.index - 1, before, after, delta, verdict });
  }
  return out;
}

const LEVEL_KEY = { calm: 'levelCalm', upset: 'levelUpset', angry: 'levelAngry', furious: 'levelFurious' } as const;
export const levelWord = (t: Translate, level: MoodLevel): string => t(LEVEL_KEY[level]);

const CUE_KEY: Record<Cue['type'], Parameters<Translate>[0]> = {
  threat: 'cueThreat', abuse: 'cueAbuse', escalation: 'cueEscalation', exaggeration: 'cueExaggeration', churn: 'cueChurn',
  sarcasm: 'cueSarcasm', expertise: 'cueExpertise', entitlement: 'cueEntitlement', cooperation: 'cueCooperation',
};
export const cueLabel = (t: Translate, type: Cue['type']): string => t(CUE_KEY[type]);

/** Cues quoted word for word in the note, for documentation (threats and abuse). */
const QUOTED_CUES = new Set<Cue['type']>(['threat', 'abuse']);

export interface NoteInput {
  analysis: Analysis;
  customerName?: string | undefined;
  messageCount: number;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
const quote = (s: string): string => `“${oneLine(s)}”`;

/** The after-action note: short, factual, plain text, one fact per line. */
export function afterActionNote(t: Translate, { analysis, customerName, messageCount }: NoteInput): string {
  const lines: string[] = [];
  lines.push(customerName ? t('noteTitleNamed', [customerName, messageCount]) : t('noteTitle', messageCount));

  const moods = [...analysis.mood.messages].sort((a, b) => a.index - b.index);
  if (moods.length === 0) {
    lines.push(t('noteMoodNone'));
  } else {
    const first = moods[0]!;
    const last = moods[moods.length - 1]!;
    const peak = moods.reduce((p, m) => (m.score > p.score ? m : p), first);
    const fmt = (m: MessageMood): string => `${m.score} ${levelWord(t, m.level)}`;
    const trend = moods.length > 1
      ? t('noteMoodTrend', [fmt(first), fmt(last), trendWord(t, first, last)])
      : t('noteMoodOne', fmt(last));
    lines.push(trend);
    if (peak !== last && peak !== first) lines.push(t('noteMoodPeak', [fmt(peak), peak.index + 1]));
  }

  const effects = replyEffects(analysis.mood);
  if (effects.length) {
    lines.push(t('noteRepliesHeading'));
    for (const e of effects) lines.push(`- ${t('noteReplyEffect', [e.agentIndex + 1, verdictWord(t, e.verdict), signed(e.delta)])}`);
  }

  const cues = analysis.cues;
  lines.push(cues.length ? t('noteCuesHeading') : t('noteCuesNone'));
  const seen = new Set<string>();
  for (const c of [...cues].sort((a, b) => a.messageIndex - b.messageIndex || a.span.start - b.span.start)) {
    const where = t('noteInMessage', c.messageIndex + 1);
    if (QUOTED_CUES.has(c.type)) {
      lines.push(`- ${cueLabel(t, c.type)} (${where}): ${quote(c.span.text)}`);
    } else if (!seen.has(c.type)) {
      seen.add(c.type);
      lines.push(`- ${cueLabel(t, c.type)} (${where})`);
    }
  }

  const done = analysis.steps.filter((s) => s.status === 'done');
  lines.push(done.length ? t('noteStepsHeading') : t('noteStepsNone'));
  for (const s of done) lines.push(`- ${s.title}`);

  const followUp = analysis.steps.find((s) => s.id === 'follow-up');
  if (followUp?.status === 'done' && followUp.evidence) {
    const ev = followUp.evidence;
    const where = ev.source.in === 'message' ? t('noteInMessage', ev.source.index + 1) : t('noteInDraft');
    lines.push(t('noteFollowUp', [quote(ev.span.text), where]));
  } else {
    lines.push(t('noteFollowUpNone'));
  }
  return lines.join('\n');
}

function trendWord(t: Translate, first: MessageMood, last: MessageMood): string {
  const d = last.score - first.score;
  return d <= -EFFECT_THRESHOLD ? t('trendFalling') : d >= EFFECT_THRESHOLD ? t('trendRising') : t('trendSteady');
}

export const verdictWord = (t: Translate, v: Verdict): string =>
  v === 'cooler' ? t('verdictCooler') : v === 'hotter' ? t('verdictHotter') : t('verdictSame');

export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
