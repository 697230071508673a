/**
 * The one place that imports the WebExtension API. Firefox exposes `browser` natively; Chrome
 * gets it through webextension-polyfill (a no-op wrapper in Firefox).
 */
import browser from 'webextension-polyfill';

export default browser;

/** Chrome's side panel API, which neither the polyfill nor Firefox has. */
export interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

export function chromeSidePanel(): ChromeSidePanel | null {
  const c = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  return c?.sidePanel ?? null;
}

/** Firefox's sidebar API (absent in Chrome). */
export interface FirefoxSidebarAction {
  open(): Promise<void>;
}

export function firefoxSidebarAction(): FirefoxSidebarAction | null {
  const b = (globalThis as { browser?: { sidebarAction?: FirefoxSidebarAction } }).browser;
  return b?.sidebarAction ?? null;
}

export { isContextInvalidated } from './errors.ts';
