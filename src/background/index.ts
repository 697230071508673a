/**
 * Background entry: registers listeners, nothing else. The worker can be stopped between any
 * two events; every listener is registered synchronously at start so a wake-up finds it, and
 * all state lives in storage.session (see store.ts).
 */
import '../shared/zod-jitless.ts'; // first: before any zod schema runs
import browser from '../shared/browser.ts';
import { syncGenericSites } from './handlers/generic-sites.ts';
import { onAlarm, onPacksStorageChanged, resendOpenTabs, schedulePackUpdates, syncPolicy } from './handlers/packs.ts';
import { onLatePolicy } from './handlers/packs-storage.ts';
import { onCommand, onInstalledSidebar, openSidebar, openWelcome } from './handlers/sidebar.ts';
import { onTabRemoved, onTabUpdated, pruneClosedTabs } from './handlers/tabs.ts';
import { route } from './router.ts';

browser.runtime.onMessage.addListener(route);
browser.commands.onCommand.addListener(onCommand);
browser.action.onClicked.addListener((tab) => openSidebar(tab));
browser.tabs.onRemoved.addListener(onTabRemoved);
browser.tabs.onUpdated.addListener((tabId, change) => void onTabUpdated(tabId, change));
browser.storage.onChanged.addListener(onPacksStorageChanged);
// A policy read that outlived its wait answered at last: treated as a policy change.
onLatePolicy(() => onPacksStorageChanged({}, 'managed'));
browser.alarms.onAlarm.addListener(onAlarm);
browser.permissions.onAdded.addListener(() => void syncGenericSites());
browser.permissions.onRemoved.addListener(() => void syncGenericSites());
browser.runtime.onInstalled.addListener((details) => {
  void onInstalledSidebar();
  void syncGenericSites();
  void schedulePackUpdates();
  void syncPolicy();
  if (details.reason === 'install') void openWelcome();
});
browser.runtime.onStartup.addListener(() => {
  void pruneClosedTabs();
  void schedulePackUpdates();
  void syncPolicy();
});

// A fresh worker instance: the one before it may have been stopped while a tab's snapshot was in
// flight (Chrome stops idle workers at any point), so coached tabs are asked to send once more.
// Found by tests/e2e/faults.spec.ts under load: the sidebar kept an older draft's analysis.
void resendOpenTabs();
