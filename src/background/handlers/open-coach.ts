/**
 * `content/open-coach`: the agent clicked the mood chip in the composer (issue 13). The coach opens
 * for the sender's tab: Chrome's side panel (sidePanel.open needs the user gesture, which Chrome
 * carries from a trusted click in the content script to this listener, so it is called before
 * any await), Firefox's sidebar (same rule), or the pop-out tab where neither can open.
 */
import type { Runtime } from 'webextension-polyfill';
import { chromeSidePanel, firefoxSidebarAction } from '../../shared/browser.ts';
import type { Reply } from '../../shared/messages.ts';
import { popOut } from './sidebar.ts';

export async function onOpenCoach(sender: Runtime.MessageSender): Promise<Reply<'content/open-coach'>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false };
  const panel = chromeSidePanel();
  const sidebar = firefoxSidebarAction();
  // Both calls start synchronously, inside the gesture; only then is anything awaited.
  const opening = panel
    ? panel.open({ tabId }).then(() => 'side-panel')
    : sidebar ? sidebar.open().then(() => 'sidebar') : Promise.reject(new Error('no panel'));
  try {
    return { ok: true, how: await opening };
  } catch {
    await popOut(tabId);
    return { ok: true, how: 'pop-out' };
  }
}
