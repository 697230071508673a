/**
 * Content script entry: pick the site's adapter and start a session. Nothing else lives here;
 * the content script finds, reads, notices and inserts — it never analyses.
 *
 * It announces nothing to the page (no start event, no marker in the DOM): a page cannot tell
 * Cooldown is installed from here. An older copy left behind by an extension update notices its
 * own orphaned runtime at its next change and stops itself (session.ts).
 */
import { pickAdapter } from '../adapters/index.ts';
import { startSession } from './session.ts';

const adapter = pickAdapter(new URL(location.href));
if (adapter) startSession(adapter, document, new AbortController());
