/**
 * Which tab the sidebar shows, and that tab's state. `sidebar.html?tabId=N` (the pop-out) is
 * bound to tab N for good; otherwise the sidebar follows the active tab of its window. State is
 * read from storage.session, where the worker writes it, so a stopped worker changes nothing here.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser.ts';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.ts';
import { parseTabState, tabKey, type TabState } from '../shared/state.ts';
import { followKey } from '../shared/follow.ts';
import { request } from '../shared/request.ts';
import { parseSections, SECTIONS_KEY, type OpenSections, type SectionId } from '../shared/sections.ts';
import { parseWellbeing, WELLBEING_KEY, type Wellbeing } from '../shared/wellbeing.ts';

export interface BoundTab {
  tabId: number | null;
  /** The tab's URL when we may see it (helpdesk hosts are in our host permissions). */
  url: string | null;
  /** True for a pop-out bound with ?tabId=N. */
  pinned: boolean;
}

export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

export function useBoundTab(): BoundTab {
  const pinned = pinnedTabId(location.search);
  const [bound, setBound] = useState<BoundTab>({ tabId: pinned, url: null, pinned: pinned !== null });

  useEffect(() => {
    let windowId: number | undefined;
    let tabId = pinned;
    const refresh = async (): Promise<void> => {
      if (pinned === null) {
        const [tab] = await browser.tabs.query({ active: true, ...(windowId !== undefined ? { windowId } : { currentWindow: true }) });
        tabId = tab?.id ?? null;
        windowId ??= tab?.windowId;
        setBound({ tabId, url: tab?.url ?? null, pinned: false });
        return;
      }
      const tab = await browser.tabs.get(pinned).catch(() => null);
      setBound({ tabId: pinned, url: tab?.url ?? null, pinned: true });
    };
    void refresh();
    const onActivated = (info: { tabId: number; windowId: number }): void => {
      if (pinned === null && (windowId === undefined || info.windowId === windowId)) void refresh();
    };
    const onUpdated = (id: number, change: { url?: string; status?: string }): void => {
      if (id === tabId && (change.url !== undefined || change.status === 'complete')) void refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [pinned]);
  return bound;
}

export function useTabState(tabId: number | null): { state: TabState | null; loaded: boolean } {
  const [value, setValue] = useState<{ state: TabState | null; loaded: boolean }>({ state: null, loaded: false });
  useEffect(() => {
    if (tabId === null) {
      setValue({ state: null, loaded: true });
      return undefined;
    }
    setValue({ state: null, loaded: false });
    return followKey('session', tabKey(tabId), (raw) => setValue({ state: parseTabState(raw), loaded: true }));
  }, [tabId]);
  return value;
}

/** A storage.local record, parsed, kept live. */
function useLocal<T>(key: string, parse: (raw: unknown) => T): T {
  const [value, setValue] = useState<T>(() => parse(undefined));
  useEffect(() => followKey('local', key, (raw) => setValue(parse(raw))), [key]);
  return value;
}

export const useSettings = (): Settings => useLocal(SETTINGS_KEY, parseSettings);
export const useWellbeing = (): Wellbeing => useLocal(WELLBEING_KEY, parseWellbeing);

/** The agent dismissed the break tip: the worker, which owns the record, remembers when. */
export async function dismissBreakTip(): Promise<void> {
  await request({ kind: 'sidebar/dismiss-break' });
}

/**
 * The folding sections the agent left open, kept live from storage.local. A toggle shows at once
 * (an override on top of the stored record) and is sent to the worker, which stores it; the
 * stored change then arrives through followKey for this and every other open sidebar.
 */
export function useSections(): { open: OpenSections; setOpen: (id: SectionId, open: boolean) => void } {
  const stored = useLocal(SECTIONS_KEY, parseSections);
  const [pending, setPending] = useState<Partial<OpenSections>>({});
  // The stored record caught up (or another sidebar changed it): it is the truth again.
  useEffect(() => setPending({}), [stored]);
  const setOpen = (id: SectionId, open: boolean): void => {
    setPending((p) => ({ ...p, [id]: open }));
    void request({ kind: 'sidebar/set-section', section: id, open });
  };
  return { open: { ...stored, ...pending }, setOpen };
}
