import { describe, expect, it } from 'vitest';
import { corePack, coreVocab, createEngine, parsePack, parsePackText } from '../../../src/engine/index.ts';
import { buildRuleSet } from '../../../src/engine/pack/ruleset.ts';
import { MAX_PACK_BYTES, MAX_PATTERN_CHARS, MAX_RULES } from '../../../src/engine/pack/schema.ts';

const rule = (over: Record<string, unknown> = {}) => ({
  id: 'no-unfortunately',
  kind: 'avoid',
  severity: 'info',
  phrases: ['unfortunately'],
  message: 'Lead with what you can do.',
  replacements: ['Here is what I can do:'],
  examples: { match: ['Unfortunately the item is gone.'], noMatch: ['The item is back in stock.'] },
  ...over,
});
const pack = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  format: 1, id: 'team', name: 'Team pack', version: '1.0.0', rules: [rule()], ...over,
});

function problems(data: unknown) {
  const r = parsePack(data);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

describe('pack validation', () => {
  it('accepts a well-formed pack and the core pack', () => {
    expect(parsePack(pack()).ok).toBe(true);
    expect(corePack().rules.length).toBeGreaterThan(20);
  });

  it('refuses bad JSON with a message', () => {
    const r = parsePackText('{"format": 1,,}');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.message).toMatch(/not valid JSON/);
  });

  it('refuses wrong types with the path', () => {
    const ps = problems(pack({ rules: [rule({ severity: 'fatal' })] }));
    expect(ps.map((p) => p.path)).toContain('rules[0].severity');
  });

  it('refuses unknown fields with their names', () => {
    const ps = problems(pack({ rules: [rule({ sevrity: 'info' })] }));
    expect(ps[0]!.path).toBe('rules[0]');
    expect(ps[0]!.message).toContain('"sevrity"');
  });

  it('refuses an unknown rule kind at the kind field, naming the kinds', () => {
    const ps = problems(pack({ rules: [rule({ kind: 'banish' })] }));
    expect(ps[0]!.path).toBe('rules[0].kind');
    expect(ps[0]!.message).toMatch(/avoid.*step.*cue.*signal.*tone/);
  });

  it('refuses a bad semantic version', () => {
    expect(problems(pack({ version: '1.0' }))[0]!.path).toBe('version');
  });

  it('refuses a pattern compromise cannot parse', () => {
    const ps = problems(pack({ rules: [rule({ phrases: undefined, patterns: ['(calm|settle down'] })] }));
    expect(ps[0]).toMatchObject({ path: 'rules[0].patterns[0]' });
    expect(ps[0]!.message).toMatch(/missing "\)"/);
    expect(problems(pack({ rules: [rule({ patterns: ['#Nuon please'] })] }))[0]!.message).toMatch(/unknown tag #Nuon/);
    expect(problems(pack({ rules: [rule({ patterns: ['calm down,'] })] }))[0]!.message).toMatch(/punctuation/);
  });

  it('refuses patterns that would make matching slow', () => {
    expect(problems(pack({ rules: [rule({ patterns: ['.* you .* are .* wrong'] })] }))[0]!.message).toMatch(/wildcards/);
    expect(problems(pack({ rules: [rule({ patterns: ['/(a+)+b/'] })] }))[0]!.message).toMatch(/backtrack without bound/);
  });

  it('refuses duplicate rule ids, naming both places', () => {
    const ps = problems(pack({ rules: [rule(), rule()] }));
    expect(ps[0]).toMatchObject({ path: 'rules[1].id' });
    expect(ps[0]!.message).toContain('rules[0]');
  });

  it('refuses a rule without a match example, and one that can never match', () => {
    expect(problems(pack({ rules: [rule({ examples: { match: [], noMatch: ['x'] } })] }))[0]!.path).toBe('rules[0].examples.match');
    expect(problems(pack({ rules: [rule({ phrases: undefined })] }))[0]!.message).toMatch(/neither/);
  });

  it('refuses a pack newer than this build with "update Cooldown", not a schema error', () => {
    const ps = problems(pack({ format: 99, rules: 'whatever' }));
    expect(ps).toHaveLength(1);
    expect(ps[0]!.message).toMatch(/update Cooldown/);
  });

  it('caps sizes at the named limits', () => {
    expect(parsePackText(' '.repeat(MAX_PACK_BYTES + 1)).ok).toBe(false);
    expect(problems(pack({ rules: [rule({ patterns: ['a '.repeat(MAX_PATTERN_CHARS)] })] }))[0]!.path).toBe('rules[0].patterns[0]');
    const many = Array.from({ length: MAX_RULES + 1 }, (_, i) => rule({ id: `r${i}` }));
    expect(problems(pack({ rules: many }))[0]!.path).toBe('rules');
  });

  it('lists every problem, not just the first', () => {
    expect(problems(pack({ version: 'x', rules: [rule({ severity: 'loud', kind: 'avoid', id: 'Bad Id' })] })).length).toBeGreaterThanOrEqual(3);
  });
});

describe('layering', () => {
  const team = (over: Record<string, unknown>) => {
    const r = parsePack(pack(over), { vocab: coreVocab() });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.pack;
  };

  it('a later pack adds rules', () => {
    const engine = createEngine([team({})]);
    expect(engine.analyze({ messages: [], draft: 'Unfortunately we are out.' }).flags.map((f) => f.ruleId)).toContain('no-unfortunately');
  });

  it('a later pack overrides a rule by id', () => {
    const override = team({
      rules: [rule({ id: 'avoid-calm-down', severity: 'info', phrases: ['calm down'], message: 'Team wording: {{match}}', examples: { match: ['calm down'], noMatch: [] } })],
    });
    const flag = createEngine([override]).analyze({ messages: [], draft: 'Please calm down.' }).flags[0]!;
    expect(flag).toMatchObject({ ruleId: 'avoid-calm-down', severity: 'info', message: 'Team wording: calm down' });
  });

  it('a later pack disables rules', () => {
    const engine = createEngine([team({ disable: ['avoid-calm-down'] })]);
    expect(engine.analyze({ messages: [], draft: 'Please calm down.' }).flags).toEqual([]);
  });

  it('user-disabled rules are off whatever the packs say', () => {
    const rules = buildRuleSet([corePack()], { disabledRules: ['avoid-policy-talk'] });
    expect(rules.rules.has('avoid-policy-talk')).toBe(false);
    expect(rules.rules.has('avoid-calm-down')).toBe(true);
  });

  it('a later pack overrides playbook texts by step id', () => {
    const p = team({ playbook: [{ id: 'apologize', title: 'Say sorry', why: 'Because.', suggestions: ['Sorry from the team, {{name}}.'] }] });
    const a = createEngine([p]).analyze({ customerName: 'Ana Ruiz', messages: [{ role: 'customer', text: 'Late again.' }], draft: '' });
    expect(a.next.find((n) => n.step === 'apologize')).toMatchObject({ title: 'Say sorry', text: 'Sorry from the team, Ana.' });
  });

  it('vocab lists of an earlier pack can be used by a later one', () => {
    const p = team({ rules: [rule({ id: 'feel', kind: 'avoid', phrases: undefined, patterns: ['so %feeling%'], examples: { match: ['so annoying'], noMatch: [] } })] });
    const engine = createEngine([p]);
    expect(engine.analyze({ messages: [], draft: 'It is so annoying.' }).flags.map((f) => f.ruleId)).toContain('feel');
  });
});

it('a pattern using a vocab list nobody defined is refused', () => {
  const r = parsePack(pack({ rules: [rule({ patterns: ['so %feelings%'] })] }), { vocab: coreVocab() });
  expect(!r.ok && r.problems[0]!.message).toMatch(/unknown vocab list "%feelings%"/);
});
