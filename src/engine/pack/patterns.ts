/**
 * Checks a compromise match pattern before it is used. compromise never throws on a bad
 * pattern: it silently matches nothing, so a typo would disable a rule without a word. This
 * module says what is wrong instead, and refuses shapes that make matching slow on long drafts.
 */
import nlp from 'compromise';

export interface PatternProblem {
  message: string;
  hint: string;
}

/** More unbounded wildcards than this and a long draft costs quadratic time or worse. */
export const MAX_WILDCARDS = 2;

const KNOWN_TAGS = new Set(Object.keys((nlp.world() as { model: { one: { tagSet: Record<string, unknown> } } }).model.one.tagSet));
const VOCAB_REF = /%([a-z][a-z0-9-]*)%/g;
/** A regex term with a quantified group that is itself quantified: (a+)+, (a|aa)*, (.*)+ ... */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;

export function expandVocab(pattern: string, vocab: ReadonlyMap<string, readonly string[]>): string {
  return pattern.replace(VOCAB_REF, (whole, name: string) => {
    const words = vocab.get(name);
    return words ? `(${words.join('|')})` : whole;
  });
}

export function checkPattern(pattern: string, vocab: ReadonlyMap<string, readonly string[]>): PatternProblem | null {
  for (const m of pattern.matchAll(VOCAB_REF)) {
    if (!vocab.has(m[1]!)) {
      return { message: `unknown vocab list "%${m[1]}%"`, hint: `define it under "vocab" in this pack or an earlier one (known: ${[...vocab.keys()].join(', ') || 'none'})` };
    }
  }
  const expanded = expandVocab(pattern, vocab);
  const balance = checkBalance(expanded);
  if (balance) return balance;
  const tokens = nlp.parseMatch(expanded) as Array<Record<string, unknown>>;
  if (tokens.length === 0) return { message: 'pattern is empty', hint: 'write at least one word, #Tag or (a|b) group' };
  let wildcards = 0;
  for (const t of tokens) {
    if (typeof t.tag === 'string' && !KNOWN_TAGS.has(t.tag)) {
      return { message: `unknown tag #${t.tag}`, hint: `compromise tags are case-sensitive, e.g. #Noun, #Verb, #Adjective, #Negative, #Value` };
    }
    if (typeof t.word === 'string' && /[()[\]{}]/.test(t.word)) {
      return { message: `compromise cannot parse "${t.word}"`, hint: 'put spaces around words and close every ( ) and [ ] group' };
    }
    if (typeof t.word === 'string' && /[,.!?;:]/.test(t.word)) {
      return { message: `"${t.word}" holds punctuation, which compromise never matches`, hint: 'drop the punctuation: patterns match words, and commas or full stops are ignored' };
    }
    if (t.anything && t.greedy) wildcards++;
    if (t.regex instanceof RegExp && NESTED_QUANTIFIER.test(t.regex.source)) {
      return { message: `regular expression /${t.regex.source}/ has a nested quantifier and can take exponential time`, hint: 'remove the outer + or *, or list the forms as (a|b|c)' };
    }
  }
  if (wildcards > MAX_WILDCARDS) {
    return { message: `pattern has ${wildcards} unbounded wildcards (.* or .+); matching it is slow on a long draft`, hint: `use at most ${MAX_WILDCARDS}, or bound them: .{0,3} / [.+] between fixed words` };
  }
  const tokensOnly = tokens.every((t) => t.optional === true || t.negative === true);
  if (tokensOnly) return { message: 'every term is optional or negated, so the pattern matches empty text', hint: 'make at least one term required' };
  return null;
}

function checkBalance(p: string): PatternProblem | null {
  const stack: string[] = [];
  let inRegex = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') { i++; continue; }
    if (c === '/' && (inRegex || i === 0 || /\s/.test(p[i - 1]!))) { inRegex = !inRegex; continue; }
    if (inRegex) continue;
    if (c === '(' || c === '[') stack.push(c === '(' ? ')' : ']');
    else if (c === ')' || c === ']') {
      if (stack.pop() !== c) return { message: `unbalanced "${c}" at character ${i + 1}`, hint: 'close every ( ) and [ ] group' };
    }
  }
  if (inRegex) return { message: 'unterminated /regex/ term', hint: 'close the regular expression with /' };
  if (stack.length) return { message: `missing "${stack.at(-1)}"`, hint: 'close every ( ) and [ ] group' };
  return null;
}
