/**
 * One driver over both browsers, so a spec is written once and runs in Chromium (playwright-core,
 * the built dist/chrome) and Firefox ESR (puppeteer-core over WebDriver BiDi, dist/firefox). A
 * `Tab` is a page of either: the helpdesk page or the sidebar bound to it. Pages are served at
 * their real addresses; nothing reaches the network.
 */
import { chromium as pwChromium, type Browser as PwBrowser, type ConsoleMessage, type Page as PwPage, type Request as PwRequest, type Worker as PwWorker } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { diagnose, launchChromium, openSidebar, type ChromiumHarness } from './chromium.ts';
import { bindSidebar, launchFirefox, openServed, serve, waitFor, type FirefoxHarness } from './firefox.ts';
import { stopWorker } from './kit.ts';
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
  /** Issue 14: navigates the tab to `url` (a helpdesk tab: served from the fixtures). */
  goto(url: string): Promise<void>;
  /** Issue 14: closes the tab. */
  close(): Promise<void>;
  /** Issue 14: the message of every dialog (alert, confirm, prompt) the page opened; each is dismissed at once. */
  readonly dialogs: string[];
}

const comboParts = (combo: string): { mods: string[]; key: string } => {
  const parts = combo.split('+');
  return { mods: parts.slice(0, -1), key: parts[parts.length - 1]! };
};

/**
 * Issue 14: who made a recorded request. `worker`: Chromium's service worker; `extension-page`:
 * the sidebar, options or another page of ours; `page`: a helpdesk page, its content scripts
 * included (their requests are the page's); `outside`: Firefox only, a request that reached the
 * network layer (the proxy) from any context, the event page included, by whom is not known;
 * `unknown`: a Firefox tab the session did not open.
 */
export type Requester = 'worker' | 'extension-page' | 'page' | 'outside' | 'unknown';
export interface Seen { url: string; host: string; by: Requester; type: string }
/** A console line or uncaught error, and where it was seen (a tab's label, `worker`, or Firefox's `browser` output). */
export interface LogLine { source: string; type: string; text: string }

export interface Session {
  browser: BrowserName;
  site: Tab;
  /** The sidebar bound to the site's tab (null without the extension). */
  sidebar: Tab;
  /** What the extension's side of the session looks like, for a failed test (Chromium only). */
  diagnose?(): Promise<string>;
  close(): Promise<void>;
  // Issue 14, sessions with the extension (the reliability specs):
  /** Where the extension's own files are: chrome-extension://<id>/ or moz-extension://<uuid>/. */
  extensionBase: string;
  /** An extension page that is not a sidebar (options.html), opened on first use, to call the extension API from. */
  ext(): Promise<Tab>;
  /** A new helpdesk tab at `url`; `beforeLoad` is a script the page runs before its own (a hostile page's listeners). */
  open(url: string, o?: { beforeLoad?: string }): Promise<Tab>;
  /** A new tab showing one of the extension's pages ("sidebar.html?tabId=7"). */
  openExtensionPage(pathAndQuery: string): Promise<Tab>;
  /** The extension's id for a tab (told apart by a mark put in its title for a moment). */
  tabId(site: Tab): Promise<number>;
  /** The sidebar bound to `site`'s tab, in a tab of its own (what the pop-out opens); `site` is brought back to the front. */
  sidebarFor(site: Tab): Promise<Tab>;
  /** The tab that `action` opens (the extension opening a tab or a window); a helpdesk address loaded in it later is served. */
  newTab(action: () => Promise<unknown>): Promise<Tab>;
  /**
   * The background stops: Chromium's service worker is stopped through CDP (as Chrome stops an
   * idle one); Firefox's event page is left idle until Firefox suspends it (idleTimeoutMs).
   * True when a running background was stopped; false when none was running (or, in Chromium,
   * CDP did not report the stop within 5 s).
   */
  stopBackground(): Promise<boolean>;
  /** Runs `fn`, the source of a function of the background's global object, in the background (woken if needed). */
  inBackground<T>(fn: string): Promise<T>;
  /** Runs `fn`, the source of a function without arguments, in the content script's world of `site`'s tab. */
  inContentScript<T>(site: Tab, fn: string): Promise<T>;
  /** Firefox: how many times the event page was seen suspended so far (stopBackground's waits, and any other). */
  suspensions?(): number;
  /** With `record`: every request of the session (see Requester). */
  readonly requests: Seen[];
  /** Every console line and uncaught error of the session's contexts (with `record` in Firefox: of every context). */
  logs(): LogLine[];
  /** The errors among them. */
  errors(): LogLine[];
}

