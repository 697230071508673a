/**
 * The adapters: one per registered site (src/sites/registry.ts), then the generic fallback,
 * which only runs where the agent enabled it. The map is typed by the registry's ids, so a new
 * registry entry without its adapter does not compile.
 */
import type { BuiltInSiteId } from '../sites/registry.ts';
import type { SiteAdapter } from './adapter.ts';
import { createGenericAdapter } from './generic.ts';
import { createGmailAdapter } from './gmail.ts';
import { createZendeskAdapter } from './zendesk.ts';

const BUILT_IN: { readonly [K in BuiltInSiteId]: () => SiteAdapter } = {
  gmail: createGmailAdapter,
  zendesk: createZendeskAdapter,
};

export function pickAdapter(url: URL): SiteAdapter | null {
  // The registry's data stays out of the content script (its size budget); the typed map is enough.
  for (const create of Object.values(BUILT_IN)) {
    const adapter = create();
    if (adapter.matches(url)) return adapter;
  }
  const generic = createGenericAdapter();
  return generic.matches(url) ? generic : null;
}

export type { SiteAdapter } from './adapter.ts';
