/**
 * Turns untrusted pack data into a `Pack`, or into a list of problems, each with the JSON path
 * of the offending value and a hint. Nothing is half-loaded: a pack is accepted whole or refused.
 */
import * as z from 'zod';
import { FORMAT_VERSION, MAX_EXPANDED_PACK_CHARS, MAX_EXPANDED_PATTERN_CHARS, MAX_PACK_BYTES, Pack, Rule } from './schema.ts';

/** The rule kinds, read from the schema so the message never drifts from it. */
const RULE_KINDS: string[] = Rule.options.map((o) => o.shape.kind.value);
import { checkPattern, createRegexChecker, expandedLength } from './patterns.ts';

export interface Problem {
  /** JSON path such as `rules[3].patterns[0]`, or `` for the whole pack. */
  path: string;
  message: string;
  hint?: string;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; problems: Problem[] };

export interface ParseOptions {
  /** Vocab lists of the packs layered before this one, which its patterns may use. */
  vocab?: ReadonlyMap<string, readonly string[]>;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function parsePackText(text: string, options: ParseOptions = {}): PackResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_BYTES) {
    return fail('', `pack is ${bytes.toLocaleString('en')} bytes; the limit is ${MAX_PACK_BYTES.toLocaleString('en')}`, 'split it into several packs');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail('', `not valid JSON: ${(e as Error).message}`, 'check for a trailing comma or an unquoted key');
  }
  return parsePack(data, options);
}

export function parsePack(data: unknown, options: ParseOptions = {}): PackResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('', 'a pack must be a JSON object', 'start from `cooldown pack new NAME`');
  }
  const format = (data as { format?: unknown }).format;
  if (typeof format === 'number' && format > FORMAT_VERSION) {
    return fail('format', `this pack is written for format ${format}, but this Cooldown reads format ${FORMAT_VERSION}: update Cooldown`);
  }
  const parsed = Pack.safeParse(data);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(issueToProblem) };
  const problems = semanticProblems(parsed.data, options.vocab ?? new Map());
  return problems.length ? { ok: false, problems } : { ok: true, pack: parsed.data };
}

function issueToProblem(issue: z.core.$ZodIssue): Problem {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return { path, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`, hint: 'check the spelling against rules/pack.schema.json' };
  }
  if (issue.code === 'invalid_union' && path.match(/^rules\[\d+\]$/)) {
    return { path: `${path}.kind`, message: `kind must be one of ${RULE_KINDS.map((k) => `"${k}"`).join(', ')}` };
  }
  return { path, message: issue.message };
}

/** Checks zod cannot express: unique ids, parsable patterns, and rules that test themselves. */
function semanticProblems(pack: Pack, earlier: ReadonlyMap<string, readonly string[]>): Problem[] {
  const problems: Problem[] = [];
  const vocab = new Map([...earlier, ...Object.entries(pack.vocab ?? {})]);
  const seen = new Map<string, number>();
  // One time budget for all of this pack's regexes, so many of them cannot add up.
  const regexes = createRegexChecker();
  // What the patterns become once their %vocab% references are expanded: checked by arithmetic,
  // before any pattern is expanded or parsed, so an expansion bomb is refused at once.
  const sizeProblems = expansionProblems(pack, vocab);
  if (sizeProblems.length) return sizeProblems;
  pack.rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    const first = seen.get(rule.id);
    if (first !== undefined) problems.push({ path: `${at}.id`, message: `duplicate rule id "${rule.id}" (also rules[${first}])`, hint: 'ids are unique within a pack; to change a rule of an earlier pack, reuse its id in a later pack' });
    else seen.set(rule.id, i);
    if (!rule.phrases?.length && !rule.patterns?.length) {
      problems.push({ path: at, message: 'rule has neither "phrases" nor "patterns", so it can never match' });
    }
    for (const field of ['patterns', 'unless'] as const) {
      rule[field]?.forEach((p, j) => {
        const problem = checkPattern(p, vocab, regexes);
        if (problem) problems.push({ path: `${at}.${field}[${j}]`, ...problem });
      });
    }
    if (rule.examples.match.length === 0) {
      problems.push({ path: `${at}.examples.match`, message: 'rule has no "match" example', hint: 'add at least one sentence the rule must find; examples are the rule\'s own tests' });
    }
  });
  const steps = new Set<string>();
  pack.playbook?.forEach((s, i) => {
    if (steps.has(s.id)) problems.push({ path: `playbook[${i}].id`, message: `step "${s.id}" is defined twice` });
    steps.add(s.id);
  });
  const types = new Set<string>();
  pack.customerTypes?.forEach((t, i) => {
    if (types.has(t.id)) problems.push({ path: `customerTypes[${i}].id`, message: `customer type "${t.id}" is defined twice` });
    types.add(t.id);
  });
  return problems;
}

function expansionProblems(pack: Pack, vocab: ReadonlyMap<string, readonly string[]>): Problem[] {
  const problems: Problem[] = [];
  let total = 0;
  pack.rules.forEach((rule, i) => {
    for (const field of ['patterns', 'unless'] as const) {
      rule[field]?.forEach((p, j) => {
        const length = expandedLength(p, vocab);
        total += length;
        if (length > MAX_EXPANDED_PATTERN_CHARS) {
          problems.push({ path: `rules[${i}].${field}[${j}]`, message: `pattern expands to ${length.toLocaleString('en')} characters with its vocab lists; the limit is ${MAX_EXPANDED_PATTERN_CHARS.toLocaleString('en')}`, hint: 'use fewer %vocab% references per pattern, or shorter lists' });
        }
      });
    }
  });
  if (total > MAX_EXPANDED_PACK_CHARS) {
    problems.push({ path: 'rules', message: `the patterns expand to ${total.toLocaleString('en')} characters in all with their vocab lists; the limit is ${MAX_EXPANDED_PACK_CHARS.toLocaleString('en')}`, hint: 'use fewer %vocab% references, shorter lists, or split the pack' });
  }
  return problems;
}

function fail(path: string, message: string, hint?: string): PackResult {
  return { ok: false, problems: [hint ? { path, message, hint } : { path, message }] };
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path || '(pack)'}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`).join('\n');
}