export interface SessionOptions {
  /** The fixture site(s) served; `url` is on one of them. */
  served: Served | readonly Served[];
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
  /**
   * Issue 14: record every request (Chromium: the context's requests, the service worker's
   * included; Firefox: every tab's requests over BiDi, and a refusing proxy for anything that
   * leaves the browser, the event page's requests included) and every console line.
   */
  record?: boolean;
  /** Issue 14, Firefox: the idle event page is suspended after this many ms (so stopBackground waits that long). */
  idleTimeoutMs?: number;
}

const servedList = (served: Served | readonly Served[]): readonly Served[] => (Array.isArray(served) ? served : [served as Served]);
const hostOf = (url: string): string => new URL(url).host;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

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
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  return {
    dialogs,
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
    async goto(url) {
      await page.goto(url);
    },
    close: () => page.close(),
  };
}

function puppeteerTab(page: PpPage): Tab {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  return {
    dialogs,
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
    async goto(url) {
      await page.goto(url);
    },
    close: () => page.close(),
  };
}


const NO_SIDEBAR: Tab = new Proxy({} as Tab, { get: () => () => Promise.reject(new Error('no sidebar: opened without the extension')) });

/** What a session without the extension cannot do (the issue-14 half of Session). */
function withoutExtension(base: Pick<Session, 'browser' | 'site' | 'close'>): Session {
  const none = (): Promise<never> => Promise.reject(new Error('opened without the extension'));
  return {
    ...base, sidebar: NO_SIDEBAR, extensionBase: '', ext: none, open: none, openExtensionPage: none, tabId: none, sidebarFor: none,
    newTab: none, stopBackground: none, inBackground: none, inContentScript: none, requests: [], logs: () => [], errors: () => [],
  };
}

/** The tab's id, asked from an extension page; the tab is told apart by a mark in its title for a moment (tabs can share a URL). */
/** A sidebar bound to a site's tab, opened as the pop-out does, with the site back in front (both browsers). */
function sidebarOpener(tabId: (t: Tab) => Promise<number>, openExtensionPage: (pathAndQuery: string) => Promise<Tab>): (site: Tab) => Promise<Tab> {
  return async (site) => {
    const view = await openExtensionPage(`sidebar.html?tabId=${await tabId(site)}`);
    await site.front();
    return view;
  };
}

async function tabIdOfTab(ext: Tab, site: Tab): Promise<number> {
  const mark = `cooldown-tab-${Math.random().toString(36).slice(2)}`;
  await site.eval(`(() => { window.__title = document.title; document.title = ${JSON.stringify(mark)}; })()`);
  try {
    return await ext.eval<number>(`(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      for (let i = 0; i < 50; i++) {
        const tab = (await api.tabs.query({})).find((t) => t.title === ${JSON.stringify(mark)});
        if (tab && tab.id !== undefined) return tab.id;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('no tab has the mark');
    })()`);
  } finally {
    await site.eval('document.title = window.__title');
  }
}

const errorTypes = new Set(['error', 'pageerror']);

