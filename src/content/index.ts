/**
 * Content script entry: pick the site's adapter and start a session. Nothing else lives here;
 * the content script finds, reads, notices and inserts — it never analyses.
 */
import { pickAdapter } from '../adapters/index.ts';
import { runtimeAlive } from './runtime.ts';
import { startSession } from './session.ts';

const START_EVENT = 'cooldown:content-start';
const adapter = pickAdapter(new URL(location.href));
if (adapter) {
  const controller = new AbortController();
  // An extension update can leave an older copy of this script in the page: tell it to stop.
  // The page can dispatch this event too, so a copy stops only when its own extension context
  // is gone (orphaned by the update); a live copy ignores it.
  document.dispatchEvent(new CustomEvent(START_EVENT));
  document.addEventListener(START_EVENT, () => {
    if (!runtimeAlive()) controller.abort();
  }, { signal: controller.signal });
  startSession(adapter, document, controller);
}
