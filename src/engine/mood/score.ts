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
import type { MoodBand } from '../pack/schema.ts';
import { bandOf } from '../kinds/signal.ts';
import { isNegativeWord, scoreWords } from './afinn.ts';
import { intensityMarks } from './intensity.ts';
import { readModel } from './model.ts';
import { isNegated, tokenize } from './tokens.ts';

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

/** The highest score each band allows: a band's evidence alone never reads as the next level. */
export const BAND_CAP: Readonly<Record<MoodBand, number>> = { upset: 49, angry: 74, furious: 100 };
/** Rage (abuse, threats of harm) reads furious whatever else the message says. */
export const FURIOUS_FLOOR = 75;
/**
 * Hostility stacked on hostility reads as rage without an abusive word: this many different
 * angry cues and signals, shouted, not one sharp remark.
 */
export const STACKED_HOSTILE = 3;
/** Capitalised words that make a message shouted throughout, not one word stressed. */
export const HEAVY_SHOUTING = 4;
/** The most that politeness (thanks, "could you please") takes off a complaint's raw anger. */
export const CALM_SHARE = 0.5;

const BAND_RANK: Readonly<Record<MoodBand, number>> = { upset: 1, angry: 2, furious: 3 };

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
 * @param matches customer-scope rule matches in this message that are evidence (evidence.ts),
 *   offsets relative to `text`.
 */
