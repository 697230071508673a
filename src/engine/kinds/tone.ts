/**
 * The tone of the agent's draft, curt (0) to warm (100), with the phrases that drive it. Wording is
 * in the packs' `tone` rules (politeness strategies after Danescu-Niculescu-Mizil et al. 2013:
 * gratitude, apology, greeting, "could you", hedges for warmth; bare commands, "obviously",
 * "you need to", direct "why" questions for curtness). Typography is here: shouting in capitals
 * and runs of "!" or "?" read as curt whatever the words.
 */
import type { Driver, Tone, ToneLabel } from '../analysis.ts';
import type { RawMatch } from '../checks/matcher.ts';
import { scoreWords } from '../mood/afinn.ts';
import { intensityMarks } from '../mood/intensity.ts';
import { toneLogit } from '../mood/tone-model.ts';
import { tokenize, type Token } from '../mood/tokens.ts';
import { NO_MEMO, type Memo } from '../memo.ts';
import { segments } from '../text/segments.ts';
import type { RuleSet } from '../pack/ruleset.ts';

/** The squash 50 + 50·x/√(x² + TONE_ALPHA): raw +1 ≈ 66, +2 ≈ 78, −1 ≈ 34. */
export const TONE_ALPHA = 8;
export const WARM_AT = 60;
export const CURT_AT = 40;
/** Typographic curtness, per kind of mark, counted once per draft. */
export const TYPOGRAPHY_WEIGHTS = { shouting: -1.5, exclamations: -1, questions: -1, clipped: -0.75 } as const;
/** Curtness of a phrase the packs flag, by its severity. */
export const AVOID_WEIGHTS = { error: -2, warning: -1.5, info: -0.5 } as const;
/** A question of this many words or fewer ("Why?", "Based on what?") is clipped. */
export const CLIPPED_WORDS = 3;
/** Warmth per AFINN point of a word no tone rule explained (positive lexicon warms, negative chills). */
export const LEXICON_WEIGHT = 0.25;
/** At most this much warmth or chill from single words, so wording rules and typography lead. */
export const MAX_LEXICON = 1.5;
/**
 * Warmth per logit unit of the compact tone model (mood/tone-model.ts, GoEmotions warm vs curt),
 * read over all the agent's words, and the logit beyond which it says no more: at most ±0.75, the
 * weight of one mild politeness marker, so the rules and typography lead.
 */
export const MODEL_WEIGHT = 0.5;
export const MODEL_CAP = 1.5;
/** How many of the words that drive the model are shown as drivers. */
export const MODEL_DRIVERS = 3;
const TYPOGRAPHY_LABEL = { shouting: 'shouting in capitals', exclamations: 'repeated "!" or "?!"', questions: 'repeated "?"', clipped: 'clipped question' } as const;

export function toneLabel(score: number): ToneLabel {
  return score >= WARM_AT ? 'warm' : score <= CURT_AT ? 'curt' : 'neutral';
}

/**
 * @param text the draft window that was read; `offset` its start in the full draft.
 * @param matches the reply rules' matches in `text` (offsets into it), quoted words already left out.
 * @param keep drops matches the agent did not write (quoted customer words).
 */
