/**
 * The extension's only network access: downloading a rule pack from an https URL that an agent
 * imported or an administrator set in policy. Nothing the agent types is ever sent: the request
 * carries no cookies and no body, only the conditional headers from the last download.
 *
 * Refusals are plain sentences for the options page. A slow server is abandoned after
 * PACK_FETCH_TIMEOUT_MS (AbortController), and a body is read only up to MAX_PACK_BYTES: a 50 MB
 * answer is cut off at the cap, not downloaded.
 */
import { MAX_PACK_BYTES, PACK_FETCH_TIMEOUT_MS } from '../../shared/packs-store.ts';

export type FetchOutcome =
  | { kind: 'ok'; text: string; etag?: string; lastModified?: string }
  | { kind: 'not-modified' }
  | { kind: 'error'; message: string };

export interface FetchOptions {
  etag?: string | undefined;
  lastModified?: string | undefined;
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

const mb = (n: number): string => `${(n / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

export async function fetchPack(url: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  const { timeoutMs = PACK_FETCH_TIMEOUT_MS, maxBytes = MAX_PACK_BYTES, fetchImpl = (input, init) => fetch(input, init) } = options;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'error', message: 'That is not a web address.' };
  }
  if (parsed.protocol !== 'https:') return { kind: 'error', message: 'Only https:// addresses can be used for packs.' };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.etag) headers['If-None-Match'] = options.etag;
    if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
    // A redirected pack is refused: a followed chain can only be checked where it ends, so
    // https → http → https would pass, and the http hop is readable and changeable by anyone on
    // the way (issue 14, L6). `redirected` says a chain was followed; an opaque or 3xx answer is
    // what a fetch that did not follow one reports.
    const res = await fetchImpl(parsed.href, { headers, credentials: 'omit', cache: 'no-store', redirect: 'follow', signal: controller.signal });
    if (res.redirected || res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && res.status !== 304)) {
      void res.body?.cancel();
      return { kind: 'error', message: 'The address redirects to another one; packs are read only from the address given. Use the final https:// address of the pack.' };
    }
    if (res.url && !res.url.startsWith('https:')) return { kind: 'error', message: 'The address redirected to a non-https page; packs are only read over https.' };
    if (res.status === 304) return { kind: 'not-modified' };
    if (!res.ok) return { kind: 'error', message: `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${parsed.href}.` };
    const type = res.headers.get('content-type') ?? '';
    if (/text\/html|application\/xhtml/i.test(type)) return { kind: 'error', message: 'The address returned a web page (HTML), not a pack: link to the raw .json file.' };
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      void res.body?.cancel();
      return { kind: 'error', message: `The pack is ${mb(declared)}; the limit is ${mb(maxBytes)}.` };
    }
    const text = await readCapped(res, maxBytes);
    if (text === null) return { kind: 'error', message: `The pack is larger than the ${mb(maxBytes)} limit; the download was stopped.` };
    if (/^\s*</.test(text)) return { kind: 'error', message: 'The address returned a web page (HTML), not a pack: link to the raw .json file.' };
    const etag = res.headers.get('etag') ?? undefined;
    const lastModified = res.headers.get('last-modified') ?? undefined;
    return { kind: 'ok', text, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  } catch (e) {
    if (controller.signal.aborted) return { kind: 'error', message: `The server did not answer within ${Math.round(timeoutMs / 1000)} s; try again later.` };
    return { kind: 'error', message: `Could not download the pack (${(e as Error).message || 'network error'}). Check the address, and that the server allows Cooldown to read it.` };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or null once it passes `maxBytes` (reading stops there). */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
