/**
 * Real headless Chromium with the built extension (dist/chrome) loaded, via playwright-core.
 * One browser per spec file; pages are served from the fixtures with context.route().
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distChrome } from './paths.ts';
import type { Served } from './sites.ts';

export interface ChromiumHarness {
  context: BrowserContext;
  extensionId: string;
  /** Errors logged by the extension's own contexts (worker, sidebar). */
  extensionErrors: string[];
  /** Everything the worker logged, newest last (the last 50), for a failed test's diagnosis. */
  workerLog: string[];
  close(): Promise<void>;
}

export async function launchChromium(served: Served[], options: { extensionDir?: string } = {}): Promise<ChromiumHarness> {
  const profile = mkdtempSync(path.join(tmpdir(), 'cooldown-e2e-'));
  const extensionDir = options.extensionDir ?? distChrome;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false, // the new headless mode is asked for below; it runs extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const extensionErrors: string[] = [];
  const workerLog: string[] = [];
  const watchWorker = (w: Worker): void => {
    if (!w.url().startsWith('chrome-extension://')) return;
    workerLog.push(`${new Date().toISOString()} worker started`);
    w.on('close', () => workerLog.push(`${new Date().toISOString()} worker closed`));
    w.on('console', (m) => {
      if (m.type() === 'error') extensionErrors.push(`worker: ${m.text()}`);
      workerLog.push(`${new Date().toISOString()} ${m.type()}: ${m.text().slice(0, 300)}`);
      if (workerLog.length > 50) workerLog.shift();
    });
  };
  context.on('serviceworker', watchWorker);
  context.serviceWorkers().forEach(watchWorker);

  // No network: everything is either a fixture or refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const host = new URL(url).hostname;
    const hit = served.find((s) => s.host === host)?.respond(url);
    if (hit) return route.fulfill({ status: 200, body: hit.body, contentType: hit.contentType });
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
    return route.abort();
  });

  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
    ?? await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') });
  const extensionId = new URL(worker.url()).host;
  const harness: ChromiumHarness = {
    context,
    extensionId,
    extensionErrors,
    workerLog,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  // Pages opened while the extension is still installing sometimes never get its content script
  // (seen under load with this build and the one before it): wait as an agent would.
  await waitForInstalled(harness);
  return harness;
}

/** The extension's id for a tab showing `urlPrefix` (asked from an extension page). */
export async function tabIdOf(sidebarOrExtensionPage: Page, urlPrefix: string): Promise<number> {
  return sidebarOrExtensionPage.evaluate(async (prefix) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith(prefix));
    if (tab?.id === undefined) throw new Error(`no tab at ${prefix}`);
    return tab.id;
  }, urlPrefix);
}

/** Opens the sidebar as a tab bound to `tabId` (what the pop-out does). */
export async function openSidebar(h: ChromiumHarness, site: Page, urlPrefix: string): Promise<Page> {
  const page = await h.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') h.extensionErrors.push(`sidebar: ${m.text()}`);
  });
  page.on('pageerror', (e) => h.extensionErrors.push(`sidebar: ${e.message}`));
  await page.goto(`chrome-extension://${h.extensionId}/sidebar.html`);
  const tabId = await tabIdOf(page, urlPrefix);
  await page.goto(`chrome-extension://${h.extensionId}/sidebar.html?tabId=${tabId}`);
  await site.bringToFront();
  return page;
}

/**
 * Stops the extension's service worker through CDP, as Chrome does when it idles, and waits
 * until CDP reports it stopped. Returns a probe that resolves when the worker runs again (the
 * next event — a message from the content script — starts it).
 */
export async function stopServiceWorker(h: ChromiumHarness, page: Page): Promise<{ restarted: Promise<void>; detach(): Promise<void> }> {
  const cdp = await h.context.newCDPSession(page);
  const scope = `chrome-extension://${h.extensionId}/`;
  type Versions = { versions: { scriptURL: string; runningStatus: string }[] };
  const statusIs = (status: string) => new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', (e: Versions) => {
      if (e.versions.some((v) => v.scriptURL.startsWith(scope) && v.runningStatus === status)) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  const stopped = statusIs('stopped');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  const restarted = statusIs('running');
  return { restarted, detach: () => cdp.detach() };
}

