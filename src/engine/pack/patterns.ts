/**
 * Checks a compromise match pattern before it is used. compromise never throws on a bad
 * pattern: it silently matches nothing, so a typo would disable a rule without a word. This
 * module says what is wrong instead, and refuses shapes that make matching slow on long drafts.
 *
 * Slow regular expressions are the dangerous case (a pack is untrusted, and one catastrophic
 * regex against one long customer word stalls the worker), so every `/regex/` term, wherever it
 * stands (a term, an alternative), is judged by redos-detector, a maintained ReDoS checker,
 * rather than by a hand-written shape test that misses `(a|a)+` and the like.
 */
import nlp from 'compromise';
import { isSafePattern } from 'redos-detector';
import { MAX_EXPANDED_PATTERN_CHARS } from './schema.ts';

export interface PatternProblem {
  message: string;
  hint: string;
}

/** More unbounded wildcards than this and a long draft costs quadratic time or worse. */
export const MAX_WILDCARDS = 2;

const KNOWN_TAGS = new Set(Object.keys((nlp.world() as { model: { one: { tagSet: Record<string, unknown> } } }).model.one.tagSet));
const VOCAB_REF = /%([a-z][a-z0-9-]*)%/g;

/**
 * Time redos-detector may spend on one regex; past it the regex counts as unsafe. Its verdict
 * rests on a step count, not on time: this only stops a pathological case, and is long enough
 * that a safe regex is never refused because the machine was busy (a safe regex takes
 * milliseconds; unsafe ones that reach this are refused either way).
 */
export const REGEX_CHECK_MS = 1_000;
/** Time all the regexes of one pack may take to check, so a pack of many is refused quickly too. */
export const REGEX_BUDGET_MS = 2_000;

/**
 * The shapes of catastrophic backtracking, refused at once without running the checker (a
 * hostile pack is refused in milliseconds): a group holding a repetition or an alternation that
 * is itself repeated, such as `(a+)+`, `(a|a)+`, `(.*a){12}`, `(\w+\s?)*`. The checker judges
 * whatever passes this, so it is a fast path, not the safety net.
 */
const REPEATED_VARIABLE_GROUP = /\((?:[^()\\]|\\.)*(?:[+*|]|\{\d*,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+(?:,\d*)?\})/;

/**
 * Judges regexes for one validation, within a time budget. Verdicts are cached by source for the
 * life of the module: the worker validates the same packs at every start.
 */
export interface RegexChecker {
  check(source: string): PatternProblem | null;
}

const verdicts = new Map<string, PatternProblem | null>();
const MAX_CACHED_VERDICTS = 1_000;

export function createRegexChecker(budgetMs = REGEX_BUDGET_MS, now: () => number = () => performance.now()): RegexChecker {
  const deadline = now() + budgetMs;
  return {
    check(source: string): PatternProblem | null {
      const cached = verdicts.get(source);
      if (cached !== undefined) return cached;
      const left = deadline - now();
      if (left <= 0) {
        // Not cached: the regex was not judged, only refused for lack of time in this pack.
        return { message: `regular expression /${source}/ was not checked: this pack's regexes took over ${budgetMs} ms to check`, hint: 'use fewer /regex/ terms; list word forms as (a|b|c) instead' };
      }
      const verdict = judge(source, Math.min(REGEX_CHECK_MS, left));
      if (verdicts.size >= MAX_CACHED_VERDICTS) verdicts.clear();
      verdicts.set(source, verdict);
      return verdict;
    },
  };
}

function judge(source: string, timeout: number): PatternProblem | null {
  try {
    new RegExp(source); // compromise builds it without flags
  } catch (e) {
    return { message: `regular expression /${source}/ is invalid: ${(e as Error).message}`, hint: 'check the escaping; patterns are JSON strings, so write \\\\ for one backslash' };
  }
  if (REPEATED_VARIABLE_GROUP.test(source)) return unsafe(source);
  let safe: boolean;
  try {
    safe = isSafePattern(source, { timeout }).safe;
  } catch {
    safe = false; // a construct the checker cannot read is not accepted
  }
  return safe ? null : unsafe(source);
}

function unsafe(source: string): PatternProblem {
  return {
    message: `regular expression /${source}/ can backtrack without bound, so one long word makes matching slow`,
    hint: 'anchor it (^...$), do not repeat a group that holds a repetition or a choice, such as (a|a)+ or (a+)+, or list the forms as (a|b|c)',
  };
}

/** Characters of `pattern` once its %vocab% references are expanded, computed without expanding. */
export function expandedLength(pattern: string, vocab: ReadonlyMap<string, readonly string[]>): number {
  let length = pattern.length;
  for (const m of pattern.matchAll(VOCAB_REF)) {
    const words = vocab.get(m[1]!);
    if (words) length += words.reduce((n, w) => n + w.length + 1, 1) - m[0].length; // "(" + words + "|"s + ")"
  }
  return length;
}

export function expandVocab(pattern: string, vocab: ReadonlyMap<string, readonly string[]>): string {
  return pattern.replace(VOCAB_REF, (whole, name: string) => {
    const words = vocab.get(name);
    return words ? `(${words.join('|')})` : whole;
  });
}

export function checkPattern(
  pattern: string,
  vocab: ReadonlyMap<string, readonly string[]>,
  regexes: RegexChecker = createRegexChecker(),
): PatternProblem | null {
  for (const m of pattern.matchAll(VOCAB_REF)) {
    if (!vocab.has(m[1]!)) {
      return { message: `unknown vocab list "%${m[1]}%"`, hint: `define it under "vocab" in this pack or an earlier one (known: ${[...vocab.keys()].join(', ') || 'none'})` };
    }
  }
  // Checked before expanding: a few references to a long list must not cost a huge string.
  const length = expandedLength(pattern, vocab);
  if (length > MAX_EXPANDED_PATTERN_CHARS) {
    return { message: `pattern expands to ${length.toLocaleString('en')} characters with its vocab lists; the limit is ${MAX_EXPANDED_PATTERN_CHARS.toLocaleString('en')}`, hint: 'use fewer %vocab% references per pattern, or shorter lists' };
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
  }
  for (const regex of regexTerms(tokens)) {
    const problem = regexes.check(regex.source);
    if (problem) return problem;
  }
  if (wildcards > MAX_WILDCARDS) {
    return { message: `pattern has ${wildcards} unbounded wildcards (.* or .+); matching it is slow on a long draft`, hint: `use at most ${MAX_WILDCARDS}, or bound them: .{0,3} / [.+] between fixed words` };
  }
  const tokensOnly = tokens.every((t) => t.optional === true || t.negative === true);
  if (tokensOnly) return { message: 'every term is optional or negated, so the pattern matches empty text', hint: 'make at least one term required' };
  return null;
}

/** Every regex in parsed tokens, at any depth: terms, and terms inside (a|b) alternatives. */
function regexTerms(node: unknown, out: RegExp[] = []): RegExp[] {
  if (node instanceof RegExp) out.push(node);
  else if (Array.isArray(node)) for (const n of node) regexTerms(n, out);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) regexTerms(v, out);
  return out;
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
