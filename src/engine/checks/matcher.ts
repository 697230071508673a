/**
 * Finds where rules match inside one segment of text. Literal phrases become one regular
 * expression per rule; compromise patterns of all rules of a scope become one net that a single
 * `sweep` runs, so the cost of a segment does not grow pattern by pattern.
 */
import nlp from 'compromise';
import type { Rule } from '../pack/schema.ts';
import { escapeRegExp, foldQuotes } from '../text/normalize.ts';

export interface RawMatch {
  ruleId: string;
  start: number;
  end: number;
}

type Net = ReturnType<typeof nlp.buildNet>;

export interface Matcher {
  readonly rules: readonly Rule[];
  match(text: string): RawMatch[];
}

interface PhraseRule {
  id: string;
  regex: RegExp;
}

export function compileMatcher(rules: readonly Rule[]): Matcher {
  // Spelled-out patterns share one budget, so a pack cannot multiply its size caps through them.
  let budget = SPELL_OUT_BUDGET_CHARS;
  const spellOut = (pattern: string): string[] => {
    const variants = expandPattern(pattern);
    const chars = variants.reduce((n, v) => n + v.length, 0);
    if (variants.length > 1 && chars > budget) return [longestFirst(pattern)];
    budget -= chars;
    return variants;
  };
  const phraseRules: PhraseRule[] = [];
  const patternEntries: Array<{ match: string; id: string }> = [];
  const unlessEntries: Array<{ match: string; id: string }> = [];
  for (const rule of rules) {
    if (rule.phrases?.length) phraseRules.push({ id: rule.id, regex: phraseRegex(rule.phrases) });
    for (const p of rule.patterns ?? []) for (const match of spellOut(p)) patternEntries.push({ match, id: rule.id });
    for (const p of rule.unless ?? []) for (const match of spellOut(p)) unlessEntries.push({ match, id: rule.id });
  }
  const net = patternEntries.length ? nlp.buildNet(patternEntries) : null;
  const unlessNet = unlessEntries.length ? nlp.buildNet(unlessEntries) : null;
  const order = new Map(rules.map((r, i) => [r.id, i]));

  return {
    rules,
    match(text: string): RawMatch[] {
      const folded = foldQuotes(text);
      const found: RawMatch[] = [];
      for (const pr of phraseRules) {
        pr.regex.lastIndex = 0;
        for (let m = pr.regex.exec(folded); m; m = pr.regex.exec(folded)) {
          found.push({ ruleId: pr.id, start: m.index, end: m.index + m[0].length });
          if (m[0].length === 0) pr.regex.lastIndex++;
        }
      }
      if (net || unlessNet) {
        const doc = nlp(folded);
        if (net) found.push(...sweep(doc, net));
        if (unlessNet && found.length) {
          const cancels = sweep(doc, unlessNet);
          return sortMatches(found.filter((f) => !cancels.some((c) => c.ruleId === f.ruleId && c.start < f.end && f.start < c.end)), order);
        }
      }
      return sortMatches(found, order);
    },
  };
}

interface NetShape {
  hooks: Record<string, unknown>;
  always: unknown[];
}
interface DocInternals {
  docs: unknown[];
  methods: { one: { cacheDoc(docs: unknown[]): Array<Set<string>> } };
}

/**
 * compromise's sweep walks every hook of the net for every sentence (01-getHooks.js), so its cost
 * grows with the pack, not the sentence. Handing it only the hooks this sentence can trigger
 * (its cached words and tags) gives the same matches at a cost that follows the sentence.
 */
function sweep(doc: ReturnType<typeof nlp>, net: Net): RawMatch[] {
  const out: RawMatch[] = [];
  const internals = doc as unknown as DocInternals;
  const full = net as unknown as NetShape;
  const hooks: Record<string, unknown> = {};
  for (const words of internals.methods.one.cacheDoc(internals.docs)) {
    for (const w of words) if (Object.hasOwn(full.hooks, w)) hooks[w] = full.hooks[w];
  }
  const { found } = doc.sweep({ ...full, hooks } as unknown as Net, { tagger: false }) as unknown as { found: Array<{ id: string; view: ReturnType<typeof nlp> }> };
  for (const f of found) {
    for (const sentence of f.view.json({ offset: true }) as Array<{ terms: Array<{ offset: { start: number; length: number } }> }>) {
      const span = termSpan(sentence.terms);
      if (span) out.push({ ruleId: f.id, ...span });
    }
  }
  return out;
}

/** Contractions expand into zero-length terms ("that's" → that + [is]); spans skip those. */
function termSpan(terms: Array<{ offset: { start: number; length: number } }>): { start: number; end: number } | null {
  let start = Infinity;
  let end = -1;
  for (const t of terms) {
    if (t.offset.length === 0) continue;
    start = Math.min(start, t.offset.start);
    end = Math.max(end, t.offset.start + t.offset.length);
  }
  return end > start ? { start, end } : null;
}

/** A pattern whose phrase groups would expand into more variants than this keeps them as groups. */
export const MAX_PATTERN_VARIANTS = 512;
/**
 * Characters of spelled-out patterns one matcher may build (core's draft and customer scopes
 * together spell out to about 280,000); past it, patterns keep their groups.
 */