export function readTone(text: string, offset: number, rules: RuleSet, matches: readonly RawMatch[], keep: (text: string, ms: RawMatch[]) => RawMatch[], memo: Memo = NO_MEMO): Tone | null {
  if (!text.trim()) return null;
  const span = (start: number, end: number) => ({ start: start + offset, end: end + offset, text: text.slice(start, end) });
  const drivers: Driver[] = [];
  const counted = new Set<string>();
  for (const m of matches) {
    const rule = rules.rules.get(m.ruleId)?.rule;
    if (!rule || counted.has(rule.id)) continue;
    if (rule.kind === 'tone' && rule.weight !== 0) {
      counted.add(rule.id);
      drivers.push({ id: rule.id, label: rule.message, weight: rule.weight, span: span(m.start, m.end) });
    } else if (rule.kind === 'avoid') {
      // A phrase the agent is warned off cannot read as warm, whatever "please" sits beside it.
      counted.add(rule.id);
      drivers.push({ id: rule.id, label: 'flagged phrase', weight: AVOID_WEIGHTS[rule.severity], span: span(m.start, m.end) });
    }
  }
  const claimed = drivers.map((d) => [d.span.start - offset, d.span.end - offset] as const);
  const { tokens, clipped } = readSegments(text, memo);
  const free = tokens.filter((t) => !claimed.some(([s, e]) => t.start >= s && t.end <= e));
  const lexical = scoreWords(text, free, rules.neutral);
  let lexicon = 0;
  for (const w of keep(text, lexical.map((w) => ({ ruleId: 'afinn', start: w.start, end: w.end })))) {
    const v = lexical.find((x) => x.start === w.start)!.valence * LEXICON_WEIGHT;
    const room = MAX_LEXICON - Math.abs(lexicon);
    if (room <= 0) break;
    const weight = Math.sign(v) * Math.min(Math.abs(v), room);
    lexicon += weight;
    drivers.push({ id: 'afinn', label: v < 0 ? 'negative word' : 'positive word', weight: Math.round(weight * 100) / 100, span: span(w.start, w.end) });
  }
  const marks = keep(text, [...intensityMarks(text).map((k) => ({ ruleId: k.kind, start: k.start, end: k.end })), ...clipped]);
  for (const kind of ['shouting', 'exclamations', 'questions', 'clipped'] as const) {
    const first = marks.find((k) => k.ruleId === kind);
    if (first) drivers.push({ id: kind, label: TYPOGRAPHY_LABEL[kind], weight: TYPOGRAPHY_WEIGHTS[kind], span: span(first.start, first.end) });
  }
  drivers.push(...modelDrivers(text, tokens, keep, span));
  const raw = drivers.reduce((s, d) => s + d.weight, 0);
  const score = Math.round(50 + (50 * raw) / Math.sqrt(raw * raw + TONE_ALPHA));
  drivers.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.span.start - b.span.start);
  return { score, label: toneLabel(score), drivers };
}

/**
 * The tone model's overall impression of the agent's words (quoted customer words left out), as
 * drivers on the words that push it the way it leans. It reads every word, including those a rule
 * explained: the rules name the strategy, the model weighs the whole wording.
 */
function modelDrivers(text: string, tokens: readonly Token[], keep: (text: string, ms: RawMatch[]) => RawMatch[], span: (start: number, end: number) => Driver['span']): Driver[] {
  const own = new Set(keep(text, tokens.map((t) => ({ ruleId: 'word', start: t.start, end: t.end }))).map((m) => m.start));
  const { logit, words } = toneLogit(own.size === tokens.length ? tokens : tokens.filter((t) => own.has(t.start)));
  const total = MODEL_WEIGHT * Math.max(-MODEL_CAP, Math.min(MODEL_CAP, logit));
  const leaning = words.filter((w) => Math.sign(w.weight) === Math.sign(total));
  if (total === 0 || !leaning.length) return [];
  leaning.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.token.start - b.token.start);
  const top = leaning.slice(0, MODEL_DRIVERS);
  const sum = top.reduce((s, w) => s + w.weight, 0);
  return top.map((w) => ({ id: 'model', label: total > 0 ? 'reads as warm' : 'reads as curt', weight: Math.round(((total * w.weight) / sum) * 100) / 100, span: span(w.token.start, w.token.end) }));
}

/**
 * The draft's words, tokenised sentence by sentence (a session memoises each sentence, so a
 * keystroke re-reads one), and its clipped questions: a few words ending in "?" with no courtesy
 * around them, terse fragments that read as curt.
 */
function readSegments(text: string, memo: Memo): { tokens: Token[]; clipped: RawMatch[] } {
  const tokens: Token[] = [];
  const clipped: RawMatch[] = [];
  for (const seg of segments(text)) {
    const local = memo.get('tokens', seg.text, () => tokenize(seg.text));
    for (const t of local) tokens.push(seg.start ? { ...t, start: t.start + seg.start, end: t.end + seg.start } : t);
    if (seg.text.endsWith('?') && local.length > 0 && local.length <= CLIPPED_WORDS) clipped.push({ ruleId: 'clipped', start: seg.start, end: seg.start + seg.text.length });
  }
  return { tokens, clipped };
}
