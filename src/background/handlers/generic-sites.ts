/**
 * The generic adapter runs only on origins the agent granted (optional host permissions, asked
 * for from the options page). The granted set is the source of truth: on every change the
 * dynamic content scripts are re-registered to match it.
 */
import browser from '../../shared/browser.ts';
import { HOST_PERMISSIONS } from '../../sites/registry.ts';
import { packOrigins } from '../../shared/packs-store.ts';
import { readPacksState } from './packs-storage.ts';

const SCRIPT_ID = 'cooldown-generic';
const BRIDGE_ID = 'cooldown-generic-bridge';

/** Origins the extension always has (helpdesks with their own adapter). */
const BUILT_IN = new Set<string>(HOST_PERMISSIONS);

export async function syncGenericSites(): Promise<void> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const granted = (await browser.permissions.getAll()).origins ?? [];
  // Access granted to download a rule pack is not a request to coach on that site.
  const forPacks = new Set(packOrigins((await readPacksState()).state));
  const origins = granted.filter((o) => !BUILT_IN.has(o) && !forPacks.has(o));
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID, BRIDGE_ID] }).catch(() => []);
  if (existing.length) await scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (!origins.length) return;
  await scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: origins, excludeMatches: [...BUILT_IN], js: ['content.js'], runAt: 'document_idle', persistAcrossSessions: true },
    { id: BRIDGE_ID, matches: origins, excludeMatches: [...BUILT_IN], js: ['bridge.js'], runAt: 'document_idle', persistAcrossSessions: true, world: 'MAIN' },
  ] as Parameters<typeof scripting.registerContentScripts>[0]);
}
