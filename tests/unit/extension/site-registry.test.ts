// The site registry is the one place per site: every registered site has its adapter, spec and
// fixture pages, and what is derived from it (settings switches, host access, URL detection)
// follows it. A new registry entry without its spec or fixtures fails here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SITE_SWITCHES } from '../../../src/shared/settings.ts';
import { SITE_IDS } from '../../../src/shared/messages.ts';
import { HOST_PERMISSIONS, SITES, patternRegExp, siteForUrl } from '../../../src/sites/registry.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixturePath = (name: string): string =>
  name.startsWith('shared:') ? path.resolve(root, '../shared/fixtures', name.slice('shared:'.length)) : path.join(root, 'tests/e2e/pages', name);

describe('site registry', () => {
  it.each(SITES.map((s) => [s.id, s] as const))('%s has its adapter, its spec and every fixture page', (id, site) => {
    expect(existsSync(path.join(root, 'src/adapters', `${id}.ts`)), `src/adapters/${id}.ts`).toBe(true);
    expect(existsSync(path.join(root, site.spec)), site.spec).toBe(true);
    expect(site.fixtures.length).toBeGreaterThan(0);
    for (const f of site.fixtures) expect(existsSync(fixturePath(f)), f).toBe(true);
    for (const m of site.matches) expect(() => patternRegExp(m)).not.toThrow();
  });

  it('ids are unique and everything that names sites is derived from the registry', () => {
    const ids = SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...SITE_SWITCHES]).toEqual(ids);
    expect(Object.keys(DEFAULT_SETTINGS.sites)).toEqual(ids);
    expect([...SITE_IDS]).toEqual([...ids, 'generic']);
    expect(HOST_PERMISSIONS).toEqual(SITES.flatMap((s) => s.matches));
  });

  it('detects agent pages only: not Zendesk help centres, not look-alike hosts', () => {
    expect(siteForUrl('https://mail.google.com/mail/u/0/#inbox/abc')).toBe('gmail');
    expect(siteForUrl('https://acme.zendesk.com/agent/tickets/1')).toBe('zendesk');
    expect(siteForUrl('https://acme.zendesk.com/hc/en-us/articles/1')).toBeNull();
    expect(siteForUrl('https://zendesk.com.evil.example/agent/tickets/1')).toBeNull();
    expect(siteForUrl('https://evilzendesk.com/agent/tickets/1')).toBeNull();
    expect(siteForUrl('http://acme.zendesk.com/agent/tickets/1')).toBeNull();
    expect(siteForUrl(null)).toBeNull();
  });
});
