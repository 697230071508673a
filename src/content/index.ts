/**
 * Content script entry: pick the site's adapter and start a session. Nothing else lives here;
 * the content script finds, reads, notices and inserts — it never analyses.
 */
import { pickAdapter } from '../adapters/index.ts';
import { startSession } from './session.ts';

const START_EVENT = 'cooldown:content-start';
const adapter = pickAdapter(new URL(location.href));
if (adapter) {
  const controller = new AbortController();
  // An extension update can leave an older copy of this script in the page: tell it to stop.
  document.dispatchEvent(new CustomEvent(START_EVENT));
  document.addEventListener(START_EVENT, () => controller.abort(), { once: true, signal: controller.signal });
  startSession(adapter, document, controller);
}
