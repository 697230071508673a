import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.ts';
import { coreVocab, parsePack } from '../../../src/engine/index.ts';
import { lintPack } from '../../../src/engine/pack/lint.ts';


const avoid = (id: string, phrases: string[], match: string[], noMatch: string[] = ['Hello there.']) =>
  ({ id, kind: 'avoid', phrases, message: 'm', examples: { match, noMatch } });
const pack = (rules: unknown[], over: Record<string, unknown> = {}) => ({ format: 1, id: 'p', name: 'P', version: '1.0.0', rules, ...over });

describe('cooldown pack new', () => {
  it('scaffolds a pack with one rule of each kind that passes pack check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cooldown-new-'));
    const made = await run('pack', 'new', 'night-shift', '--dir', dir);
    expect(made.code).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'night-shift.json'), 'utf8'));
    expect(written.rules.map((r: { kind: string }) => r.kind).sort()).toEqual(['avoid', 'cue', 'signal', 'step']);
    expect(JSON.parse(readFileSync(join(dir, 'pack.schema.json'), 'utf8')).title).toMatch(/Cooldown rule pack/);
    expect((await run('pack', 'check', join(dir, 'night-shift.json'))).code).toBe(0);
    expect((await run('pack', 'new', 'night-shift', '--dir', dir)).code).toBe(2); // never overwrites
    expect((await run('pack', 'new', 'Night Shift')).code).toBe(2);
  });
});

describe('cooldown pack test', () => {
  it('shows where each rule of the pack fires over a folder of transcripts', async () => {
    const r = await run('pack', 'test', 'rules/delivery-delays.json', '--transcripts', 'tests/fixtures/transcripts', '--json');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').map((l) => JSON.parse(l));
    const gift = lines.find((l) => l.file?.endsWith('late-gift.txt'));
    expect(gift.hits).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'delivery-cue-special-occasion', where: '#1 customer', text: 'birthday present' }),
      expect.objectContaining({ rule: 'delivery-avoid-blame-courier', where: '#2 agent' }),
    ]));
    const summary = lines.at(-1).summary;
    expect(summary['delivery-signal-lost-parcel']).toBeGreaterThan(0);
    expect(Object.keys(summary)).toHaveLength(4);
  });

  it('needs a transcripts folder', async () => {
    expect((await run('pack', 'test', 'rules/delivery-delays.json')).code).toBe(2);
    expect((await run('pack', 'test', 'rules/delivery-delays.json', '--transcripts', 'no/such/dir')).code).toBe(2);
  });
});

describe('pack lint', () => {
  const lint = (p: unknown) => {
    const parsed = parsePack(p, { vocab: coreVocab() });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return lintPack(parsed.pack, coreVocab());
  };

  it('reports rules that duplicate one another', () => {
    const f = lint(pack([avoid('a', ['asap'], ['do it asap']), avoid('b', ['as soon as possible'], ['as soon as possible please'])]));
    expect(f).toEqual([]);
    const dup = lint(pack([avoid('a', ['right away'], ['I will do it right away']), avoid('b', ['do it right'], ['do it right away'])]));
    expect(dup.find((x) => x.level === 'error')?.message).toMatch(/duplicate one another/);
  });

  it('warns when a rule is shadowed by a broader one', () => {
    const f = lint(pack([avoid('narrow', ['policy states'], ['our policy states this']), avoid('broad', ['policy'], ['policy', 'the policy is clear'])]));
    expect(f).toEqual([expect.objectContaining({ level: 'warning', path: 'rules[0]' })]);
    expect(f[0]!.message).toMatch(/also fires "broad"/);
  });

  it('reports a phrase written twice', () => {
    const f = lint(pack([avoid('a', ['per se'], ['per se']), avoid('b', ['Per se', 'ergo'], ['ergo'])]));
    expect(f.find((x) => x.path === 'rules[1].phrases[0]')?.level).toBe('error');
  });

  it('reports ids that collide with an earlier pack, through pack check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cooldown-lint-'));
    const file = join(dir, 'team.json');
    writeFileSync(file, JSON.stringify(pack([avoid('avoid-calm-down', ['simmer down'], ['simmer down'])])));
    const r = await run('pack', 'check', 'rules/core.json', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/warning rules\[0\]\.id: rule "avoid-calm-down" replaces the rule of the same id in rules\/core\.json/);
  });
});

it('rules/pack.schema.json is generated from the zod definition and up to date', () => {
  expect(() => execFileSync(process.execPath, ['scripts/pack-schema.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  const schema = JSON.parse(readFileSync('rules/pack.schema.json', 'utf8'));
  expect(schema.properties.rules.items.oneOf).toHaveLength(5); // avoid, step, cue, signal, tone
  expect(schema.properties.version.description).toMatch(/Semantic version/);
});
