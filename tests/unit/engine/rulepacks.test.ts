// Every shipped pack is valid and every rule passes its own examples (ESLint's RuleTester, for packs).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coreVocab, parsePackText } from '../../../src/engine/index.ts';
import { lintPack } from '../../../src/engine/pack/lint.ts';
import { runExamples } from '../../../src/engine/pack/examples.ts';

const dir = new URL('../../../rules/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'pack.schema.json');

describe.each(files)('rules/%s', (file) => {
  // Packs are layered after core, so they may use core's vocab lists.
  const parsed = parsePackText(readFileSync(new URL(file, dir), 'utf8'), { vocab: coreVocab() });
  it('is a valid pack', () => expect(parsed.ok ? [] : parsed.problems).toEqual([]));
  if (!parsed.ok) return;
  it('has no rules that duplicate one another', () => {
    expect(lintPack(parsed.pack, coreVocab()).filter((f) => f.level === 'error')).toEqual([]);
  });
  for (const result of runExamples(parsed.pack, coreVocab())) {
    it(`${result.ruleId}: examples behave as declared`, () => {
      expect(result.problems).toEqual([]);
      expect(result.passed).toBeGreaterThan(0);
    });
  }
  it('every rule has at least one noMatch example (a rule that cannot be wrong is not tested)', () => {
    expect(parsed.pack.rules.filter((r) => r.examples.noMatch.length === 0).map((r) => r.id)).toEqual([]);
  });
});

it('core.json lists each playbook step once, in order', () => {
  const core = parsePackText(readFileSync(new URL('core.json', dir), 'utf8'));
  expect(core.ok && core.pack.playbook?.map((s) => s.id)).toEqual(['listen', 'validate', 'apologize', 'reiterate', 'own', 'options', 'follow-up', 'thank']);
});
