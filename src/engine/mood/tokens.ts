/**
 * Words of a customer message with their offsets, the way the mood model and the AFINN reading
 * see them. Addresses are not words: @mentions and URLs are skipped (an airline called "United"
 * must not count as praise), and a hashtag is read as its word ("#disappointed" → disappointed).
 * Negation marks the next words of the same clause, as in Das & Chen's NOT_ features and VADER's
 * three-token window, so "not happy" and "happy" are different features.
 */

export interface Token {
  start: number;
  end: number;
  /** Lower case, curly apostrophes folded to straight. */
  norm: string;
  /** A negator ("not", "never", "can't"...) is one to three words before, in the same clause. */
  negated: boolean;
}

/** VADER's negators, plus the package's own list, in both spellings of the contraction. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'nowhere', 'neither', 'nor', 'without', 'cannot', 'rarely', 'seldom',
  'aint', 'arent', 'cant', 'couldnt', 'didnt', 'doesnt', 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt',
  'mustnt', 'neednt', 'shouldnt', 'wasnt', 'werent', 'wont', 'wouldnt', 'non',
]);
export const NEGATION_WINDOW = 3;

/** URLs and @mentions (skipped), words (letters or digits, inner apostrophes and hyphens), emoji, and clause breaks. */
const TOKEN = /https?:\/\/\S+|www\.\S+|@\w+|([\p{L}\p{N}][\p{L}\p{N}'\u2019-]*|\p{Extended_Pictographic})|([.!?;:,()\u2026]|\s-\s)/gu;

export function isNegator(norm: string): boolean {
  // "nothing's broken", "nobody's called": the clitic does not hide the negator.
  const bare = norm.replace(/'s$/, '');
  return NEGATORS.has(bare) || NEGATORS.has(bare.replace(/'/g, '')) || norm.endsWith("n't");
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let negation = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[2] !== undefined) {
      negation = 0; // a clause break ends the negation's reach
      continue;
    }
    if (m[1] === undefined) continue; // a URL or an @mention
    const norm = m[1].toLowerCase().replace(/\u2019/g, "'");
    out.push({ start: m.index, end: m.index + m[1].length, norm, negated: negation > 0 });
    negation = isNegator(norm) ? NEGATION_WINDOW : Math.max(0, negation - 1);
  }
  return out;
}

/** "never been so angry", "can't believe how rude": degree and disbelief, not denial. */
const NOT_A_DENIAL = /^(?:never|can't|cannot|cant|couldn't|couldnt)$/;
/** Words that may stand between a negator and what it denies. */
const LINKING = new Set(['going', 'to', 'gonna', 'planning', 'about', 'is', "is'", 'was', 'are', 'were', 'be', 'been', 'being', 'really', 'very', 'too', 'so', 'that', 'at', 'all', 'a', 'an', 'the', 'even', 'actually', 'particularly', 'remotely', 'exactly', 'any', 'im', "i'm", 'i', 'am', 'feeling', 'feel', 'got', 'get', 'getting', 'else']);
const DEGREE = new Set(['so', 'such', 'more', 'this', 'that', 'as', 'believe', 'wait', 'stress', 'emphasise', 'emphasize', 'express']);

/**
 * Whether the evidence starting at `start` is denied by a negator before it in the same clause
 * ("I'm not angry", "the parcel wasn't late", "nothing is broken"). A match that carries its own
 * negation ("not acceptable", "still not refunded") starts with the negator and is not denied.
 */
export function isNegated(tokens: readonly Token[], start: number): boolean {
  const i = tokens.findIndex((t) => t.start >= start);
  const first = tokens[i];
  if (!first || first.start !== start || !first.negated || isNegator(first.norm)) return false;
  // Find the negator and look at the words between it and the match: a denial is close and
  // direct ("wasn't late", "not really angry", "nothing is broken"), while "can't get back
  // lost time" complains about the loss.
  for (let j = i - 1; j >= Math.max(0, i - NEGATION_WINDOW); j--) {
    const t = tokens[j]!;
    if (!isNegator(t.norm)) continue;
    const between = tokens.slice(j + 1, i);
    if (NOT_A_DENIAL.test(t.norm) && between.some((b) => DEGREE.has(b.norm))) return false;
    return between.every((b) => LINKING.has(b.norm));
  }
  return false;
}

/** The feature a token is to the mood model: the word, or NOT_word under negation. */
export function featureOf(t: Token): string {
  return t.negated ? `NOT_${t.norm}` : t.norm;
}
