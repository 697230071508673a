/**
 * One driver over both browsers, so a spec is written once and runs in Chromium (playwright-core,
 * the built dist/chrome) and Firefox ESR (puppeteer-core over WebDriver BiDi, dist/firefox). A
 * `Tab` is a page of either: the helpdesk page or the sidebar bound to it. Pages are served at
 * their real addresses; nothing reaches the network.
 */
import { chromium as pwChromium, type Browser as PwBrowser, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { launchChromium, openSidebar, type ChromiumHarness } from './chromium.ts';
import { bindSidebar, launchFirefox, openServed, type FirefoxHarness } from './firefox.ts';
import type { Served } from './sites.ts';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

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
  close(): Promise<void>;
}

export interface SessionOptions {
  served: Served;
  url: string;
  /** Load the built extension and bind a sidebar to the site's tab (false: the page alone). */
  extension: boolean;
}

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
    const h: ChromiumHarness = await launchChromium([o.served]);
    const page = await h.context.newPage();
    if (process.env.DBG) page.on('console', (m) => console.log('PAGE', m.text()));
    await page.goto(o.url);
    const sidebar = await openSidebar(h, page, `https://${o.served.host}/`);
    return { browser: 'chromium', site: playwrightTab(page), sidebar: playwrightTab(sidebar), close: () => h.close() };
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
    const h: FirefoxHarness = await launchFirefox();
    const page = await openServed(h, o.served, o.url);
    const sidebar = await bindSidebar(h, `https://${o.served.host}/*`);
    return { browser: 'firefox', site: puppeteerTab(page), sidebar: puppeteerTab(sidebar), close: () => h.close() };
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
