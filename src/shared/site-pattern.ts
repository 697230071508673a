/**
 * The host-permission pattern for one site the agent asks Cooldown to coach on ("other sites").
 * One exact host, never a wildcard: `*` or `*.example.com` would ask for far more than one site
 * (issue 14, I4: `*` used to become `https://*\/*`, every https site).
 */
export const SITE_PATTERN = /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\/\*$/;

export function patternFor(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || trimmed.includes('*')) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    const pattern = `${url.protocol}//${url.hostname}/*`;
    return SITE_PATTERN.test(pattern) ? pattern : null;
  } catch {
    return null;
  }
}
