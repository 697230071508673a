// Chromium with the built extension (dist/chrome) on the demo helpdesk pages, for `npm start`
// and `npm run docs:screenshots`. Pages are answered by context.route from demo/pages.mjs, so the
// real content script runs at real helpdesk addresses and nothing reaches the network.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoSites } from '../demo/pages.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distChrome = path.join(repoRoot, 'dist/chrome');

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Launches Chromium with the extension; `headless` uses the new headless mode, which runs extensions. */
export async function launchDemo({ headless, colorScheme = 'light', viewport = { width: 1280, height: 800 } }) {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  const profile = mkdtempSync(path.join(tmpdir(), 'cooldown-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false, // the new headless mode is asked for below when wanted
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: headless ? viewport : null,
    colorScheme,
    args: [
      ...(headless ? ['--headless=new', '--disable-gpu', '--hide-scrollbars'] : []),
      `--disable-extensions-except=${distChrome}`,
      `--load-extension=${distChrome}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check',
    ],
  });
  const sites = demoSites();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const hit = sites.find((s) => s.host === new URL(url).hostname)?.respond(url);
    if (hit) return route.fulfill({ status: 200, body: hit.body, contentType: hit.contentType });
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
    return route.abort();
  });
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
    ?? await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, extensionId, close };
}

/** The extension's tab id for the tab showing `prefix`, asked from an extension page. */
export async function tabIdOf(extensionPage, prefix) {
  return extensionPage.evaluate(async (p) => {
    const tabs = await globalThis.chrome.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith(p));
    if (tab?.id === undefined) throw new Error(`no tab at ${p}`);
    return tab.id;
  }, prefix);
}

/** Opens `url` and the sidebar bound to it (sidebar.html?tabId=N, what the pop-out does); waits until it coaches. */
export async function openCoached(demo, url, { sidebarPage } = {}) {
  const site = await demo.context.newPage();
  await site.goto(url);
  const sidebar = sidebarPage ?? await demo.context.newPage();
  await sidebar.goto(`chrome-extension://${demo.extensionId}/sidebar.html`);
  const tabId = await tabIdOf(sidebar, url.split('#')[0]);
  await sidebar.goto(`chrome-extension://${demo.extensionId}/sidebar.html?tabId=${tabId}`);
  await sidebar.locator('[data-testid="mood"][data-score]').waitFor({ timeout: 20_000 });
  await sidebar.locator('[data-testid="flag"]').first().waitFor({ timeout: 20_000 });
  return { site, sidebar, tabId };
}
