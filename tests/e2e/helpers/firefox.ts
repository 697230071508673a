/**
 * Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, with dist/firefox
 * installed as a temporary add-on. BiDi will not navigate a tab to a moz-extension:// URL, but
 * the tab the extension opens itself on install (the welcome page) is scriptable, and it can
 * location.assign() itself to sidebar.html?tabId=N — which is how the sidebar is reached here.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { distFirefox } from './paths.ts';
import type { Served } from './sites.ts';

export interface FirefoxHarness {
  browser: Browser;
  /** The extension's own tab (welcome page, later the bound sidebar). */
  extensionPage: Page;
  close(): Promise<void>;
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

export async function launchFirefox(extensionDir: string = distFirefox): Promise<FirefoxHarness> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
  });
  await browser.installExtension(extensionDir);
  // Page.url() is not updated for moz-extension documents over BiDi; ask each page instead.
  const extensionPage = await waitFor(async () => {
    for (const p of await browser.pages()) if ((await href(p)).startsWith('moz-extension://')) return p;
    return null;
  }, 'the extension to open its welcome tab');
  return { browser, extensionPage, close: () => browser.close() };
}

/** A page whose requests are answered from the fixtures (nothing reaches the network). */
export async function openServed(h: FirefoxHarness, served: Served, url: string): Promise<Page> {
  const page = await h.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const hit = new URL(req.url()).hostname === served.host ? served.respond(req.url()) : null;
    if (hit) void req.respond({ status: 200, contentType: hit.contentType, body: hit.body });
    else void req.abort();
  });
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
