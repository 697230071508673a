/** The adapters, most specific first; the generic one only runs where the agent enabled it. */
import type { SiteAdapter } from './adapter.ts';
import { createGenericAdapter } from './generic.ts';
import { createGmailAdapter } from './gmail.ts';
import { createZendeskAdapter } from './zendesk.ts';

export function pickAdapter(url: URL): SiteAdapter | null {
  for (const adapter of [createGmailAdapter(), createZendeskAdapter(), createGenericAdapter()]) {
    if (adapter.matches(url)) return adapter;
  }
  return null;
}

export type { SiteAdapter } from './adapter.ts';
