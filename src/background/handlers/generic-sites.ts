/**
 * The generic adapter runs only on sites the agent asked to coach ("other sites" on the options
 * page). Those are remembered in `storage.local["coachedSites"]`, written only here: a granted
 * host permission alone is not a request to coach, because the options page also asks for host
 * access to download a rule pack (issue 14, M1). Pack hosts are never coached, and their
 * permission goes when the pack does (or when its import fails).
 *
 * On every change (a site added or removed, permissions added or removed) the dynamic content
 * scripts are re-registered to match: granted ∩ coached, minus built-in helpdesks and pack hosts.
 */
import browser from '../../shared/browser.ts';
import { HOST_PERMISSIONS } from '../../sites/registry.ts';
import type { MessageOf } from '../../shared/messages.ts';
import { packOrigins } from '../../shared/packs-store.ts';
import { SITE_PATTERN } from '../../shared/site-pattern.ts';
import { createSerial } from '../serial.ts';
import { readPacksState } from './packs-storage.ts';

const SCRIPT_ID = 'cooldown-generic';
const BRIDGE_ID = 'cooldown-generic-bridge';
export const COACHED_SITES_KEY = 'coachedSites';
const MAX_COACHED_SITES = 100;

/** Origins the extension always has (helpdesks with their own adapter). */
const BUILT_IN = new Set<string>(HOST_PERMISSIONS);

const serial = createSerial();

async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

function validSites(raw: unknown): string[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.filter((o): o is string => typeof o === 'string' && SITE_PATTERN.test(o)).slice(0, MAX_COACHED_SITES);
}

/**
 * The sites the agent coaches. A profile from before this list existed coached every granted
 * origin but pack hosts; that set is written once as the list, so nothing the agent had changes.
 */
async function coachedSites(): Promise<string[]> {
  const got = await browser.storage.local.get(COACHED_SITES_KEY);
  const sites = validSites(got[COACHED_SITES_KEY]);
  if (sites) return sites;
  const forPacks = new Set(packOrigins((await readPacksState()).state));
  const migrated = (await grantedOrigins()).filter((o) => !BUILT_IN.has(o) && !forPacks.has(o) && SITE_PATTERN.test(o));
  await browser.storage.local.set({ [COACHED_SITES_KEY]: migrated });
  return migrated;
}

export function syncGenericSites(): Promise<void> {
  return serial(register);
}

async function register(): Promise<void> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const coached = new Set(await coachedSites());
  const forPacks = new Set(packOrigins((await readPacksState()).state));
  const origins = (await grantedOrigins()).filter((o) => coached.has(o) && !BUILT_IN.has(o) && !forPacks.has(o));
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID, BRIDGE_ID] }).catch(() => []);
  if (existing.length) await scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (!origins.length) return;
  await scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: origins, excludeMatches: [...BUILT_IN], js: ['content.js'], runAt: 'document_idle', persistAcrossSessions: true },
    { id: BRIDGE_ID, matches: origins, excludeMatches: [...BUILT_IN], js: ['bridge.js'], runAt: 'document_idle', persistAcrossSessions: true, world: 'MAIN' },
  ] as Parameters<typeof scripting.registerContentScripts>[0]);
}

/** The agent granted access to a site and asks to be coached there. */
export function onSiteAdd(msg: MessageOf<'options/site-add'>): Promise<{ ok: boolean }> {
  return serial(async () => {
    if (BUILT_IN.has(msg.origin)) return { ok: false };
    const sites = await coachedSites();
    if (!sites.includes(msg.origin)) {
      if (sites.length >= MAX_COACHED_SITES) return { ok: false };
      await browser.storage.local.set({ [COACHED_SITES_KEY]: [...sites, msg.origin] });
    }
    await register();
    return { ok: true };
  });
}

/** The agent stops coaching on a site: its scripts go, and its permission unless a pack needs it. */
export function onSiteRemove(msg: MessageOf<'options/site-remove'>): Promise<{ ok: boolean }> {
  return serial(async () => {
    const sites = await coachedSites();
    await browser.storage.local.set({ [COACHED_SITES_KEY]: sites.filter((o) => o !== msg.origin) });
    const forPacks = new Set(packOrigins((await readPacksState()).state));
    if (!forPacks.has(msg.origin) && !BUILT_IN.has(msg.origin)) await removePermission(msg.origin);
    await register();
    return { ok: true };
  });
}

/**
 * Host access granted to download a pack from `url` is given back once no pack needs it: after a
 * failed import, or with the removed pack. A site the agent also coaches keeps it.
 */
export function releasePackHost(url: string): Promise<void> {
  return serial(async () => {
    let origin: string;
    try {
      origin = `${new URL(url).origin}/*`;
    } catch {
      return;
    }
    const forPacks = new Set(packOrigins((await readPacksState()).state));
    const coached = new Set(await coachedSites());
    if (forPacks.has(origin) || coached.has(origin) || BUILT_IN.has(origin)) return;
    await removePermission(origin);
    await register();
  });
}

async function removePermission(origin: string): Promise<void> {
  // Refused for a permission that is not optional or not granted; either way nothing to give back.
  await browser.permissions.remove({ origins: [origin] }).catch(() => false);
}
