/**
 * Issue 14, M1: host access granted to download a rule pack is not a request to coach on that
 * site. The worker's pack and site handlers run here against an in-memory WebExtension API:
 * granted origins, registered content scripts and storage.local.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const local = new Map<string, unknown>();
  const granted = new Set<string>();
  const scripts = new Map<string, { id: string; matches: string[] }>();
  const browser = {
    runtime: { id: 'cooldown-test', getURL: (p: string) => `chrome-extension://cooldown-test/${p}` },
    storage: {
      local: {
        get: async (key: string | null) => (key === null ? Object.fromEntries(local) : local.has(key) ? { [key]: structuredClone(local.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => { for (const [k, v] of Object.entries(items)) local.set(k, structuredClone(v)); },
        remove: async (key: string) => { local.delete(key); },
      },
      session: { get: async () => ({}), set: async () => undefined, remove: async () => undefined },
    },
    permissions: {
      getAll: async () => ({ origins: [...granted], permissions: [] }),
      remove: async ({ origins }: { origins: string[] }) => { for (const o of origins) granted.delete(o); return true; },
    },
    scripting: {
      registerContentScripts: async (list: Array<{ id: string; matches: string[] }>) => { for (const s of list) scripts.set(s.id, s); },
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => ids.filter((id) => scripts.has(id)).map((id) => scripts.get(id)!),
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => { for (const id of ids) scripts.delete(id); },
    },
    tabs: { sendMessage: async () => undefined },
  };
  return { browser, local, granted, scripts };
});
vi.mock('../../../src/shared/browser.ts', () => ({ default: fake.browser, isContextInvalidated: () => false }));

const { syncGenericSites, onSiteAdd, onSiteRemove } = await import('../../../src/background/handlers/generic-sites.ts');
const { onImportUrl, onRemovePack } = await import('../../../src/background/handlers/packs.ts');
const { route } = await import('../../../src/background/router.ts');

const HOST = 'https://packs.example.com';
const HOST_PATTERN = `${HOST}/*`;
const SITE_PATTERN = 'https://support.example.org/*';
const PACK = JSON.stringify({
  format: 1, id: 'team-url', name: 'Team URL pack', version: '1.0.0',
  rules: [{ id: 'team-avoid-regrettably', kind: 'avoid', phrases: ['regrettably'], message: 'x', examples: { match: ['regrettably'] } }],
});

const coached = (): string[] => [...fake.scripts.values()].flatMap((s) => s.matches);

function serve(status: number, body: string): void {
  vi.stubGlobal('fetch', async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }));
}

beforeEach(() => {
  fake.local.clear();
  fake.granted.clear();
  fake.scripts.clear();
  fake.local.set('coachedSites', []); // a profile past the migration: the agent coaches no other site
});

describe('pack hosts are never coached (M1)', () => {
  it('a permission granted for a pack download registers no content script, even before the pack is saved', async () => {
    fake.granted.add(HOST_PATTERN); // the options page's request was granted; permissions.onAdded fires now
    await syncGenericSites();
    expect(coached()).not.toContain(HOST_PATTERN);
  });

  it('a failed URL import gives the host permission back', async () => {
    fake.granted.add(HOST_PATTERN);
    serve(404, 'not here');
    const reply = await onImportUrl({ kind: 'options/import-url', url: `${HOST}/team.json` });
    expect(reply.ok).toBe(false);
    expect(fake.granted.has(HOST_PATTERN)).toBe(false);
    expect(coached()).not.toContain(HOST_PATTERN);
  });

  it('removing a URL pack gives its host permission back', async () => {
    fake.granted.add(HOST_PATTERN);
    serve(200, PACK);
    expect((await onImportUrl({ kind: 'options/import-url', url: `${HOST}/team.json` })).ok).toBe(true);
    expect(fake.granted.has(HOST_PATTERN)).toBe(true); // kept while the pack needs updates
    await syncGenericSites();
    expect(coached()).not.toContain(HOST_PATTERN);
    expect((await onRemovePack({ kind: 'options/remove-pack', key: `${HOST}/team.json` })).ok).toBe(true);
    expect(fake.granted.has(HOST_PATTERN)).toBe(false);
  });

  it('coaches a site only when the agent added it, and stops when removed', async () => {
    fake.granted.add(SITE_PATTERN);
    await syncGenericSites();
    expect(coached()).toEqual([]); // granted alone (for example by another path) is not a request to coach
    expect(await onSiteAdd({ kind: 'options/site-add', origin: SITE_PATTERN })).toEqual({ ok: true });
    expect(coached()).toContain(SITE_PATTERN);
    expect(await onSiteRemove({ kind: 'options/site-remove', origin: SITE_PATTERN })).toEqual({ ok: true });
    expect(coached()).toEqual([]);
    expect(fake.granted.has(SITE_PATTERN)).toBe(false);
  });

  it('migrates a profile from before: sites granted then stay coached', async () => {
    fake.local.delete('coachedSites');
    fake.granted.add(SITE_PATTERN);
    await syncGenericSites();
    expect(coached()).toContain(SITE_PATTERN);
    expect(fake.local.get('coachedSites')).toEqual([SITE_PATTERN]);
  });
});

describe('the worker checks which frame a content-script message comes from (I2)', () => {
  const sender = (frameId: number) => ({ id: 'cooldown-test', tab: { id: 7 } as never, frameId, url: 'https://mail.google.com/mail/u/0/' });

  it('drops a content-script message from a subframe (the scripts run in the top frame only)', () => {
    expect(route({ kind: 'content/no-conversation', site: 'gmail' }, sender(3))).toBeUndefined();
  });

  it('accepts the same message from the top frame', async () => {
    const reply = route({ kind: 'content/no-conversation', site: 'gmail' }, sender(0));
    expect(reply).toBeDefined();
    await reply?.catch(() => undefined);
  });
});

describe('pages send intents, the worker writes (settings, break tip)', () => {
  it('applies two quick settings changes one after the other, neither lost', async () => {
    const { onSaveSettings } = await import('../../../src/background/handlers/settings.ts');
    const [a, b] = await Promise.all([
      onSaveSettings({ kind: 'options/save-settings', patch: { compact: true } }),
      onSaveSettings({ kind: 'options/save-settings', patch: { sites: { gmail: false } } }),
    ]);
    expect([a, b]).toEqual([{ ok: true }, { ok: true }]);
    expect(fake.local.get('settings')).toMatchObject({ compact: true, sites: { gmail: false, zendesk: true } });
  });

  it('refuses a value out of range, writing nothing', async () => {
    const { onSaveSettings } = await import('../../../src/background/handlers/settings.ts');
    const r = await onSaveSettings({ kind: 'options/save-settings', patch: { typingPauseMs: 5 } });
    expect(r.ok).toBe(false);
    expect(fake.local.has('settings')).toBe(false);
  });

  it('takes settings and break-tip intents only from extension pages', () => {
    const content = { id: 'cooldown-test', tab: { id: 7 } as never, frameId: 0, url: 'https://mail.google.com/mail/u/0/' };
    expect(route({ kind: 'options/save-settings', patch: { compact: true } }, content)).toBeUndefined();
    expect(route({ kind: 'sidebar/dismiss-break' }, content)).toBeUndefined();
  });

  it('the sidebar\'s dismissal is written by the worker', async () => {
    const { onDismissBreak } = await import('../../../src/background/handlers/wellbeing.ts');
    expect(await onDismissBreak()).toEqual({ ok: true });
    expect((fake.local.get('wellbeing') as { breakDismissedAt: number | null }).breakDismissedAt).toEqual(expect.any(Number));
  });
});
