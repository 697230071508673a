/**
 * The worker's memory: one TabState per tab in `storage.session` (cleared when the browser
 * closes, never written to disk by Chrome, and readable by sidebars). The worker may be stopped
 * between any two events, so nothing else is kept in variables that matter.
 */
import browser from '../shared/browser.ts';
import { parseTabState, tabKey, TAB_KEY_PREFIX, type TabState } from '../shared/state.ts';

export async function readTab(tabId: number): Promise<TabState | null> {
  const key = tabKey(tabId);
  const got = await browser.storage.session.get(key);
  return parseTabState(got[key]);
}

export async function writeTab(state: TabState): Promise<void> {
  await browser.storage.session.set({ [tabKey(state.tabId)]: state });
}

export async function removeTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
}

/** Tabs we hold state for (to drop entries of tabs closed while the worker was stopped). */
export async function storedTabIds(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .filter((k) => k.startsWith(TAB_KEY_PREFIX))
    .map((k) => Number(k.slice(TAB_KEY_PREFIX.length)))
    .filter((n) => Number.isInteger(n));
}
