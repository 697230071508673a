/** Forget a tab's analysis when the tab closes or leaves the helpdesk. */
import type { Tabs } from 'webextension-polyfill';
import browser from '../../shared/browser.ts';
import { dropSessions } from '../engine-host.ts';
import { readTab, removeTab, storedTabIds } from '../store.ts';

export function onTabRemoved(tabId: number): void {
  dropSessions(tabId);
  void removeTab(tabId);
}

export async function onTabUpdated(tabId: number, change: Tabs.OnUpdatedChangeInfoType): Promise<void> {
  if (change.status !== 'loading') return;
  const state = await readTab(tabId);
  if (!state) return;
  // Without host permission for the new page the URL is hidden from us: it left the helpdesk.
  const tab = await browser.tabs.get(tabId).catch(() => null);
  let origin: string;
  try {
    origin = tab?.url ? new URL(tab.url).origin : '';
  } catch {
    origin = '';
  }
  if (origin !== state.origin) await removeTab(tabId);
}

/** Drop entries of tabs that closed while the worker was not running. */
export async function pruneClosedTabs(): Promise<void> {
  const open = new Set((await browser.tabs.query({})).map((t) => t.id));
  for (const id of await storedTabIds()) if (!open.has(id)) await removeTab(id);
}
