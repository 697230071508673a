/**
 * The one place that names the helpdesks Cooldown reads. Everything that depends on "which
 * sites" is derived from this list: the manifests' content-script matches and host permissions
 * (build.mjs), the options' on/off switches and built-in list, the settings schema, the
 * sidebar's "is this tab a helpdesk?", and the tests that every site has its spec and fixtures.
 *
 * Adding a helpdesk: write `src/adapters/<id>.ts` and add one entry here (the compiler then asks
 * for its factory in src/adapters/index.ts). Pure data, no imports: build.mjs bundles this file
 * to read it, and the content script carries it.
 */
export interface SiteDescriptor {
  readonly id: string;
  /** Name shown to the agent (options switches). */
  readonly name: string;
  /**
   * Match patterns of the agent pages the content script runs on. Narrow on purpose: Zendesk
   * help centres (`<sub>.zendesk.com/hc/…`) are customer-facing pages, not the agent app.
   */
  readonly matches: readonly string[];
  /** True when the site's editor can only be driven from the page's MAIN world (bridge.js). */
  readonly bridge: boolean;
  /** Pages the adapter is checked against: shared fixtures (`shared:` prefix) and tests/e2e/pages. */
  readonly fixtures: readonly string[];
  /** The e2e spec that runs the adapter contract on this site. */
  readonly spec: string;
}

export const SITES = [
  {
    id: 'gmail',
    name: 'Gmail',
    matches: ['https://mail.google.com/*'],
    bridge: false,
    fixtures: ['shared:gmail-thread.html', 'gmail-nested.html', 'gmail-no-account.html', 'gmail-long-thread.html'],
    spec: 'tests/e2e/gmail.spec.ts',
  },
  {
    id: 'zendesk',
    name: 'Zendesk',
    matches: ['https://*.zendesk.com/agent/*'],
    bridge: true,
    fixtures: ['shared:zendesk-ticket.html', 'zendesk-nested.html', 'zendesk-unmarked.html', 'zendesk-workspace.html'],
    spec: 'tests/e2e/zendesk.spec.ts',
  },
] as const satisfies readonly SiteDescriptor[];

export type BuiltInSiteId = (typeof SITES)[number]['id'];
export const BUILT_IN_SITE_IDS = SITES.map((s) => s.id) as unknown as readonly [BuiltInSiteId, ...BuiltInSiteId[]];

/** A match pattern (`https://*.host/path*`) as a RegExp over full URLs. */
export function patternRegExp(pattern: string): RegExp {
  const m = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`bad match pattern: ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const esc = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const hostRe = host === '*' ? '[^/]+' : host.startsWith('*.') ? `(?:[a-z0-9-]+\\.)*${esc(host.slice(2))}` : esc(host);
  return new RegExp(`^${scheme === '*' ? 'https?' : scheme}://${hostRe}${esc(path).replace(/\*/g, '.*')}$`, 'i');
}

/** The registered site whose agent pages include `url`, or null. */
export function siteForUrl(url: string | null | undefined): BuiltInSiteId | null {
  if (!url) return null;
  for (const site of SITES) if (site.matches.some((p) => patternRegExp(p).test(url))) return site.id;
  return null;
}

/** Host permissions the manifests ask for: exactly the agent pages. */
export const HOST_PERMISSIONS: readonly string[] = SITES.flatMap((s) => s.matches);
