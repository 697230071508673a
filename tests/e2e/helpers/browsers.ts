/**
 * One driver over both browsers, so a spec is written once and runs in Chromium (playwright-core,
 * the built dist/chrome) and Firefox ESR (puppeteer-core over WebDriver BiDi, dist/firefox). A
 * `Tab` is a page of either: the helpdesk page or the sidebar bound to it. Pages are served at
 * their real addresses; nothing reaches the network.
 */
import { chromium as pwChromium, type Browser as PwBrowser, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { diagnose, launchChromium, openSidebar, type ChromiumHarness } from './chromium.ts';
import { bindSidebar, launchFirefox, openServed, type FirefoxHarness } from './firefox.ts';
import type { Served } from './sites.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distChrome, distFirefox } from './paths.ts';

export type BrowserName = 'chromium' | 'firefox';
/** Both, unless COOLDOWN_BROWSERS names some ("chromium", "firefox"): for running one while developing. */
export const BROWSERS: readonly BrowserName[] = (['chromium', 'firefox'] as const).filter((b) => !process.env.COOLDOWN_BROWSERS || process.env.COOLDOWN_BROWSERS.split(',').includes(b));

export interface Tab {
  /** Evaluates a JavaScript expression in the page (promises are awaited). */
  eval<T>(expression: string): Promise<T>;
  /** Brings the page to the front and clicks the element. */
  click(selector: string): Promise<void>;
  /** Types into whatever has focus, key by key. */
  type(text: string): Promise<void>;
  /** Ctrl+A, Ctrl+Z, Backspace, as the agent presses them. */
  press(key: 'SelectAll' | 'Undo' | 'Backspace'): Promise<void>;
  front(): Promise<void>;
  /** Waits until the expression is truthy (conditions, not clocks). */
  until(expression: string, timeoutMs?: number): Promise<void>;
  /** Issue 13: the pointer moves to (x, y) in CSS pixels of the viewport (hover). */
  hover(x: number, y: number): Promise<void>;
  /** Issue 13: a trusted click at (x, y). */
  clickAt(x: number, y: number): Promise<void>;
  /** Issue 13: one key, optionally with modifiers, as the agent presses it ('Alt+Shift+KeyJ', 'Enter', 'Escape', 'Tab'). */
  key(combo: string): Promise<void>;
  /** Issue 13: a PNG of the viewport as the agent sees it (CSS pixels, device scale 1). */
  shot(): Promise<Buffer>;
  /** Issue 13: the page's viewport in CSS pixels (a sidebar as wide and tall as the agent's). */
  viewport(width: number, height: number): Promise<void>;
  /** Issue 13: loads the page again, as when the agent closes and reopens the sidebar. */
  reload(): Promise<void>;
}

const comboParts = (combo: string): { mods: string[]; key: string } => {
  const parts = combo.split('+');
  return { mods: parts.slice(0, -1), key: parts[parts.length - 1]! };
};

export interface Session {
  browser: BrowserName;
  site: Tab;
  /** The sidebar bound to the site's tab (null without the extension). */
  sidebar: Tab;
  /** What the extension's side of the session looks like, for a failed test (Chromium only). */
  diagnose?(): Promise<string>;
  close(): Promise<void>;
}

export interface SessionOptions {
  served: Served;
  url: string;
  /** Load the built extension and bind a sidebar to the site's tab (false: the page alone). */
  extension: boolean;
  /**
   * A site the agent added under "other sites" (the generic adapter), e.g. "https://support.example.org".
   * The browser's permission prompt cannot be answered by a test, so the built extension is copied
   * with that origin already granted (in host_permissions), and the site is added the way the
   * options page adds it (`options/site-add` from an extension page), which registers the scripts.
   */
  grantedSite?: string;
}

/** A copy of the built extension with `origin` granted; removed by the returned cleanup. */
function withGrantedSite(dist: string, origin: string): { dir: string; cleanup(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'cooldown-site-'));
  const dir = path.join(root, 'extension');
  cpSync(dist, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, `${origin}/*`];
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

const ADD_SITE = (origin: string) => `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const r = await api.runtime.sendMessage({ kind: 'options/site-add', origin: ${JSON.stringify(`${origin}/*`)} });
  if (!r || !r.ok) throw new Error('site-add refused: ' + JSON.stringify(r));
  return true;
})()`;

function playwrightTab(page: PwPage): Tab {
  return {
    eval: (e) => page.evaluate(e),
    async click(selector) {
      await page.bringToFront();
      await page.click(selector);
    },
    type: (text) => page.keyboard.type(text, { delay: 10 }),
    press: (key) => page.keyboard.press(key === 'SelectAll' ? 'ControlOrMeta+A' : key === 'Undo' ? 'ControlOrMeta+Z' : 'Backspace'),
    front: () => page.bringToFront(),
    async until(e, timeoutMs = 10_000) {
      await page.waitForFunction(e, undefined, { timeout: timeoutMs, polling: 100 });
    },
    hover: (x, y) => page.mouse.move(x, y),
    clickAt: (x, y) => page.mouse.click(x, y),
    key: (combo) => page.keyboard.press(combo),
    // caret: 'initial': Playwright's default hides carets by writing a style attribute on the page's inputs.
    shot: () => page.screenshot({ type: 'png', caret: 'initial' }),
    viewport: (width, height) => page.setViewportSize({ width, height }),
    async reload() {
      await page.reload();
    },
  };
}

function puppeteerTab(page: PpPage): Tab {
  return {
    eval: (e) => page.evaluate(e) as Promise<never>,
    async click(selector) {
      await page.bringToFront();
      await page.click(selector);
    },
    type: (text) => page.keyboard.type(text, { delay: 10 }),
    async press(key) {
      if (key === 'Backspace') return page.keyboard.press('Backspace');
      await page.keyboard.down('Control');
      await page.keyboard.press(key === 'SelectAll' ? 'a' : 'z');
      await page.keyboard.up('Control');
    },
    front: () => page.bringToFront(),
    async until(e, timeoutMs = 10_000) {
      await page.waitForFunction(e, { timeout: timeoutMs, polling: 100 });
    },
    hover: (x, y) => page.mouse.move(x, y),
    clickAt: (x, y) => page.mouse.click(x, y),
    async key(combo) {
      const { mods, key } = comboParts(combo);
      for (const m of mods) await page.keyboard.down(m as never);
      await page.keyboard.press(key as never);
      for (const m of mods.reverse()) await page.keyboard.up(m as never);
    },
    shot: async () => Buffer.from(await page.screenshot({ type: 'png', captureBeyondViewport: false })),
    viewport: (width, height) => page.setViewport({ width, height }),
    // page.reload() never settles for a moz-extension page over BiDi (as Page.url() is not
    // updated for one): the page reloads itself, and the new document is told apart by a mark
    // the old one carried.
    async reload() {
      await page.evaluate(() => {
        (window as unknown as { __beforeReload?: boolean }).__beforeReload = true;
        setTimeout(() => location.reload(), 0);
      });
      const deadline = Date.now() + 10_000;
      for (;;) {
        const fresh = await page.evaluate(() => !(window as unknown as { __beforeReload?: boolean }).__beforeReload && document.readyState === 'complete').catch(() => false);
        if (fresh) return;
        if (Date.now() > deadline) throw new Error('the page did not reload');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

const NO_SIDEBAR: Tab = new Proxy({} as Tab, { get: () => () => Promise.reject(new Error('no sidebar: opened without the extension')) });

async function chromiumSession(o: SessionOptions): Promise<Session> {
  if (o.extension) {
    const granted = o.grantedSite ? withGrantedSite(distChrome, o.grantedSite) : null;
    const h: ChromiumHarness = await launchChromium([o.served], granted ? { extensionDir: granted.dir } : {});
    if (o.grantedSite) {
      const options = await h.context.newPage();
      await options.goto(`chrome-extension://${h.extensionId}/options.html`);
      await options.evaluate(ADD_SITE(o.grantedSite));
      await options.close();
    }
    const page = await h.context.newPage();
    if (process.env.DBG) page.on('console', (m) => console.log('PAGE', m.text()));
    await page.goto(o.url);
    const sidebar = await openSidebar(h, page, `https://${o.served.host}/`);
    return {
      browser: 'chromium', site: playwrightTab(page), sidebar: playwrightTab(sidebar),
      diagnose: () => diagnose(h, page, sidebar, `https://${o.served.host}/`),
      close: async () => { await h.close(); granted?.cleanup(); },
    };
  }
  const browser: PwBrowser = await pwChromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.route('**/*', (route) => {
    const hit = new URL(route.request().url()).hostname === o.served.host ? o.served.respond(route.request().url()) : null;
    return hit ? route.fulfill({ status: 200, body: hit.body, contentType: hit.contentType }) : route.abort();
  });
  await page.goto(o.url);
  return { browser: 'chromium', site: playwrightTab(page), sidebar: NO_SIDEBAR, close: () => browser.close() };
}

async function firefoxSession(o: SessionOptions): Promise<Session> {
  if (o.extension) {
    const granted = o.grantedSite ? withGrantedSite(distFirefox, o.grantedSite) : null;
    const h: FirefoxHarness = await launchFirefox(granted?.dir);
    if (o.grantedSite) await h.extensionPage.evaluate(ADD_SITE(o.grantedSite));
    const page = await openServed(h, o.served, o.url);
    const sidebar = await bindSidebar(h, `https://${o.served.host}/*`);
    return { browser: 'firefox', site: puppeteerTab(page), sidebar: puppeteerTab(sidebar), close: async () => { await h.close(); granted?.cleanup(); } };
  }
  const browser: PpBrowser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true });
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const hit = new URL(req.url()).hostname === o.served.host ? o.served.respond(req.url()) : null;
    if (hit) void req.respond({ status: 200, contentType: hit.contentType, body: hit.body });
    else void req.abort();
  });
  await page.goto(o.url);
  return { browser: 'firefox', site: puppeteerTab(page), sidebar: NO_SIDEBAR, close: () => browser.close() };
}

export function openSession(browser: BrowserName, o: SessionOptions): Promise<Session> {
  return browser === 'chromium' ? chromiumSession(o) : firefoxSession(o);
}