async function chromiumSession(o: SessionOptions): Promise<Session> {
  const served = servedList(o.served);
  if (!o.extension) {
    const browser: PwBrowser = await pwChromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu'],
    });
    const page = await browser.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      const hit = served.find((s) => s.host === new URL(url).hostname)?.respond(url);
      return hit ? route.fulfill({ status: 200, body: hit.body, contentType: hit.contentType }) : route.abort();
    });
    await page.goto(o.url);
    return withoutExtension({ browser: 'chromium', site: playwrightTab(page), close: () => browser.close() });
  }
  // Must be set before launch: makes the context's request events include the service worker's own.
  if (o.record) process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const granted = o.grantedSite ? withGrantedSite(distChrome, o.grantedSite) : null;
  const h: ChromiumHarness = await launchChromium([...served], granted ? { extensionDir: granted.dir } : {});
  const base = `chrome-extension://${h.extensionId}/`;
  const logs: LogLine[] = [];
  const requests: Seen[] = [];
  const pages = new Map<Tab, PwPage>();
  const line = (source: string) => (m: ConsoleMessage): void => {
    logs.push({ source: source !== 'worker' && m.location().url.startsWith(base) ? `${source} (extension)` : source, type: m.type(), text: m.text() });
  };
  const watchWorker = (w: PwWorker): void => {
    if (w.url().startsWith(base)) w.on('console', line('worker'));
  };
  h.context.on('serviceworker', watchWorker);
  h.context.serviceWorkers().forEach(watchWorker);
  if (o.record) {
    h.context.on('request', (r: PwRequest) => {
      let frame = '';
      try {
        frame = r.frame().url();
      } catch {
        // a service worker's request has no frame
      }
      const by: Requester = r.serviceWorker() ? 'worker' : frame.startsWith(base) ? 'extension-page' : 'page';
      requests.push({ url: r.url(), host: new URL(r.url()).hostname, by, type: r.resourceType() });
    });
  }
  let opened = 0;
  const tab = (page: PwPage, label: string): Tab => {
    page.on('console', line(label));
    page.on('pageerror', (e) => logs.push({ source: label, type: 'pageerror', text: e.message }));
    const t = playwrightTab(page);
    pages.set(t, page);
    return t;
  };
  if (o.grantedSite) {
    const options = await h.context.newPage();
    await options.goto(`${base}options.html`);
    await options.evaluate(ADD_SITE(o.grantedSite));
    await options.close();
  }
  const page = await h.context.newPage();
  if (process.env.DBG) page.on('console', (m) => console.log('PAGE', m.text()));
  const site = tab(page, 'site');
  await page.goto(o.url);
  const sidebarPage = await openSidebar(h, page, `https://${hostOf(o.url)}/`);
  const sidebar = tab(sidebarPage, 'sidebar');
  let extTab: Promise<Tab> | undefined;
  const ext = (): Promise<Tab> => (extTab ??= (async () => {
    const p = await h.context.newPage();
    const t = tab(p, 'options');
    await p.goto(`${base}options.html`);
    return t;
  })());
  const openExtensionPage = async (pathAndQuery: string): Promise<Tab> => {
    const p = await h.context.newPage();
    const t = tab(p, `extension-${++opened}`);
    await p.goto(`${base}${pathAndQuery}`);
    return t;
  };
  const tabId = async (t: Tab): Promise<number> => tabIdOfTab(await ext(), t);
  const worker = async (): Promise<PwWorker> => {
    const running = h.context.serviceWorkers().find((w) => w.url().startsWith(base));
    if (running) return running;
    const started = h.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(base) });
    // A stopped worker starts again on the next message.
    await (await ext()).eval(`chrome.runtime.sendMessage({ kind: 'options/packs-view' }).catch(() => null)`);
    return started;
  };
  return {
    browser: 'chromium',
    site,
    sidebar,
    extensionBase: base,
    diagnose: () => diagnose(h, page, sidebarPage, `https://${hostOf(o.url)}/`),
    async close() {
      await h.close();
      granted?.cleanup();
    },
    ext,
    async open(url, options = {}) {
      const p = await h.context.newPage();
      const t = tab(p, `site-${++opened}`);
      if (options.beforeLoad) await p.addInitScript(options.beforeLoad);
      await p.goto(url);
      return t;
    },
    openExtensionPage,
    tabId,
    sidebarFor: sidebarOpener(tabId, openExtensionPage),
    async newTab(action) {
      const [p] = await Promise.all([h.context.waitForEvent('page'), action()]);
      return tab(p, `site-${++opened}`);
    },
    stopBackground: () => stopWorker(h, sidebarPage),
    async inBackground<T>(fn: string) {
      return (await worker()).evaluate(`(${fn})(globalThis)`) as Promise<T>;
    },
    async inContentScript<T>(t: Tab, fn: string) {
      const p = pages.get(t);
      if (!p) throw new Error('not a tab of this session');
      const cdp = await h.context.newCDPSession(p);
      try {
        type Context = { id: number; origin: string; auxData?: { type?: string } };
        const contexts: Context[] = [];
        cdp.on('Runtime.executionContextCreated', (e: { context: Context }) => contexts.push(e.context));
        await cdp.send('Runtime.enable');
        const isolated = (): Context | undefined => contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(h.extensionId));
        await waitFor(async () => isolated(), "the content script's world");
        const r = await cdp.send('Runtime.evaluate', { expression: `(${fn})()`, contextId: isolated()!.id, awaitPromise: true, returnByValue: true }) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
        if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
        return r.result.value as T;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    requests,
    logs: () => logs,
    errors: () => logs.filter((l) => errorTypes.has(l.type)),
  };
}

