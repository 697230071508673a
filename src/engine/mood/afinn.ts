/**
 * The `sentiment` package's AFINN-165 lexicon (plus its emoji labels), read word by word with
 * offsets so every contribution can be shown as a span. We score with the package's lexicon but
 * not its `analyze()`: that drops offsets, flips only the word right after a negator, and scores
 * customer-service words ("help", "support", "please") as praise (see guidance/mood-signals.md §3).
 * Words come from tokens.ts, so @mentions and URLs are not words and negation stops at a clause break.
 */
import labels from 'sentiment/languages/en/labels.json';
import emoji from 'sentiment/build/emoji.json';
import type { Token } from './tokens.ts';

const WORDS = labels as Record<string, number>;
const EMOJI = emoji as Record<string, number>;

/** Looks words up in the package's own objects: a copy into a Map would hold the lexicon twice. */
function valenceOf(word: string): number | undefined {
  if (Object.hasOwn(EMOJI, word)) return EMOJI[word];
  return Object.hasOwn(WORDS, word) ? WORDS[word] : undefined;
}

/** Whether the lexicon reads this word as negative. */
export function isNegativeWord(norm: string): boolean {
  return (valenceOf(norm) ?? 0) < 0;
}

/** VADER: a negated word keeps 74 % of its strength with the opposite sign. */
const N_SCALAR = -0.74;

export interface WordScore {
  start: number;
  end: number;
  word: string;
  /** Valence after negation, in AFINN units (-5..5). */
  valence: number;
  negated: boolean;
}

export function scoreWords(text: string, tokens: readonly Token[], neutral: ReadonlySet<string>): WordScore[] {
  const out: WordScore[] = [];
  for (const t of tokens) {
    const base = valenceOf(t.norm);
    if (base === undefined || base === 0 || neutral.has(t.norm)) continue;
    out.push({ start: t.start, end: t.end, word: text.slice(t.start, t.end), valence: t.negated ? base * N_SCALAR : base, negated: t.negated });
  }
  return out;
}
