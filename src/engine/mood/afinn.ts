/**
 * The `sentiment` package's AFINN-165 lexicon (plus its emoji labels), read word by word with
 * offsets so every contribution can be shown as a span. We score with the package's lexicon but
 * not its `analyze()`: that drops offsets, flips only the word right after a negator, and scores
 * customer-service words ("help", "support", "please") as praise (see guidance/mood-signals.md §3).
 */
import labels from 'sentiment/languages/en/labels.json';
import emoji from 'sentiment/build/emoji.json';

const LEXICON: ReadonlyMap<string, number> = new Map([
  ...Object.entries(labels as Record<string, number>),
  ...Object.entries(emoji as Record<string, number>),
]);

/** VADER's negators (N_SCALAR applies within three tokens), plus the package's own list. */
const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'nowhere', 'neither', 'nor', 'without', 'cannot', 'rarely', 'seldom',
  'aint', 'arent', 'cant', 'couldnt', 'didnt', 'doesnt', 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt',
  'mustnt', 'neednt', 'shouldnt', 'wasnt', 'werent', 'wont', 'wouldnt', 'non',
]);
/** VADER: a negated word keeps 74 % of its strength with the opposite sign. */
const N_SCALAR = -0.74;
const NEGATION_WINDOW = 3;

export interface WordScore {
  start: number;
  end: number;
  word: string;
  /** Valence after negation, in AFINN units (-5..5). */
  valence: number;
  negated: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*|\p{Extended_Pictographic}/gu;

export function scoreWords(text: string, neutral: ReadonlySet<string>): WordScore[] {
  const tokens: Array<{ start: number; end: number; norm: string }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, norm: m[0].toLowerCase().replace(/\u2019/g, "'") });
  }
  const out: WordScore[] = [];
  tokens.forEach((t, i) => {
    const base = LEXICON.get(t.norm);
    if (base === undefined || base === 0 || neutral.has(t.norm)) return;
    let negated = false;
    for (let k = Math.max(0, i - NEGATION_WINDOW); k < i; k++) {
      const w = tokens[k]!.norm;
      if (NEGATORS.has(w) || NEGATORS.has(w.replace(/'/g, '')) || w.endsWith("n't")) negated = true;
    }
    out.push({ start: t.start, end: t.end, word: text.slice(t.start, t.end), valence: negated ? base * N_SCALAR : base, negated });
  });
  return out;
}