interface BidiEvents {
  on(event: 'network.beforeRequestSent', f: (e: { context: string | null; request: { request: string; url: string; destination?: string } }) => void): void;
  on(event: 'log.entryAdded', f: (e: { level: string; text: string | null; type: string; source: { context?: string } }) => void): void;
}

/** A line Firefox printed, as a log line (with `record`: console calls of every content context, and uncaught errors). */
function printedLine(p: FirefoxHarness['printed'][number]): LogLine {
  const consoleCall = /^console\.(\w+): (.*)$/.exec(p.text);
  // Firefox's own modules log through named console instances, printed with their name first
  // ("console.error: RSLoader: …"); a page's arguments never print that way (strings are quoted,
  // objects parenthesised), so those lines are Firefox's, not a page's or the extension's.
  if (consoleCall && /^[A-Za-z][\w.-]*: /.test(consoleCall[2]!)) return { source: 'firefox', type: 'output', text: p.text };
  if (consoleCall) return { source: 'browser', type: consoleCall[1]!, text: consoleCall[2]! };
  // An uncaught error in our pages, background or content scripts, or in a helpdesk page (not Firefox's own chrome code).
  if (/^JavaScript error: (moz-extension|https?):\/\//.test(p.text)) return { source: 'browser', type: 'pageerror', text: p.text };
  return { source: 'browser', type: 'output', text: p.text };
}

async function firefoxSession(o: SessionOptions): Promise<Session> {
  const served = servedList(o.served);
  if (!o.extension) {
    const browser: PpBrowser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', headless: true });
    const page = await browser.newPage();
    await serve(page, served);
    await page.goto(o.url);
    return withoutExtension({ browser: 'firefox', site: puppeteerTab(page), close: () => browser.close() });
  }
  const granted = o.grantedSite ? withGrantedSite(distFirefox, o.grantedSite) : null;
  const h: FirefoxHarness = await launchFirefox(granted?.dir, { record: o.record, idleTimeoutMs: o.idleTimeoutMs });
  if (o.grantedSite) await h.extensionPage.evaluate(ADD_SITE(o.grantedSite));
  // (Node's URL gives a moz-extension: address the origin "null".)
  const base = /^moz-extension:\/\/[^/]+\//.exec(await h.extensionPage.evaluate(() => location.href))?.[0] ?? '';
  if (!base) throw new Error('the extension page has no moz-extension: address');
  const bidi = (h.browser as unknown as { connection: BidiEvents }).connection;
  // Each browsing context the session opened: who it is (for requests) and its label (for console lines).
  const kinds = new Map<string, Requester>();
  const labels = new Map<string, string>();
  const contextOf = (p: PpPage): string => (p.mainFrame() as unknown as { _id: string })._id;
  const seen = new Map<string, { context: string | null; url: string; type: string }>();
  const tabLogs: LogLine[] = [];
  if (o.record) {
    bidi.on('network.beforeRequestSent', (e) => {
      if (!seen.has(e.request.request)) seen.set(e.request.request, { context: e.context, url: e.request.url, type: e.request.destination || 'other' });
    });
  }
  bidi.on('log.entryAdded', (e) => {
    const context = e.source.context ?? '';
    tabLogs.push({ source: labels.get(context) ?? 'tab', type: e.type === 'javascript' ? 'pageerror' : e.level, text: e.text ?? '' });
  });
  let opened = 0;
  const tab = (p: PpPage, label: string, kind: Requester): Tab => {
    kinds.set(contextOf(p), kind);
    labels.set(contextOf(p), label);
    return puppeteerTab(p);
  };
  const href = (p: PpPage): Promise<string> => p.evaluate(() => location.href).catch(() => '');
  /** The page (not one of `known`) whose address passes `test`, once it appears. */
  const appears = (known: Set<PpPage>, test: (url: string) => boolean, what: string): Promise<PpPage> => waitFor(async () => {
    for (const p of await h.browser.pages()) if (!known.has(p) && test(await href(p))) return p;
    return null;
  }, what);
  const page = await openServed(h, served, o.url);
  const site = tab(page, 'site', 'page');
  const sidebar = tab(await bindSidebar(h, `https://${hostOf(o.url)}/*`), 'sidebar', 'extension-page');
  let extTab: Promise<Tab> | undefined;
  const ext = (): Promise<Tab> => (extTab ??= (async () => {
    const known = new Set(await h.browser.pages());
    await h.extensionPage.evaluate(() => {
      const api = (globalThis as unknown as { browser: { tabs: { create(o: object): Promise<unknown> }; runtime: { getURL(p: string): string } } }).browser;
      return api.tabs.create({ url: api.runtime.getURL('options.html'), active: false }).then(() => null);
    });
    return tab(await appears(known, (u) => u === `${base}options.html`, 'the options page'), 'options', 'extension-page');
  })());
  const openExtensionPage = async (pathAndQuery: string): Promise<Tab> => {
    const from = await ext();
    const known = new Set(await h.browser.pages());
    await from.eval(`browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(pathAndQuery)}) }).then(() => null)`);
    return tab(await appears(known, (u) => u === `${base}${pathAndQuery}`, pathAndQuery), `extension-${++opened}`, 'extension-page');
  };
  const tabId = async (t: Tab): Promise<number> => tabIdOfTab(await ext(), t);
  const logs = (): LogLine[] => [...tabLogs, ...h.printed.map(printedLine)];

  // The event page's life, watched from an extension page: extension.getBackgroundPage() is null
  // while Firefox has it suspended (asking does not wake it).
  const life = { running: false, ranSinceStop: false, polls: 0, suspensions: 0, stopped: false };
  let watching: Promise<void> | undefined;
  const watchBackground = (): Promise<void> => (watching ??= (async () => {
    const from = await ext();
    void (async () => {
      while (!life.stopped) {
        const running = await from.eval<boolean>('!!browser.extension.getBackgroundPage()').catch(() => null);
        if (running !== null) {
          if (life.running && !running) life.suspensions++;
          if (process.env.DBG && life.running !== running) console.log(`${new Date().toISOString()} background ${running ? 'running' : 'suspended'}`);
          life.running = running;
          if (running) life.ranSinceStop = true;
          life.polls++;
        }
        await sleep(100);
      }
    })();
  })());

  return {
    browser: 'firefox',
    site,
    sidebar,
    extensionBase: base,
    async close() {
      life.stopped = true;
      await h.close();
      granted?.cleanup();
    },
    ext,
    async open(url, options = {}) {
      const p = await h.browser.newPage();
      const t = tab(p, `site-${++opened}`, 'page');
      await serve(p, served);
      if (options.beforeLoad) await p.evaluateOnNewDocument(options.beforeLoad);
      await p.goto(url);
      return t;
    },
    openExtensionPage,
    tabId,
    sidebarFor: sidebarOpener(tabId, openExtensionPage),
    async newTab(action) {
      const known = new Set(await h.browser.pages());
      await action();
      const p = await appears(known, () => true, 'the new tab');
      await serve(p, served);
      return tab(p, `site-${++opened}`, 'page');
    },
    async stopBackground() {
      await watchBackground();
      // Seen suspended by a look taken after this call; true if it ran since the last stop.
      const after = life.polls;
      await waitFor(async () => life.polls > after && !life.running, 'Firefox to suspend the idle event page', (o.idleTimeoutMs ?? 30_000) + 20_000);
      const ran = life.ranSinceStop;
      life.ranSinceStop = false;
      return ran;
    },
    suspensions: () => life.suspensions,
    async inBackground<T>(fn: string) {
      return (await ext()).eval<T>(`(async () => {
        const api = globalThis.browser;
        const bg = api.extension.getBackgroundPage() ?? await api.runtime.getBackgroundPage();
        return await (${fn})(bg);
      })()`);
    },
    async inContentScript<T>(t: Tab, fn: string) {
      const id = await tabId(t);
      return (await ext()).eval<T>(`(async () => {
        const r = await browser.scripting.executeScript({ target: { tabId: ${id} }, func: ${fn} });
        return r[0] ? r[0].result ?? null : null;
      })()`);
    },
    get requests(): Seen[] {
      const inTabs = [...seen.values()].map((r): Seen => ({ url: r.url, host: new URL(r.url).hostname, by: kinds.get(r.context ?? '') ?? 'unknown', type: r.type }));
      const leaving = h.outside.map((line): Seen => {
        const [method, target = ''] = line.split(' ');
        const url = new URL(method === 'CONNECT' ? `https://${target}` : target).href;
        return { url, host: new URL(url).hostname, by: 'outside', type: method === 'CONNECT' ? 'connect' : 'other' };
      });
      return [...inTabs, ...leaving];
    },
    logs,
    errors: () => logs().filter((l) => errorTypes.has(l.type)),
  };
}

export function openSession(browser: BrowserName, o: SessionOptions): Promise<Session> {
  return browser === 'chromium' ? chromiumSession(o) : firefoxSession(o);
}
