/**
 * Rule packs for the pack tests (unit and browser): a small valid team pack, and one malformed
 * pack of each kind with the JSON path its refusal must name.
 */
export interface TestRule {
  id: string;
  kind: 'avoid';
  severity: 'warning';
  message: string;
  phrases?: string[];
  patterns?: string[];
  replacements: string[];
  examples: { match: string[]; noMatch: string[] };
}

export const teamRule = (id = 'team-avoid-unfortunately', phrase = 'unfortunately'): TestRule => ({
  id, kind: 'avoid', severity: 'warning',
  message: 'Lead with what you can do rather than with bad news.',
  phrases: [phrase],
  replacements: ['Here is what I can do'],
  examples: { match: [`${phrase[0]!.toUpperCase()}${phrase.slice(1)}, that is out of stock.`], noMatch: ['Here is what I can do.'] },
});

export function teamPack(overrides: Record<string, unknown> = {}, rules: unknown[] = [teamRule()]): Record<string, unknown> {
  return { format: 1, id: 'team-voice', name: 'Team voice', version: '1.0.0', rules, ...overrides };
}

export const packText = (pack: unknown): string => JSON.stringify(pack, null, 2);

/** One malformed pack of each kind, with the path its first problem must carry. */
export const MALFORMED: { name: string; text: string; path: string; message: RegExp }[] = [
  { name: 'bad JSON', text: '{"format": 1, "id": "broken",', path: '', message: /not valid JSON/ },
  { name: 'wrong types', text: packText(teamPack({}, [{ ...teamRule(), severity: 5 }])), path: 'rules[0].severity', message: /./ },
  { name: 'unknown fields', text: packText(teamPack({}, [{ ...teamRule(), colour: 'red' }])), path: 'rules[0]', message: /unknown field "colour"/ },
  { name: 'bad semver', text: packText(teamPack({ version: '1.0' })), path: 'version', message: /semantic version/ },
  { name: 'unparsable pattern', text: packText(teamPack({}, [{ ...teamRule(), phrases: undefined, patterns: ['(refund|money'] }])), path: 'rules[0].patterns[0]', message: /./ },
  { name: 'slow pattern', text: packText(teamPack({}, [{ ...teamRule(), phrases: undefined, patterns: ['.* refund .* money .* back .* now'] }])), path: 'rules[0].patterns[0]', message: /slow|wildcard/i },
  { name: 'duplicate ids', text: packText(teamPack({}, [teamRule(), teamRule()])), path: 'rules[1].id', message: /duplicate rule id/ },
  // Issue 14, M2 and M3: refused quickly, wherever the slow shape hides.
  { name: 'a catastrophic regex', text: packText(teamPack({}, [{ ...teamRule(), phrases: undefined, patterns: ['/^(a|a)+$/'] }])), path: 'rules[0].patterns[0]', message: /backtrack/ },
  { name: 'a regex as a vocab word', text: packText(teamPack({ vocab: { w: ['/(a+)+$/'] } }, [{ ...teamRule(), phrases: undefined, patterns: ['%w%'] }])), path: 'vocab.w[0]', message: /plain words/ },
  {
    name: 'a vocab expansion bomb',
    text: packText(teamPack({ vocab: { w: Array.from({ length: 500 }, (_, i) => `word${i}`) } }, Array.from({ length: 30 }, (_, i) => ({
      ...teamRule(`team-bomb-${i}`), phrases: undefined, patterns: [Array.from({ length: 75 }, () => '%w%').join(' ').slice(0, 299)],
    })))),
    path: 'rules[0].patterns[0]',
    message: /expands to/,
  },
];
