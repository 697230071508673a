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
  const phraseRules: PhraseRule[] = [];
  const patternEntries: Array<{ match: string; id: string }> = [];
  const unlessEntries: Array<{ match: string; id: string }> = [];
  for (const rule of rules) {
    if (rule.phrases?.length) phraseRules.push({ id: rule.id, regex: phraseRegex(rule.phrases) });
    for (const p of rule.patterns ?? []) patternEntries.push({ match: longestFirst(p), id: rule.id });
    for (const p of rule.unless ?? []) unlessEntries.push({ match: longestFirst(p), id: rule.id });
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

/**
 * compromise tries a group's alternatives in order and does not backtrack into the group, so in
 * "(we|we are) done" the "we" wins and "we are done" never matches; a contraction is two terms,
 * so "(don't|do not) tell" fails the same way. Longer alternatives (in words) go first, which is
 * what a pack author means. Doubled groups are undone on the way.
 */
export function longestFirst(pattern: string): string {
  // "(%vocab%)" expands to "((a|b c))", and compromise cannot match a phrase in a doubled group.
  const single = pattern.replace(/\(\(([^()]*)\)\)/g, '($1)');
  return single.replace(/\(([^()/]*\|[^()/]*)\)/g, (_, body: string) => {
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

/** Stable order: by position, then by rule order, longest first; exact duplicates removed. */
function sortMatches(found: RawMatch[], order: ReadonlyMap<string, number>): RawMatch[] {
  found.sort((a, b) => a.start - b.start || (order.get(a.ruleId)! - order.get(b.ruleId)!) || b.end - a.end);
  return found.filter((m, i) => {
    const prev = found[i - 1];
    return !prev || prev.ruleId !== m.ruleId || prev.start !== m.start || prev.end !== m.end;
  });
}
