/**
 * Shared tools for the reliability, privacy and security specs (issue 6): every console line of
 * every context the extension runs in, worker stops that cannot hang, a real CKEditor 5 in
 * Zendesk's composer, extension-page helpers, and a seeded random sequence.
 */
import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import { launchChromium, tabIdOf, type ChromiumHarness } from './chromium.ts';
import { CKEDITOR_URL, type Served } from './sites.ts';

export const POLL = { timeout: 15_000, interval: 100 };

export interface LogLine { source: string; type: string; text: string }

export interface Kit extends ChromiumHarness {
  /** Every console message and page error: worker, extension pages, helpdesk pages (content script included). */
  logs: LogLine[];
  /** Console errors and uncaught page errors from any context. */
  errors(): LogLine[];
  /** An extension page (options.html) to run chrome.* calls from. */
  ext: Page;
  watch(page: Page, label: string): Page;
}

export async function launchKit(served: Served[], opts: { swNetworkEvents?: boolean } = {}): Promise<Kit> {
  // Must be set before launch: makes context 'request' events include the service worker's own.
  if (opts.swNetworkEvents) process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const h = await launchChromium(served);
  const logs: LogLine[] = [];
  const line = (source: string) => (m: ConsoleMessage): void => {
    const where = m.location().url;
    logs.push({ source: where.startsWith('chrome-extension://') && !source.startsWith('worker') ? `${source} (extension)` : source, type: m.type(), text: m.text() });
  };
  const watchWorker = (w: Worker): void => {
    if (w.url().startsWith('chrome-extension://')) w.on('console', line('worker'));
  };
  h.context.on('serviceworker', watchWorker);
  h.context.serviceWorkers().forEach(watchWorker);
  const watch = (page: Page, label: string): Page => {
    page.on('console', line(label));
    page.on('pageerror', (e) => logs.push({ source: label, type: 'pageerror', text: e.message }));
    return page;
  };
  const ext = watch(await h.context.newPage(), 'options');
  await ext.goto(`chrome-extension://${h.extensionId}/options.html`);
  return {
    ...h,
    logs,
    ext,
    watch,
    errors: () => logs.filter((l) => l.type === 'error' || l.type === 'pageerror'),
  };
}

/** A sidebar page bound to the tab showing `site` (the pop-out's sidebar.html?tabId=N). */
export async function sidebarFor(k: Kit, site: Page, label = 'sidebar'): Promise<Page> {
  const tabId = await tabIdFor(k, site);
  const page = k.watch(await k.context.newPage(), label);
  await page.goto(`chrome-extension://${k.extensionId}/sidebar.html?tabId=${tabId}`);
  await site.bringToFront();
  return page;
}

/** The extension's tab id for a Playwright page (matched by a marker in its window name). */
export async function tabIdFor(k: Kit, site: Page): Promise<number> {
  const mark = `cooldown-tab-${Math.random().toString(36).slice(2)}`;
  const url = site.url();
  // Tabs sharing a URL are told apart by a unique hash-free query marker in the title.
  await site.evaluate((m) => {
    (window as unknown as { __title: string }).__title = document.title;
    document.title = m;
  }, mark);
  try {
    return await k.ext.evaluate(async ({ m, u }) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; title?: string; url?: string }[]> } } }).chrome;
      for (let i = 0; i < 50; i++) {
        const tab = (await api.tabs.query({})).find((t) => t.title === m);
        if (tab?.id !== undefined) return tab.id;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no tab for ${u}`);
    }, { m: mark, u: url });
  } finally {
    await site.evaluate(() => {
      document.title = (window as unknown as { __title: string }).__title;
    });
  }
}

export { tabIdOf };

/**
 * Stops the extension's service worker through CDP (what Chrome does to an idle worker) and
 * waits, at most `timeoutMs`, for CDP to report it stopped. Never hangs: a worker that was not
 * running simply stays stopped.
 */
export async function stopWorker(k: Pick<ChromiumHarness, 'context' | 'extensionId'>, page: Page, timeoutMs = 5_000): Promise<boolean> {
  const cdp = await k.context.newCDPSession(page);
  const scope = `chrome-extension://${k.extensionId}/`;
  type Versions = { versions: { scriptURL: string; runningStatus: string }[] };
  try {
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<boolean>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (e: Versions) => {
        const ours = e.versions.filter((v) => v.scriptURL.startsWith(scope));
        if (ours.length && ours.every((v) => v.runningStatus === 'stopped')) resolve(true);
      });
      setTimeout(() => resolve(false), timeoutMs);
    });
    await cdp.send('ServiceWorker.stopAllWorkers');
    return await stopped;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Mounts a real CKEditor 5 (what Zendesk runs) in the composer at `selector`; counts its data changes. */
export async function mountCkeditor(page: Page, selector: string): Promise<void> {
  await page.addScriptTag({ url: CKEDITOR_URL });
  await page.evaluate(async (sel) => {
    const w = window as unknown as { CKEDITOR: Record<string, unknown> & { InlineEditor: { create(el: Element, c: object): Promise<unknown> } }; __changes: number };
    const { InlineEditor, Essentials, Paragraph, Bold, Italic } = w.CKEDITOR;
    const el = document.querySelector(sel);
    if (!el) throw new Error('composer slot not found');
    const editor = await InlineEditor.create(el, { licenseKey: 'GPL', plugins: [Essentials, Paragraph, Bold, Italic] }) as { model: { document: { on(ev: string, fn: () => void): void } } };
    w.__changes = 0;
    editor.model.document.on('change:data', () => w.__changes++);
  }, selector);
  await page.waitForFunction((sel) => !!(document.querySelector(sel) as unknown as { ckeditorInstance?: unknown } | null)?.ckeditorInstance, selector);
}

/** CKEditor's own serialisation of the draft, as plain text. */
export function ckeditorText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as unknown as { ckeditorInstance?: { getData(): string } } | null;
    const data = el?.ckeditorInstance?.getData() ?? '';
    return (new DOMParser().parseFromString(data, 'text/html').body.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  }, selector);
}

/** Everything in a storage area, as seen from an extension page. */
export function storageDump(k: Kit, area: 'local' | 'sync' | 'session'): Promise<Record<string, unknown>> {
  return k.ext.evaluate(async (a) => {
    const api = (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<Record<string, unknown>> }> } }).chrome;
    return api.storage[a]!.get(null);
  }, area);
}

export async function droppedCount(k: Kit): Promise<number> {
  const got = await storageDump(k, 'session');
  return typeof got['stats:dropped'] === 'number' ? got['stats:dropped'] : 0;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same fault sequence. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Selectors the specs share. */
export const flagSel = (rule: string): string => `[data-testid="flag"][data-rule="${rule}"]`;
export const flagRules = (sidebar: Page): Promise<string[]> =>
  sidebar.locator('[data-testid="flag"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule') ?? '').sort());

/** Polls `probe` until it is truthy (for hooks, where expect.poll is not allowed). */
export async function waitUntil<T>(probe: () => Promise<T>, what: string, timeoutMs = POLL.timeout): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL.interval));
  }
}