/**
 * Resolves once the extension finished installing (its first-run tab is open). A page loaded
 * before that can miss its content script under load (seen on 2 busy cores: the sidebar stayed
 * "not connected"); an agent, too, opens the helpdesk after installing.
 */
export async function waitForInstalled(h: ChromiumHarness, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!h.context.pages().some((p) => p.url().startsWith(`chrome-extension://${h.extensionId}/options.html`))) {
    if (Date.now() > deadline) throw new Error('the extension did not open its first-run tab');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * What a failed test saw, in one text: where the sidebar is and what it shows, the tab's state as
 * the worker wrote it, whether the site's content script still answers, and the worker's log.
 * Printed on failure only (see `reportOnFailure`), so a failure on a busy CI machine explains
 * itself instead of only timing out.
 */
export async function diagnose(h: ChromiumHarness, site: Page, sidebar: Page, urlPrefix: string): Promise<string> {
  const lines: string[] = [];
  const step = async (label: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      const value = await Promise.race([run(), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 5 s')), 5_000))]);
      lines.push(`${label}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    } catch (e) {
      lines.push(`${label}: failed: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  await step('site', async () => ({ url: site.url(), closed: site.isClosed(), ready: await site.evaluate(() => document.readyState) }));
  await step('sidebar', async () => sidebar.evaluate(() => ({
    url: location.href,
    ready: document.readyState,
    app: !!document.querySelector('[data-testid="sidebar"]'),
    empty: document.querySelector('[data-testid="empty"]')?.getAttribute('data-reason') ?? null,
    text: document.body?.innerText.replace(/\s+/g, ' ').slice(0, 300) ?? '',
  })));
  await step('service workers', async () => h.context.serviceWorkers().map((w) => w.url()));
  await step('tab state', async () => {
    const tabId = await tabIdOf(sidebar, urlPrefix);
    return sidebar.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
      const all = await api.storage.session.get(null);
      const mine = all[`tab:${id}`] as { status?: string; conversation?: { id?: string }; analysis?: unknown; at?: number } | undefined;
      return { tabId: id, keys: Object.keys(all), status: mine?.status ?? null, conversation: mine?.conversation?.id ?? null, analysis: !!mine?.analysis };
    }, tabId);
  });
  await step('content script answers resend', async () => {
    const tabId = await tabIdOf(sidebar, urlPrefix);
    return sidebar.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: object): Promise<unknown> } } }).chrome;
      try {
        return { reply: await api.tabs.sendMessage(id, { kind: 'background/resend' }) };
      } catch (e) {
        return { error: String(e) };
      }
    }, tabId);
  });
  // Each storage area as the worker sees it, and a round trip through the worker's router that
  // reads packs and policy (what building the engine waits for).
  await step('worker storage', async () => {
    const worker = h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`));
    if (!worker) return 'no worker';
    return worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session' | 'managed', { get(k: string | null): Promise<unknown> }> } }).chrome;
      const within = (p: Promise<unknown>): Promise<string> => Promise.race([
        p.then((v) => `ok ${JSON.stringify(v).length} chars`, (e: unknown) => `error ${String(e)}`),
        new Promise<string>((r) => setTimeout(() => r('no answer in 4 s'), 4_000)),
      ]);
      const [local, session, managed] = await Promise.all([within(api.storage.local.get(null)), within(api.storage.session.get(null)), within(api.storage.managed.get(null))]);
      return { local, session, managed };
    });
  });
  await step('worker answers packs-view', async () => sidebar.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome;
    return Promise.race([
      api.runtime.sendMessage({ kind: 'options/packs-view' }).then((v) => `ok ${JSON.stringify(v).length} chars`, (e: unknown) => `error ${String(e)}`),
      new Promise((r) => setTimeout(() => r('no answer in 4 s'), 4_000)),
    ]);
  }));
  lines.push(`extension errors: ${JSON.stringify(h.extensionErrors)}`);
  lines.push('worker log:', ...h.workerLog.map((l) => `  ${l}`));
  return lines.join('\n');
}
