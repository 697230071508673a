/** Built-in sites the agent switched off in the options: their snapshots are not analysed. */
import browser from '../../shared/browser.ts';
import { parseSettings, SETTINGS_KEY, siteEnabled } from '../../shared/settings.ts';

export async function ifSiteOn<R>(site: string, run: () => Promise<R>, off: R): Promise<R> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return siteEnabled(parseSettings(got[SETTINGS_KEY]), site) ? run() : off;
}