export function scoreMessage(index: number, text: string, matches: readonly RawMatch[], rules: RuleSet): MessageMood {
  const drivers: Driver[] = [];
  const span = (start: number, end: number) => ({ start, end, text: text.slice(start, end) });
  const tokens = tokenize(text);

  // A rule counts once per message: repeating "unacceptable" does not double the anger.
  const counted = new Set<string>();
  const claimed: Array<[number, number]> = [];
  let band: MoodBand | null = null;
  let sarcasm = false;
  /** Evidence of a complaint besides sarcasm (a positive-weight rule that is not a sarcasm cue). */
  let complaint = false;
  let threat = false;
  const angryRules = new Set<string>();
  const raise = (b: MoodBand) => {
    if (!band || BAND_RANK[b] > BAND_RANK[band]) band = b;
  };
  for (const m of matches) {
    if (counted.has(m.ruleId)) continue;
    const rule = rules.rules.get(m.ruleId)?.rule;
    if (!rule || (rule.kind !== 'cue' && rule.kind !== 'signal') || rule.weight === 0) continue;
    counted.add(m.ruleId);
    claimed.push([m.start, m.end]);
    if (rule.weight > 0) {
      const b = bandOf(rule);
      raise(b);
      if (b === 'angry') angryRules.add(rule.id);
    }
    const isSarcasm = rule.kind === 'cue' && rule.cue === 'sarcasm';
    if (isSarcasm) sarcasm = true;
    else if (rule.weight > 0) complaint = true;
    if (rule.kind === 'cue' && rule.cue === 'threat') threat = true;
    drivers.push({ id: rule.id, label: rule.kind === 'signal' ? rule.message : `${rule.cue}`, weight: rule.weight, span: span(m.start, m.end) });
  }
  // Sarcasm alone is a jab (upset); sarcasm on top of a complaint is anger under the surface.
  if (sarcasm && complaint) raise('angry');
  if (sarcasm) {
    // Praise inside sarcasm ("Oh lovely, another estimated bill") is not praise: nothing calms.
    for (let i = drivers.length - 1; i >= 0; i--) if (drivers[i]!.weight < 0) drivers.splice(i, 1);
  }

  // Words inside a matched rule are already explained by it ("not happy", "thanks for nothing").
  const free = tokens.filter((t) => !claimed.some(([s, e]) => t.start >= s && t.end <= e));
  // Negated praise is a complaint however far the negator ("not finding the humour"), but a
  // negative word flips only when it is denied outright ("not rude"): "never experienced such
  // awful service" and "can't get back lost time" are still complaints.
  const read = free.map((t) => (t.negated && isNegativeWord(t.norm) ? { ...t, negated: isNegated(tokens, t.start) } : t));
  for (const w of scoreWords(text, read, rules.neutral)) {
    if (sarcasm && w.valence > 0) continue;
    const weight = w.valence < 0 ? -w.valence * NEGATIVE_WORD_WEIGHT : -w.valence * POSITIVE_WORD_WEIGHT;
    if (weight > 0) raise('upset');
    drivers.push({ id: 'afinn', label: w.negated ? `negated "${w.word}"` : w.valence < 0 ? 'negative word' : 'positive word', weight: round(weight), span: span(w.start, w.end) });
  }

  const model = readModel(free);
  for (const w of model.words) {
    raise('upset');
    drivers.push({ id: 'model', label: 'reads as upset', weight: round(w.weight), span: span(w.token.start, w.token.end) });
  }

  const base = drivers.reduce((sum, d) => sum + d.weight, 0);
  const marks = intensityMarks(text).slice(0, MAX_INTENSITY_MARKS * 3);
  const kinds = new Set(marks.map((m) => m.kind));
  const units = Math.min(MAX_INTENSITY_MARKS, marks.filter((m) => m.kind !== 'shouting').length + (kinds.has('shouting') ? 2 : 0));
  if (units > 0) {
    const boost = base > 0 ? base * INTENSITY_PER_MARK * units : INTENSITY_FLOOR * units;
    // Shouting about a problem is hostility; shouting alone ("YES!!") is only emphasis, and "??"
    // or "!!" is urgency as often as anger, so only capitals raise the band.
    if (base > 0 && kinds.has('shouting')) raise('angry');
    const first = new Map<string, { start: number; end: number }>();
    for (const m of marks) if (!first.has(m.kind)) first.set(m.kind, m);
    const share = boost / first.size;
    for (const [kind, m] of first) {
      drivers.push({ id: kind, label: INTENSITY_LABEL[kind as keyof typeof INTENSITY_LABEL], weight: round(share), span: span(m.start, m.end) });
    }
  }

  // Politeness ("thanks", "could you please") softens a complaint but does not erase it: those
  // rules take off at most half. Praise in the customer's own words counts in full.
  const anger = drivers.reduce((sum, d) => sum + Math.max(0, d.weight), 0);
  const polite = drivers.reduce((sum, d) => sum + (d.weight < 0 && rules.rules.has(d.id) ? d.weight : 0), 0);
  const praise = drivers.reduce((sum, d) => sum + (d.weight < 0 && !rules.rules.has(d.id) ? d.weight : 0), 0);
  const raw = anger > 0 ? anger + Math.max(polite, -anger * CALM_SHARE) + praise : polite + praise;
  const hostile = angryRules.size;
  const shouted = marks.filter((m) => m.kind === 'shouting').length;
  // Stacked anger: several hostile cues, shouted; or a threat (a review, a lawyer) made in anger.
  const stacked = (shouted > 0 && hostile >= STACKED_HOSTILE) || (shouted >= HEAVY_SHOUTING && hostile >= STACKED_HOSTILE - 1) ||
    (threat && (hostile >= 2 || shouted > 0));
  drivers.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.span.start - b.span.start);
  return { index, ...calibrate(raw, band, stacked), drivers };
}

/**
 * The squashed sum, kept inside the band its evidence supports: distress alone stays below
 * angry, hostility below furious unless it is stacked high, and rage is furious.
 */
export function calibrate(raw: number, band: MoodBand | null, stacked = false): { score: number; level: MoodLevel } {
  // Only a rule that reads furious (rage) puts a message in that band; stacking only lifts the cap.
  const rage = band === 'furious';
  let score = squash(raw);
  if (band === 'angry' && stacked) band = 'furious';
  score = softCap(score, band ? BAND_CAP[band] : BAND_CAP.upset);
  if (rage) score = Math.max(score, FURIOUS_FLOOR);
  return { score, level: levelOf(score) };
}

/** Width of the stretch below a band's cap where readings bend towards it instead of piling up. */
export const CAP_KNEE = 14;

/**
 * Keeps a score under `cap` while keeping its order: below the knee it is unchanged, above it
 * it approaches the cap without reaching it, so "late!!!" still reads above "late" in a band.
 */
export function softCap(score: number, cap: number): number {
  if (cap >= 100) return score;
  const knee = cap - CAP_KNEE;
  if (score <= knee) return score;
  return Math.min(cap, Math.round(knee + CAP_KNEE * (1 - Math.exp(-(score - knee) / CAP_KNEE))));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
