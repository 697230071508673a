/**
 * Issue 14, M2 and M3: packs written to make matching or validation slow. Each shape here was
 * accepted before the fix (M2: a hand-written nested-quantifier test missed `(a|a)+` and regexes
 * hidden in alternatives or vocab words; M3: vocab expansion multiplied the size caps).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreVocab, parsePack, parsePackText } from '../../../src/engine/index.ts';
import { MAX_EXPANDED_PACK_CHARS, MAX_EXPANDED_PATTERN_CHARS } from '../../../src/engine/pack/schema.ts';
import { run } from '../cli/run.ts';

const rule = (over: Record<string, unknown> = {}) => ({
  id: 'r0',
  kind: 'signal',
  weight: 1,
  message: 'x',
  examples: { match: ['aaa'] },
  ...over,
});
const pack = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  format: 1, id: 'hostile', name: 'Hostile', version: '1.0.0', rules: [rule({ patterns: ['aaa'] })], ...over,
});

function refused(data: unknown) {
  const r = parsePack(data, { vocab: coreVocab() });
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

/** M3's shape: 30 rules of 75 `%w%` references over a 500-word list (a 43 KB pack). */
function expansionBomb(): Record<string, unknown> {
  const words = Array.from({ length: 500 }, (_, i) => `word${i}`);
  const pattern = Array.from({ length: 75 }, () => '%w%').join(' ');
  const rules = Array.from({ length: 30 }, (_, i) => rule({ id: `r${i}`, patterns: [pattern.slice(0, 299)] }));
  return pack({ vocab: { w: words }, rules });
}

describe('slow regular expressions (M2) are refused wherever they stand', () => {
  it('refuses /^(a|a)+$/, which a nested-quantifier shape test misses', () => {
    const ps = refused(pack({ rules: [rule({ patterns: ['/^(a|a)+$/'] })] }));
    expect(ps[0]).toMatchObject({ path: 'rules[0].patterns[0]' });
    expect(ps[0]!.message).toMatch(/\/\^\(a\|a\)\+\$\/.*(slow|backtrack)/);
  });

  it('refuses a slow regex inside an alternative and in an unless pattern', () => {
    expect(refused(pack({ rules: [rule({ patterns: ['(help|/(a+)+$/)'] })] }))[0]).toMatchObject({ path: 'rules[0].patterns[0]' });
    expect(refused(pack({ rules: [rule({ patterns: ['aaa'], unless: ['/(a|aa)+$/ b'] })] }))[0]).toMatchObject({ path: 'rules[0].unless[0]' });
  });

  it('refuses a vocab word that is not a plain word, so %w% cannot smuggle in a regex', () => {
    const ps = refused(pack({ vocab: { w: ['fine', '/(a+)+$/'] }, rules: [rule({ patterns: ['%w%'] })] }));
    expect(ps.map((p) => p.path)).toContain('vocab.w[1]');
    for (const word of ['#Noun', '(a|b)', '.*', 'a|b', '[x]']) {
      expect(refused(pack({ vocab: { w: [word] }, rules: [rule({ patterns: ['aaa'] })] }))[0]!.path).toBe('vocab.w[0]');
    }
  });

  it('still accepts safe regexes and plain multi-word vocab', () => {
    const r = parsePack(pack({
      vocab: { courier: ['courier', 'delivery company', "driver's", 'e-mail'] },
      rules: [rule({ patterns: ['/^re(fund|turn)s?$/ %courier%'], examples: { match: ['refunds courier'] } })],
    }), { vocab: coreVocab() });
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('refuses the M2 pack in under a second through `cooldown pack check`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cooldown-hostile-'));
    const regexes = join(dir, 'm2-regex.json');
    const vocab = join(dir, 'm2-vocab.json');
    writeFileSync(regexes, JSON.stringify(pack({
      rules: [rule({ patterns: ['/^(a|a)+$/'] }), rule({ id: 'r1', patterns: ['(x|/(a+)+$/)'] }), rule({ id: 'r2', patterns: ['aaa'], unless: ['/(.*a){12}/'] })],
    })));
    writeFileSync(vocab, JSON.stringify(pack({ id: 'hostile-vocab', vocab: { w: ['/(a+)+$/'] }, rules: [rule({ patterns: ['%w%'] })] })));
    const t0 = performance.now();
    const { code, out } = await run('pack', 'check', regexes, vocab);
    const ms = performance.now() - t0;
    expect(code).toBe(1);
    expect(out).toMatch(/rules\[0\]\.patterns\[0\]/);
    expect(out).toMatch(/rules\[1\]\.patterns\[0\]/);
    expect(out).toMatch(/rules\[2\]\.unless\[0\]/);
    expect(out).toMatch(/vocab\.w\[0\]/);
    expect(ms).toBeLessThan(1_000);
  });
});

describe('vocab expansion cannot multiply the size caps (M3)', () => {
  it('refuses a pattern whose expansion is over the cap, by path, without expanding it', () => {
    const ps = refused(expansionBomb());
    expect(ps[0]).toMatchObject({ path: 'rules[0].patterns[0]' });
    expect(ps[0]!.message).toMatch(new RegExp(`expands to [\\d,]+ characters.*${MAX_EXPANDED_PATTERN_CHARS.toLocaleString('en')}`));
  });

  it('refuses a pack whose patterns expand past the per-pack total, each under the per-pattern cap', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`); // about 500 characters expanded
    const perPattern = '%w% %w% %w%'; // about 1,500 characters, under the per-pattern cap
    const rules = Array.from({ length: 40 }, (_, i) => rule({ id: `r${i}`, patterns: Array.from({ length: 5 }, () => perPattern) }));
    const ps = refused(pack({ vocab: { w: words }, rules }));
    expect(ps.some((p) => p.path === 'rules' && /expand to [\d,]+ characters in all/.test(p.message))).toBe(true);
    expect(MAX_EXPANDED_PACK_CHARS).toBeLessThan(40 * 5 * 1_500);
  });

  it('refuses the M3 pack in under a second', () => {
    const text = JSON.stringify(expansionBomb());
    const t0 = performance.now();
    const r = parsePackText(text, { vocab: coreVocab() });
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(r.ok).toBe(false);
  });
});
