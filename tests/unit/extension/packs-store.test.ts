import { describe, expect, it } from 'vitest';
import {
  EMPTY_PACKS, MAX_DISABLED_RULES, MAX_USER_PACKS, PACKS_VERSION, layerPacks, packOrigins, planImport, planMove, planNotModified,
  planPolicySync, planRemove, planRuleDisabled, planSetEnabled, planUpdateFailed, readPacks, readPolicy, type PacksState, type Plan,
} from '../../../src/shared/packs-store.ts';
import { createEngine } from '../../../src/engine/index.ts';
import { MALFORMED, packText, teamPack, teamRule } from '../../e2e/helpers/packs.ts';

const TEAM = packText(teamPack());
const applied = (p: Plan): PacksState => {
  if (!p.ok) throw new Error(`refused: ${p.message} ${JSON.stringify(p.problems)}`);
  return p.state;
};
const draftFlags = (state: PacksState, draft: string, policy = readPolicy(undefined)): string[] => {
  const l = layerPacks(state, policy);
  return createEngine(l.packs, { disabledRules: l.disabledRules }).analyze({ messages: [{ role: 'customer', text: 'Where is my order?' }], draft }).flags.map((f) => f.ruleId);
};

describe('packs store: reading', () => {
  it('reads nothing as no packs, and refuses to guess at a newer version', () => {
    expect(readPacks(undefined)).toEqual({ state: EMPTY_PACKS, problem: null });
    expect(readPacks({ version: PACKS_VERSION + 1, packs: [] })).toEqual({ state: EMPTY_PACKS, problem: 'newer' });
  });

  it('keeps the valid entries of a partly broken record', () => {
    const good = applied(planImport(EMPTY_PACKS, TEAM, { kind: 'file', name: 't.json' }));
    const r = readPacks({ version: PACKS_VERSION, packs: [...good.packs, { key: 7 }], disabledRules: 'nope' });
    expect(r.problem).toBe('invalid');
    expect(r.state.packs.map((p) => p.key)).toEqual(['file:team-voice']);
    expect(r.state.disabledRules).toEqual([]);
  });
});