export const SPELL_OUT_BUDGET_CHARS = 1_000_000;

/**
 * compromise matches a group of single words reliably, but a group holding a phrase or a
 * contraction fails in three places (see needsSpelling): "(i have|ever)" after a wildcard,
 * "(don't you|gotta)", and "(is gonna|will)" against "he's gonna". Such a group is spelled out:
 * the pattern becomes one pattern per choice, which compromise matches as plain sequences, and
 * the matches of one rule are merged afterwards (nested ones dropped). Single-word alternatives
 * stay together as one group. A pattern that would spell out into more than
 * `MAX_PATTERN_VARIANTS` keeps its groups, longest alternative first, which is the best
 * compromise can do with them.
 */
export function expandPattern(pattern: string): string[] {
  const single = undoubled(pattern);
  const parts: string[][] = [];
  let rest = single;
  let count = 1;
  const group = /(?<!!)\(([^()/]*\|[^()/]*|[^()/|]*\s[^()/|]*)\)(\?)?(?![+*{])/;
  for (let m = group.exec(rest); m; m = group.exec(rest)) {
    const alts = m[1]!.split('|').map((a) => a.trim());
    if (!needsSpelling(alts, /\.(\{[\d,]*\}|[*+?])?\s*$/.test(rest.slice(0, m.index)))) {
      parts.push([rest.slice(0, m.index + m[0].length)]);
    } else {
      parts.push([rest.slice(0, m.index)]);
      // Single words stay one group, which compromise matches well; each phrase is its own choice.
      const words = alts.filter((a) => !isPhrase(a));
      const choices = [...(words.length ? [words.length > 1 ? `(${words.join('|')})` : words[0]!] : []), ...alts.filter(isPhrase), ...(m[2] ? [''] : [])];
      parts.push(choices);
      count *= choices.length;
      if (count > MAX_PATTERN_VARIANTS) return [longestFirst(single)];
    }
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push([rest]);
  let variants = [''];
  for (const choices of parts) variants = variants.flatMap((v) => choices.map((c) => v + c));
  return [...new Set(variants.map((v) => longestFirst(v.replace(/\s+/g, ' ').trim())).filter((v) => v.length > 0))];
}

/**
 * The groups compromise gets wrong: a phrase right after a wildcard, a contraction inside the
 * group, or a phrase starting on a word a contraction hides ("is gonna" in "he's gonna"). Other
 * phrase groups ("(fed up|angry) with") match well and stay as they are, which keeps the net small.
 */
function needsSpelling(alts: readonly string[], afterWildcard: boolean): boolean {
  if (!alts.some(isPhrase)) return false;
  return afterWildcard || alts.some((a) => /'/.test(a) || (isPhrase(a) && HIDDEN_HALVES.has(a.split(/\s+/)[0]!.toLowerCase())));
}

/** Words a contraction can hide as its second half ("he's", "we'll", "they'd", "isn't", "let's"). */
const HIDDEN_HALVES = new Set(['is', 'are', 'am', 'will', 'would', 'shall', 'have', 'has', 'had', 'not', 'us']);

/** "(%vocab%)" expands to "((a|b c))": one group, not a group holding a group (compromise cannot match a phrase in one). */
function undoubled(pattern: string): string {
  return pattern.replace(/\(\(([^()]*)\)\)/g, '($1)');
}

/** More than one word, or a contraction (compromise reads "don't" as two terms). */
function isPhrase(alt: string): boolean {
  return /\s/.test(alt) || /\w'\w/.test(alt);
}

/**
 * compromise tries a group's alternatives in order and does not backtrack into the group, so in
 * "(we|we are) done" the "we" wins. Longer alternatives (in words) go first, which is what a pack
 * author means. Doubled groups are undone on the way.
 */
export function longestFirst(pattern: string): string {
  return undoubled(pattern).replace(/\(([^()/]*\|[^()/]*)\)/g, (_, body: string) => {
    const words = (alt: string) => alt.trim().split(/\s+/).length + (/'/.test(alt) ? 0.5 : 0);
    const alts = body.split('|').map((a, i) => ({ a, i, n: words(a) }));
    alts.sort((x, y) => y.n - x.n || x.i - y.i);
    return `(${alts.map((x) => x.a).join('|')})`;
  });
}

function phraseRegex(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases]
    .map((p) => foldQuotes(p.trim()))
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(/\s+/).map(escapeRegExp).join('\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_'])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_'])`, 'giu');
}

/**
 * Stable order: by position, then by rule order, longest first. A match inside another match of
 * the same rule is dropped: it is the same finding read twice (two spelled-out variants of one
 * pattern, or a pattern and a phrase).
 */
function sortMatches(found: RawMatch[], order: ReadonlyMap<string, number>): RawMatch[] {
  found.sort((a, b) => a.start - b.start || (order.get(a.ruleId)! - order.get(b.ruleId)!) || b.end - a.end);
  const reach = new Map<string, number>();
  return found.filter((m) => {
    const end = reach.get(m.ruleId) ?? -1;
    if (m.end <= end) return false;
    reach.set(m.ruleId, m.end);
    return true;
  });
}
