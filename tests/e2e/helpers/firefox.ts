/**
 * Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with dist/firefox
 * installed as a temporary add-on. BiDi will not navigate a tab to a moz-extension:// URL, but
 * the tab the extension opens itself on install (the welcome page) is scriptable, and it can
 * location.assign() itself to sidebar.html?tabId=N — which is how the sidebar is reached here.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { distFirefox } from './paths.ts';
import type { Served } from './sites.ts';

export interface FirefoxHarness {
  browser: Browser;
  /** The extension's own tab (welcome page, later the bound sidebar). */
  extensionPage: Page;
  /**
   * Issue 14, with `record`: every request that left the browser's own handling for the network,
   * from any of its contexts (the extension's background included), as the proxy Firefox is
   * pointed at saw it ("CONNECT host:port" for https, the URL for http). The proxy refuses them all.
   */
  outside: string[];
  /**
   * Issue 14, with `record`: every line Firefox printed. With devtools.console.stdout.content every
   * console call of every content context is printed ("console.log: …"): the background page, the
   * extension's pages, content scripts and the helpdesk pages; uncaught errors go to stderr
   * ("JavaScript error: …").
   */
  printed: { stream: 'stdout' | 'stderr'; text: string }[];
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** Issue 14: record requests that leave the browser (a refusing proxy) and every console line (see FirefoxHarness). */
  record?: boolean;
  /** Issue 14: Firefox suspends the idle event page after this many ms (extensions.background.idle.timeout; 30 s by default). */
  idleTimeoutMs?: number;
}

/** A proxy that records what reaches it and refuses everything: nothing leaves the machine. */
async function refusingProxy(seen: string[]): Promise<{ port: number; close(): void }> {
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

const href = (p: Page): Promise<string> => p.evaluate(() => location.href).catch(() => '');

export async function waitFor<T>(probe: () => Promise<T | null | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function launchFirefox(extensionDir: string = distFirefox, options: FirefoxOptions = {}): Promise<FirefoxHarness> {
  const outside: string[] = [];
  const printed: FirefoxHarness['printed'] = [];
  const proxy = options.record ? await refusingProxy(outside) : null;
  const prefs: Record<string, unknown> = {};
  if (proxy) {
    Object.assign(prefs, {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'devtools.console.stdout.content': true,
    });
  }
  if (options.idleTimeoutMs !== undefined) prefs['extensions.background.idle.timeout'] = options.idleTimeoutMs;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: prefs,
  }).catch((e: unknown) => {
    proxy?.close();
    throw e;
  });
  if (options.record) {
    // Read as it comes (an unread pipe would fill and stall the browser).
    for (const stream of ['stdout', 'stderr'] as const) {
      let rest = '';
      browser.process()?.[stream]?.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const text of lines) if (text.trim()) printed.push({ stream, text });
      });
    }
  }
  await browser.installExtension(extensionDir);
  // Page.url() is not updated for moz-extension documents over BiDi; ask each page instead.
  const extensionPage = await waitFor(async () => {
    for (const p of await browser.pages()) if ((await href(p)).startsWith('moz-extension://')) return p;
    return null;
  }, 'the extension to open its welcome tab');
  return {
    browser, extensionPage, outside, printed,
    async close() {
      await browser.close();
      proxy?.close();
    },
  };
}

/** Answers the page's requests from the fixtures, refuses the rest (nothing reaches the network). */
export async function serve(page: Page, served: Served | readonly Served[]): Promise<void> {
  const all = Array.isArray(served) ? served : [served as Served];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const host = new URL(req.url()).hostname;
    const hit = all.find((s) => s.host === host)?.respond(req.url());
    if (hit) void req.respond({ status: 200, contentType: hit.contentType, body: hit.body });
    else void req.abort();
  });
}

/** A page whose requests are answered from the fixtures (nothing reaches the network). */
export async function openServed(h: FirefoxHarness, served: Served | readonly Served[], url: string): Promise<Page> {
  const page = await h.browser.newPage();
  await serve(page, served);
  await page.goto(url);
  return page;
}

/** Turns the extension's tab into the sidebar bound to the tab showing `urlPattern`. */
export async function bindSidebar(h: FirefoxHarness, urlPattern: string): Promise<Page> {
  const page = h.extensionPage;
  const tabId = await page.evaluate(async (pattern) => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).browser;
    return (await api.tabs.query({ url: pattern }))[0]?.id ?? null;
  }, urlPattern);
  if (tabId === null) throw new Error(`no tab matches ${urlPattern}`);
  await page.evaluate((id) => location.assign(`sidebar.html?tabId=${id}`), tabId);
  await waitFor(async () => (await href(page)).includes(`sidebar.html?tabId=${tabId}`), 'the sidebar to load');
  return page;
}

/** Poll a condition in a page (conditions, not clocks). */
export function until(page: Page, fn: string, timeoutMs = 10_000): Promise<unknown> {
  return page.waitForFunction(fn, { timeout: timeoutMs, polling: 100 });
}
