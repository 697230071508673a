/**
 * Issue 14, L1 and L2: what the worker writes, its own reader reads back (a pack never silently
 * vanishes), and one oversized policy field does not drop the rest of the policy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_PACKS, MAX_POLICY_PACKS, planImport, planUpdateFailed, readPacks, readPolicy, type PacksState, type Plan,
} from '../../../src/shared/packs-store.ts';
import { packText, teamPack, teamRule } from '../../e2e/helpers/packs.ts';

const URL_KEY = 'https://packs.example.com/team.json';
const applied = (p: Plan): PacksState => {
  if (!p.ok) throw new Error(`refused: ${p.message}`);
  return p.state;
};
/** Storage round trip: what readPacks makes of a written state. */
const roundTrip = (s: PacksState) => readPacks(JSON.parse(JSON.stringify(s)) as unknown);

describe('the worker writes only records its reader accepts (L1)', () => {
  it('a server ETag or Last-Modified past the stored caps does not make the pack vanish', () => {
    const state = applied(planImport(EMPTY_PACKS, packText(teamPack()), { kind: 'url', url: URL_KEY, etag: `"${'e'.repeat(600)}"`, lastModified: 'x'.repeat(300), fetchedAt: 1 }));
    const back = roundTrip(state);
    expect(back.problem).toBeNull();
    expect(back.state.packs.map((p) => p.key)).toEqual([URL_KEY]);
  });

  it('an update failure with long problem texts is kept, clipped', () => {
    const state = applied(planImport(EMPTY_PACKS, packText(teamPack()), { kind: 'url', url: URL_KEY, fetchedAt: 1 }));
    const long = 'p'.repeat(5_000);
    const failed = planUpdateFailed(state, URL_KEY, long, [{ path: long, message: long, hint: long }], 2);
    const back = roundTrip(failed);
    expect(back.problem).toBeNull();
    expect(back.state.packs).toHaveLength(1);
    expect(back.state.packs[0]!.error?.message.length).toBeLessThanOrEqual(2_000);
  });
});

describe('policy is read field by field (L2)', () => {
  it('one oversized field does not drop the lock or the other fields', () => {
    const urls = Array.from({ length: MAX_POLICY_PACKS + 5 }, (_, i) => `https://packs.example.com/p${i}.json`);
    const p = readPolicy({ packUrls: urls, disabledRules: ['avoid-calm-down'], lock: true });
    expect(p.lock).toBe(true);
    expect(p.disabledRules).toEqual(['avoid-calm-down']);
    expect(p.packUrls).toHaveLength(MAX_POLICY_PACKS);
    expect(p.problems.join(' ')).toMatch(/packUrls/);
  });

  it('a wrong type in one field drops that field only', () => {
    const p = readPolicy({ packUrls: 'https://x.example.com/p.json', lock: true, disabledRules: ['a-rule'] });
    expect(p).toMatchObject({ lock: true, disabledRules: ['a-rule'], packUrls: [] });
    expect(p.problems.join(' ')).toMatch(/packUrls/);
  });

  it('the managed schema caps arrays and asks for https addresses', () => {
    const schema = JSON.parse(readFileSync('static/managed_schema.json', 'utf8')) as { properties: Record<string, { maxItems?: number; items?: { pattern?: string } }> };
    expect(schema.properties.packUrls!.maxItems).toBe(MAX_POLICY_PACKS);
    expect(schema.properties.packs!.maxItems).toBe(MAX_POLICY_PACKS);
    expect(schema.properties.disabledRules!.maxItems).toBeGreaterThan(0);
    expect(new RegExp(schema.properties.packUrls!.items!.pattern!).test('http://x.example.com/p.json')).toBe(false);
    expect(new RegExp(schema.properties.packUrls!.items!.pattern!).test('https://x.example.com/p.json')).toBe(true);
  });
});

describe('a URL pack update says what changed (L5)', () => {
  it('records the versions, the rules added, removed and changed, and the rules it newly turns off', () => {
    const v1 = teamPack({ id: 'team-url', version: '1.0.0' }, [teamRule('team-a', 'alpha'), teamRule('team-b', 'bravo')]);
    const v2 = teamPack({ id: 'team-url', version: '1.1.0', disable: ['cue-threat-legal'] }, [
      { ...teamRule('team-a', 'alpha'), replacements: ['See https://evil.tld/x'] }, teamRule('team-c', 'charlie'),
    ]);
    const first = applied(planImport(EMPTY_PACKS, packText(v1), { kind: 'url', url: URL_KEY, fetchedAt: 1 }));
    expect(first.packs[0]!.update ?? null).toBeNull(); // a first import is not an update
    const next = applied(planImport(first, packText(v2), { kind: 'url', url: URL_KEY, fetchedAt: 2 }));
    const back = roundTrip(next);
    expect(back.problem).toBeNull();
    expect(back.state.packs[0]!.update).toEqual({
      at: 2, from: '1.0.0', to: '1.1.0', added: ['team-c'], removed: ['team-b'], changed: ['team-a'], disabled: ['cue-threat-legal'],
    });
  });

  it('an update that changes nothing in the rules records no change list', () => {
    const v1 = packText(teamPack({ id: 'team-url' }));
    const first = applied(planImport(EMPTY_PACKS, v1, { kind: 'url', url: URL_KEY, fetchedAt: 1 }));
    const same = applied(planImport(first, v1, { kind: 'url', url: URL_KEY, fetchedAt: 2 }));
    expect(same.packs[0]!.update ?? null).toBeNull();
  });
});