describe('packs store: import', () => {
  it('imports a valid pack and the engine flags its phrase', () => {
    const s = applied(planImport(EMPTY_PACKS, TEAM, { kind: 'file', name: 'team.json' }));
    expect(s.packs).toHaveLength(1);
    expect(draftFlags(EMPTY_PACKS, 'Unfortunately we are out.')).not.toContain('team-avoid-unfortunately');
    expect(draftFlags(s, 'Unfortunately we are out.')).toContain('team-avoid-unfortunately');
  });

  it.each(MALFORMED)('refuses $name with a path-precise problem, changing nothing', ({ text, path, message }) => {
    const p = planImport(EMPTY_PACKS, text, { kind: 'file' });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    const hit = p.problems.find((x) => x.path === path);
    expect(hit, JSON.stringify(p.problems)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('re-importing the same pack id replaces it in place, keeping its switch', () => {
    let s = applied(planImport(EMPTY_PACKS, TEAM, { kind: 'file' }));
    s = applied(planSetEnabled(s, 'file:team-voice', false));
    s = applied(planImport(s, packText(teamPack({ version: '1.1.0' })), { kind: 'file' }));
    expect(s.packs).toHaveLength(1);
    expect(s.packs[0]!.enabled).toBe(false);
    expect(s.packs[0]!.text).toContain('1.1.0');
  });

  it('refuses the same pack id from another source, and more than MAX_USER_PACKS packs', () => {
    const s = applied(planImport(EMPTY_PACKS, TEAM, { kind: 'file' }));
    expect(planImport(s, TEAM, { kind: 'url', url: 'https://packs.example.com/t.json' }).ok).toBe(false);
    let many = EMPTY_PACKS;
    for (let i = 0; i < MAX_USER_PACKS; i++) many = applied(planImport(many, packText(teamPack({ id: `p${i}` }, [teamRule(`r${i}`)])), { kind: 'file' }));
    expect(many.packs).toHaveLength(MAX_USER_PACKS);
    expect(planImport(many, packText(teamPack({ id: 'one-more' }, [teamRule('r-more')])), { kind: 'file' }).ok).toBe(false);
  });

  it('refuses a plain http URL source', () => {
    expect(planImport(EMPTY_PACKS, TEAM, { kind: 'url', url: 'http://packs.example.com/t.json' })).toMatchObject({ ok: false, message: expect.stringMatching(/https/) });
  });
});

describe('packs store: switches, order, rules', () => {
  const a = packText(teamPack({ id: 'a' }, [teamRule('same-rule', 'unfortunately')]));
  const b = packText(teamPack({ id: 'b' }, [{ ...teamRule('same-rule', 'regrettably') }]));

  it('later packs win; moving a pack changes which override is in force', () => {
    let s = applied(planImport(EMPTY_PACKS, a, { kind: 'file' }));
    s = applied(planImport(s, b, { kind: 'file' }));
    expect(draftFlags(s, 'Regrettably not.')).toContain('same-rule');
    expect(draftFlags(s, 'Unfortunately not.')).not.toContain('same-rule');
    s = applied(planMove(s, 'file:b', -1));
    expect(s.packs.map((p) => p.key)).toEqual(['file:b', 'file:a']);
    expect(draftFlags(s, 'Unfortunately not.')).toContain('same-rule');
  });

  it('a disabled pack and a disabled rule stop flagging; core rules can be turned off too', () => {
    let s = applied(planImport(EMPTY_PACKS, TEAM, { kind: 'file' }));
    expect(draftFlags(applied(planSetEnabled(s, 'file:team-voice', false)), 'Unfortunately no.')).not.toContain('team-avoid-unfortunately');
    s = applied(planRuleDisabled(s, 'avoid-calm-down', true));
    expect(draftFlags(s, 'Please calm down.')).not.toContain('avoid-calm-down');
    expect(draftFlags(applied(planRuleDisabled(s, 'avoid-calm-down', false)), 'Please calm down.')).toContain('avoid-calm-down');
  });

  it('caps disabled rules at MAX_DISABLED_RULES', () => {
    const s: PacksState = { ...EMPTY_PACKS, disabledRules: Array.from({ length: MAX_DISABLED_RULES }, (_, i) => `r${i}`) };
    expect(planRuleDisabled(s, 'r1', true).ok).toBe(true);
    expect(planRuleDisabled(s, 'one-more', true).ok).toBe(false);
  });

  it('a failed update keeps the old text in force and records why; 304 clears it', () => {
    const url = 'https://packs.example.com/t.json';
    let s = applied(planImport(EMPTY_PACKS, TEAM, { kind: 'url', url, etag: '"v1"' }));
    s = planUpdateFailed(s, url, 'The server answered 404.', [], 1);
    expect(s.packs[0]!.error?.message).toMatch(/404/);
    expect(draftFlags(s, 'Unfortunately no.')).toContain('team-avoid-unfortunately');
    s = planNotModified(s, url, 2);
    expect(s.packs[0]!.error).toBeNull();
    expect(s.packs[0]!.source).toMatchObject({ etag: '"v1"', fetchedAt: 2 });
    expect(packOrigins(s)).toEqual(['https://packs.example.com/*']);
  });

  it('an invalid stored pack is skipped; the packs around it still apply', () => {
    let s = applied(planImport(EMPTY_PACKS, TEAM, { kind: 'file' }));
    s = { ...s, packs: [{ key: 'file:broken', source: { kind: 'file' }, enabled: true, text: '{', error: null }, ...s.packs] };
    const l = layerPacks(s);
    expect(l.entries.map((e) => e.status)).toEqual(['invalid', 'active']);
    expect(draftFlags(s, 'Unfortunately no.')).toContain('team-avoid-unfortunately');
  });
});

describe('packs store: enterprise policy (storage.managed, mocked)', () => {
  const inline = packText(teamPack({ id: 'policy-pack', name: 'Policy pack' }, [teamRule('policy-avoid-regrettably', 'regrettably')]));

  it('parses policy entry by entry, ignoring non-https URLs with a reason', () => {
    const p = readPolicy({ packUrls: ['https://packs.example.com/a.json', 'http://insecure.example.com/b.json'], packs: [inline], disabledRules: ['avoid-calm-down', 5], lock: true });
    expect(p.packUrls).toEqual(['https://packs.example.com/a.json']);
    expect(p.problems).toEqual(['packUrls[1]: not an https:// address']);
    expect(p.disabledRules).toEqual(['avoid-calm-down']);
    expect(readPolicy({ lock: 'yes' }).problems).toHaveLength(1);
  });

  it('mirrors policy packs as managed entries, layered last, not removable', () => {
    const policy = readPolicy({ packUrls: ['https://packs.example.com/a.json'], packs: [inline] });
    let s = applied(planImport(EMPTY_PACKS, TEAM, { kind: 'file' }));
    s = planPolicySync(s, policy);
    expect(s.packs.map((p) => [p.key, p.source.kind, p.text === null])).toEqual([
      ['file:team-voice', 'file', false], ['https://packs.example.com/a.json', 'policy', true], ['policy:policy-pack', 'policy', false],
    ]);
    const l = layerPacks(s, policy);
    expect(l.entries.map((e) => [e.status, e.managed])).toEqual([['active', false], ['pending', true], ['active', true]]);
    expect(planRemove(s, 'policy:policy-pack').ok).toBe(false);
    expect(planMove(s, 'policy:policy-pack', -1).ok).toBe(false);
    expect(draftFlags(s, 'Regrettably no.', policy)).toContain('policy-avoid-regrettably');
    // Policy no longer names them: gone.
    expect(planPolicySync(s, readPolicy({})).packs.map((p) => p.key)).toEqual(['file:team-voice']);
  });

  it('policy disabled rules apply; with lock, agents cannot disable team packs or their rules', () => {
    const open = readPolicy({ packs: [inline], disabledRules: ['avoid-calm-down'] });
    const locked = readPolicy({ packs: [inline], disabledRules: ['avoid-calm-down'], lock: true });
    let s = planPolicySync(EMPTY_PACKS, open);
    expect(draftFlags(s, 'Please calm down.', open)).not.toContain('avoid-calm-down');
    s = applied(planRuleDisabled(s, 'policy-avoid-regrettably', true));
    expect(draftFlags(s, 'Regrettably no.', open)).not.toContain('policy-avoid-regrettably');
    expect(draftFlags(s, 'Regrettably no.', locked)).toContain('policy-avoid-regrettably');
    expect(planSetEnabled(s, 'policy:policy-pack', false, locked).ok).toBe(false);
    const off = applied(planSetEnabled(s, 'policy:policy-pack', false, open));
    expect(layerPacks(off, open).entries[0]!.status).toBe('disabled');
    expect(layerPacks(off, locked).entries[0]!.status).toBe('active');
  });
});
