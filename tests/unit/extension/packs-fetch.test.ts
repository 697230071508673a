// The pack downloader against a fake fetch: https only, conditional requests, 304, and the
// refusals (404, HTML, oversized bodies cut off at the cap, a hanging server timed out).
import { describe, expect, it } from 'vitest';
import { fetchPack } from '../../../src/background/handlers/packs-fetch.ts';

const URL_OK = 'https://packs.example.com/team.json';
type Seen = { url: string; init: RequestInit | undefined };

function fake(respond: (seen: Seen) => Response | Promise<Response>) {
  const calls: Seen[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const seen = { url: String(input), init };
    calls.push(seen);
    return respond(seen);
  }) as typeof fetch;
  return { impl, calls };
}

/** A body that streams `total` bytes in 64 KB chunks and counts what was pulled. */
function bigBody(total: number) {
  const state = { pulled: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(32);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

describe('fetchPack', () => {
  it('refuses anything but https before any request', async () => {
    const f = fake(() => new Response('{}'));
    expect(await fetchPack('http://packs.example.com/team.json', { fetchImpl: f.impl })).toMatchObject({ kind: 'error', message: expect.stringMatching(/https/) });
    expect(await fetchPack('file:///etc/passwd', { fetchImpl: f.impl })).toMatchObject({ kind: 'error' });
    expect(f.calls).toHaveLength(0);
  });

  it('returns the text with its validators, sending no cookies', async () => {
    const f = fake(() => new Response('{"id":"x"}', { headers: { 'content-type': 'application/json', etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' } }));
    expect(await fetchPack(URL_OK, { fetchImpl: f.impl })).toEqual({ kind: 'ok', text: '{"id":"x"}', etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' });
    expect(f.calls[0]!.init).toMatchObject({ credentials: 'omit' });
  });

  it('asks conditionally and reads 304 as not modified', async () => {
    const f = fake((s) => {
      const h = new Headers(s.init?.headers);
      return h.get('if-none-match') === '"v1"' && h.get('if-modified-since') ? new Response(null, { status: 304 }) : new Response('{}');
    });
    expect(await fetchPack(URL_OK, { fetchImpl: f.impl, etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' })).toEqual({ kind: 'not-modified' });
    expect((await fetchPack(URL_OK, { fetchImpl: f.impl })).kind).toBe('ok');
  });

  it('refuses a 404 and an HTML page with a clear message', async () => {
    const notFound = fake(() => new Response('nope', { status: 404, statusText: 'Not Found' }));
    expect(await fetchPack(URL_OK, { fetchImpl: notFound.impl })).toMatchObject({ kind: 'error', message: expect.stringMatching(/404 Not Found/) });
    const html = fake(() => new Response('<!doctype html><p>Sign in</p>', { headers: { 'content-type': 'text/html' } }));
    expect(await fetchPack(URL_OK, { fetchImpl: html.impl })).toMatchObject({ kind: 'error', message: expect.stringMatching(/web page \(HTML\)/) });
    const sniffed = fake(() => new Response('<html></html>', { headers: { 'content-type': 'application/octet-stream' } }));
    expect(await fetchPack(URL_OK, { fetchImpl: sniffed.impl })).toMatchObject({ kind: 'error', message: expect.stringMatching(/HTML/) });
  });

  it('stops reading a 50 MB body just past the cap', async () => {
    const big = bigBody(50_000_000);
    const f = fake(() => new Response(big.stream, { headers: { 'content-type': 'application/json' } }));
    expect(await fetchPack(URL_OK, { fetchImpl: f.impl, maxBytes: 1_000_000 })).toMatchObject({ kind: 'error', message: expect.stringMatching(/larger than the 1 MB limit/) });
    expect(big.state.pulled).toBeLessThan(1_300_000);
    const declared = fake(() => new Response('x', { headers: { 'content-length': '50000000' } }));
    expect(await fetchPack(URL_OK, { fetchImpl: declared.impl })).toMatchObject({ kind: 'error', message: expect.stringMatching(/50 MB; the limit is 1 MB/) });
  });

  it('gives up on a server that never answers', async () => {
    const f = fake((s) => new Promise<Response>((_, reject) => s.init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const started = Date.now();
    expect(await fetchPack(URL_OK, { fetchImpl: f.impl, timeoutMs: 200 })).toMatchObject({ kind: 'error', message: expect.stringMatching(/did not answer within/) });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a network failure', async () => {
    const f = fake(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetchPack(URL_OK, { fetchImpl: f.impl })).toMatchObject({ kind: 'error', message: expect.stringMatching(/Could not download the pack \(Failed to fetch\)/) });
  });
});

describe('fetchPack and redirects (issue 14, L6)', () => {
  /**
   * A server whose pack address redirects https → http → https. A fetch told to follow lands on
   * the final https page (as a browser does); one told not to follow sees the redirect itself.
   */
  const chain = fake((seen) => {
    if (seen.init?.redirect === 'follow' || seen.init?.redirect === undefined) {
      const res = new Response('{"format":1}', { status: 200, headers: { 'content-type': 'application/json' } });
      Object.defineProperty(res, 'url', { value: 'https://packs.example.com/final.json' });
      Object.defineProperty(res, 'redirected', { value: true });
      return res;
    }
    if (seen.init?.redirect === 'manual') {
      const res = new Response(null, { status: 302, headers: { location: 'http://packs.example.com/plain.json' } });
      return res;
    }
    throw new TypeError('Failed to fetch (redirect: error)');
  });

  it('refuses a pack address that redirects, instead of checking only where it ends', async () => {
    const got = await fetchPack(URL_OK, { fetchImpl: chain.impl });
    expect(got).toMatchObject({ kind: 'error', message: expect.stringMatching(/redirect/) });
  });

  it('refuses an opaque redirect (what a browser gives for redirect: "manual")', async () => {
    const opaque = fake(() => ({ type: 'opaqueredirect', status: 0, ok: false, url: URL_OK, redirected: false, headers: new Headers(), body: null }) as unknown as Response);
    expect(await fetchPack(URL_OK, { fetchImpl: opaque.impl })).toMatchObject({ kind: 'error', message: expect.stringMatching(/redirect/) });
  });
});
