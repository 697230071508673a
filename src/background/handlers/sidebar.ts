/** Opening the coach: the pop-out tab, the keyboard commands and the toolbar button. */
import type { Tabs } from 'webextension-polyfill';
import browser, { chromeSidePanel, firefoxSidebarAction } from '../../shared/browser.ts';
import type { MessageOf, Reply } from '../../shared/messages.ts';

/**
 * Manifest command names (see manifest.json `commands`). Opening the coach needs no handler:
 * `_execute_action` clicks the toolbar button (Chrome opens the side panel for it, see
 * onInstalledSidebar) and Firefox handles `_execute_sidebar_action` itself.
 */
export const POP_OUT_COMMAND = 'pop-out-sidebar';

export function sidebarUrl(tabId?: number): string {
  return browser.runtime.getURL(tabId === undefined ? 'sidebar.html' : `sidebar.html?tabId=${tabId}`);
}

export async function popOut(tabId: number): Promise<void> {
  await browser.tabs.create({ url: sidebarUrl(tabId) });
}

export async function onPopOut(msg: MessageOf<'sidebar/pop-out'>): Promise<Reply<'sidebar/pop-out'>> {
  await popOut(msg.tabId);
  return { ok: true };
}

/**
 * Toolbar button where the browser does not open the panel itself (Firefox; Chrome when the
 * panel behaviour was not set). Runs synchronously inside the user gesture, which
 * sidePanel.open/sidebarAction.open require.
 */
export function openSidebar(tab: Tabs.Tab | undefined): void {
  const panel = chromeSidePanel();
  if (panel && tab?.id !== undefined) {
    panel.open({ tabId: tab.id }).catch(() => undefined);
    return;
  }
  firefoxSidebarAction()?.open().catch(() => undefined);
}

export function onCommand(command: string, tab: Tabs.Tab | undefined): void {
  if (command === POP_OUT_COMMAND) {
    const open = (t: Tabs.Tab | undefined): void => {
      if (t?.id !== undefined) void popOut(t.id);
    };
    if (tab) open(tab);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => open(t));
  }
}

/** First install: a tab that says how to open the coach (shortcut, toolbar button) and where to enable other sites. */
export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('options.html?welcome=1') });
}

/** Chrome opens the side panel from the toolbar button itself; Firefox needs the click handled. */
export async function onInstalledSidebar(): Promise<void> {
  await chromeSidePanel()?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
}
