/**
 * Reads one customer message into an anger score 0–100 with the drivers that explain it.
 * Signals add to a raw sum: AFINN valence (one signal, not the only one), the pack's cue and
 * signal rules (complaints, threats, abuse, sarcasm, negated praise...), the compact mood model
 * (model.ts) over the words no rule explained, and typographic intensity, which amplifies
 * negativity already present. The sum is squashed the way VADER
 * normalises its compound score, so no single cue can reach 100 on its own.
 */
import type { Driver, MessageMood, MoodLevel } from '../analysis.ts';
import type { RawMatch } from '../checks/matcher.ts';
import type { RuleSet } from '../pack/ruleset.ts';
import { scoreWords } from './afinn.ts';
import { intensityMarks } from './intensity.ts';
import { readModel } from './model.ts';
import { tokenize } from './tokens.ts';

/** Raw anger per AFINN point of a negative word, and calm per point of a positive one. */
export const NEGATIVE_WORD_WEIGHT = 0.55;
export const POSITIVE_WORD_WEIGHT = 0.3;
/** The squash x / sqrt(x² + ALPHA): raw 1 ≈ 27, raw 2 ≈ 50, raw 4 ≈ 76, raw 8 ≈ 92. */
export const ALPHA = 12;
/** Typographic intensity multiplies existing negativity by (1 + this per mark), capped. */
export const INTENSITY_PER_MARK = 0.15;
export const MAX_INTENSITY_MARKS = 4;
/** When the rest of the message is neutral, a mark adds only this much. */
export const INTENSITY_FLOOR = 0.25;

export const LEVEL_THRESHOLDS: ReadonlyArray<readonly [MoodLevel, number]> = [
  ['furious', 75],
  ['angry', 50],
  ['upset', 25],
  ['calm', 0],
];

export function levelOf(score: number): MoodLevel {
  for (const [level, min] of LEVEL_THRESHOLDS) if (score >= min) return level;
  return 'calm';
}

export function squash(raw: number): number {
  if (raw <= 0) return 0;
  return Math.round((100 * raw) / Math.sqrt(raw * raw + ALPHA));
}

const INTENSITY_LABEL = { shouting: 'shouting in capitals', exclamations: 'repeated "!"', questions: 'repeated "?"' } as const;

/**
 * @param matches customer-scope rule matches in this message, offsets relative to `text`.
 */
export function scoreMessage(index: number, text: string, matches: readonly RawMatch[], rules: RuleSet): MessageMood {
  const drivers: Driver[] = [];
  const span = (start: number, end: number) => ({ start, end, text: text.slice(start, end) });

  // A rule counts once per message: repeating "unacceptable" does not double the anger.
  const counted = new Set<string>();
  const claimed: Array<[number, number]> = [];
  for (const m of matches) {
    if (counted.has(m.ruleId)) continue;
    const rule = rules.rules.get(m.ruleId)?.rule;
    if (!rule || (rule.kind !== 'cue' && rule.kind !== 'signal') || rule.weight === 0) continue;
    counted.add(m.ruleId);
    claimed.push([m.start, m.end]);
    drivers.push({ id: rule.id, label: rule.kind === 'signal' ? rule.message : `${rule.cue}`, weight: rule.weight, span: span(m.start, m.end) });
  }

  // Words inside a matched rule are already explained by it ("not happy", "thanks for nothing").
  const tokens = tokenize(text);
  const free = tokens.filter((t) => !claimed.some(([s, e]) => t.start >= s && t.end <= e));
  for (const w of scoreWords(text, free, rules.neutral)) {
    const weight = w.valence < 0 ? -w.valence * NEGATIVE_WORD_WEIGHT : -w.valence * POSITIVE_WORD_WEIGHT;
    drivers.push({ id: 'afinn', label: w.negated ? `negated "${w.word}"` : w.valence < 0 ? 'negative word' : 'positive word', weight: round(weight), span: span(w.start, w.end) });
  }

  const model = readModel(free);
  for (const w of model.words) {
    drivers.push({ id: 'model', label: 'reads as upset', weight: round(w.weight), span: span(w.token.start, w.token.end) });
  }

  const base = drivers.reduce((sum, d) => sum + d.weight, 0);
  const marks = intensityMarks(text).slice(0, MAX_INTENSITY_MARKS * 3);
  const kinds = new Set(marks.map((m) => m.kind));
  const units = Math.min(MAX_INTENSITY_MARKS, marks.filter((m) => m.kind !== 'shouting').length + (kinds.has('shouting') ? 2 : 0));
  if (units > 0) {
    const boost = base > 0 ? base * INTENSITY_PER_MARK * units : INTENSITY_FLOOR * units;
    const first = new Map<string, { start: number; end: number }>();
    for (const m of marks) if (!first.has(m.kind)) first.set(m.kind, m);
    const share = boost / first.size;
    for (const [kind, m] of first) {
      drivers.push({ id: kind, label: INTENSITY_LABEL[kind as keyof typeof INTENSITY_LABEL], weight: round(share), span: span(m.start, m.end) });
    }
  }

  const raw = drivers.reduce((sum, d) => sum + d.weight, 0);
  const score = squash(raw);
  drivers.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.span.start - b.span.start);
  return { index, score, level: levelOf(score), drivers };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
