/**
 * Privacy (issue 6), proven on the built extension in Chromium during a full coaching session in
 * Gmail and in Zendesk (with a real CKEditor 5), through a worker stop and restart:
 * - every request made by the helpdesk pages, the extension's pages and its service worker is
 *   recorded (PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS makes the worker's own requests
 *   visible; content-script fetches would show as page requests). The only requests allowed are
 *   the fixture pages themselves, the test's own CKEditor script, and the extension's packaged
 *   files (chrome-extension://<id>/…). No rule pack is configured, so no other address is allowed.
 * - the customer's words and the agent's typed words are in storage.session (where the analysis
 *   lives, cleared when the browser closes) and nowhere else: not in storage.local or
 *   storage.sync, not in the extension origin's localStorage, IndexedDB or Cache Storage, and in
 *   no console line of the worker, the sidebars, the options page or the content scripts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { ckeditorText, flagSel, launchKit, mountCkeditor, POLL, sidebarFor, stopWorker, storageDump, type Kit } from './helpers/kit.ts';
import { CKEDITOR_URL, GMAIL_EDITOR, GMAIL_URL, gmailServed, ZENDESK_EDITOR, ZENDESK_URL, zendeskServed } from './helpers/sites.ts';

const ZD_EDITOR = ZENDESK_EDITOR('48213');
/** Words nobody else uses, typed by the agent, so a leak cannot hide behind common words. */
const GMAIL_DRAFT = "Quixotically marmalade aside, that's our policy, please calm down.";
const ZENDESK_DRAFT = 'Zephyrous lighthouse keeper here: calm down, that is our policy.';
const TYPED_WORDS = ['quixotically', 'marmalade', 'zephyrous', 'lighthouse'];

interface Seen { url: string; from: 'worker' | 'page'; frame: string; type: string }

/** Distinctive words (9+ letters) of the customer's own messages on screen. */
async function customerWords(page: Page, selector: string): Promise<string[]> {
  const text = await page.locator(selector).evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText).join(' '));
  return [...new Set(text.toLowerCase().match(/[a-z]{9,}/g) ?? [])];
}

/**
 * Everything a script running in a helpdesk page's origin (the content script runs there) could
 * have written: localStorage, sessionStorage, cookies, IndexedDB names and Cache Storage names.
 */
function originStorage(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => ({
    origin: location.origin,
    localStorage: Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
    sessionStorage: Object.fromEntries(Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key)])),
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }));
}

describe('privacy in Chromium', () => {
  let k: Kit;
  /** The helpdesk pages coached in the session, kept open so their origins' storage can be read. */
  const helpdesks: Page[] = [];
  const requests: Seen[] = [];
  const words: string[] = [...TYPED_WORDS];

  beforeAll(async () => {
    k = await launchKit([gmailServed, zendeskServed], { swNetworkEvents: true });
    k.context.on('request', (r: Request) => {
      let frame: string;
      try {
        frame = r.frame().url();
      } catch {
        frame = ''; // service-worker requests have no frame
      }
      requests.push({ url: r.url(), from: r.serviceWorker() ? 'worker' : 'page', frame, type: r.resourceType() });
    });
  });
  afterAll(async () => {
    await k?.close();
  });

  it('coaches a full session in Gmail (type, flag, Replace, Insert, next thread) and Zendesk (CKEditor), across a worker stop', async () => {
    const gmail = k.watch(await k.context.newPage(), 'gmail');
    helpdesks.push(gmail);
    await gmail.goto(GMAIL_URL);
    const sb = await sidebarFor(k, gmail, 'sidebar-gmail');
    await expect.poll(() => sb.locator('[data-testid="mood"]').count(), POLL).toBe(1);
    words.push(...await customerWords(gmail, '[data-message-id] .a3s'));
    await gmail.locator(GMAIL_EDITOR).click();
    await gmail.keyboard.press('ControlOrMeta+A');
    await gmail.keyboard.press('Backspace');
    await gmail.keyboard.type(GMAIL_DRAFT, { delay: 5 });
    await expect.poll(() => sb.locator(flagSel('avoid-calm-down')).count(), POLL).toBe(1);
    await sb.locator(flagSel('avoid-calm-down')).locator('[data-testid="replace"]').first().click();
    await expect.poll(() => sb.locator(flagSel('avoid-calm-down')).count(), POLL).toBe(0);
    await stopWorker(k, sb);
    await sb.locator('[data-testid="insert"]').first().click();
    await expect.poll(async () => (await gmail.locator(GMAIL_EDITOR).innerText()).length, POLL).toBeGreaterThan(GMAIL_DRAFT.length);
    const first = await sb.locator('[data-testid="customer"]').textContent();
    await gmail.locator('#next-conversation').click();
    await expect.poll(() => sb.locator('[data-testid="customer"]').textContent(), POLL).not.toBe(first);
    words.push(...await customerWords(gmail, '[data-message-id] .a3s'));

    const zd = k.watch(await k.context.newPage(), 'zendesk');
    helpdesks.push(zd);
    await zd.goto(ZENDESK_URL);
    await mountCkeditor(zd, ZD_EDITOR);
    const zsb = await sidebarFor(k, zd, 'sidebar-zendesk');
    await expect.poll(() => zsb.locator('[data-testid="mood"]').count(), POLL).toBe(1);
    words.push(...await customerWords(zd, '[data-ticket-id="48213"] [data-test-id="omni-log-item-message"][type="end-user"]'));
    await zd.locator(ZD_EDITOR).click();
    await zd.keyboard.type(ZENDESK_DRAFT, { delay: 5 });
    await expect.poll(() => zsb.locator(flagSel('avoid-policy-talk')).count(), POLL).toBe(1);
    await zsb.locator(flagSel('avoid-calm-down')).locator('[data-testid="replace"]').first().click();
    await expect.poll(() => ckeditorText(zd, ZD_EDITOR), POLL).not.toMatch(/calm down/i);
    expect(words.length).toBeGreaterThan(TYPED_WORDS.length + 5);
  });

  it('makes no request except the pages themselves and its own packaged files', () => {
    const ours = `chrome-extension://${k.extensionId}/`;
    const pages = new Set([GMAIL_URL, ZENDESK_URL].map((u) => u.split('#')[0]));
    const expected = (r: Seen): boolean =>
      r.url.startsWith(ours)
      || (r.from === 'page' && r.type === 'document' && pages.has(r.url.split('#')[0]!))
      || (r.from === 'page' && r.url === CKEDITOR_URL);
    const unexpected = requests.filter((r) => !expected(r));
    const fromExtension = requests.filter((r) => r.from === 'worker' || r.url.startsWith(ours) || r.frame.startsWith(ours));
    console.log(`privacy: ${requests.length} requests observed (${fromExtension.length} by the extension's pages and worker, all to its own files; ${requests.length - fromExtension.length} by the helpdesk pages), ${unexpected.length} unexpected`);
    expect(unexpected).toEqual([]);
    expect(requests.length).toBeGreaterThan(5); // the recorder saw the session
    expect(fromExtension.filter((r) => !r.url.startsWith(ours))).toEqual([]);
  });

  it('keeps conversation text in storage.session only, never in storage.local or sync', async () => {
    const hit = (data: unknown): string[] => {
      const text = JSON.stringify(data).toLowerCase();
      return words.filter((w) => text.includes(w));
    };
    const session = await storageDump(k, 'session');
    // The search can find words: the analysis in storage.session quotes the customer's words.
    expect(hit(session).length).toBeGreaterThan(0);
    expect(hit(await storageDump(k, 'local'))).toEqual([]);
    expect(hit(await storageDump(k, 'sync'))).toEqual([]);
    const other = await k.ext.evaluate(async () => ({
      localStorage: localStorage.length,
      indexedDB: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
    }));
    expect(other).toEqual({ localStorage: 0, indexedDB: 0, caches: 0 });
  });

  it('writes nothing of a conversation into the helpdesk origins\' storage, where the content script runs', async () => {
    expect(helpdesks.length).toBe(2);
    for (const page of helpdesks) {
      const stored = await originStorage(page);
      const text = JSON.stringify(stored).toLowerCase();
      expect(words.filter((w) => text.includes(w)), String(stored.origin)).toEqual([]);
      expect(text, String(stored.origin)).not.toContain('cooldown');
    }
  });

  it('never writes conversation text to any console', () => {
    const leaks = k.logs.filter((l) => words.some((w) => l.text.toLowerCase().includes(w)));
    console.log(`privacy: ${k.logs.length} console lines captured (worker, sidebars, options, pages), ${leaks.length} with conversation words; searched for ${words.length} words`);
    expect(leaks).toEqual([]);
    expect(k.errors()).toEqual([]);
  });

  it('the recorders see what they must catch: a worker fetch, a content-script fetch, a worker log line', async () => {
    const worker = k.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${k.extensionId}/`))
      ?? await k.context.waitForEvent('serviceworker');
    const before = requests.length;
    await worker.evaluate(async () => {
      console.log('probe marmalade');
      await fetch('https://leak.example/worker').catch(() => undefined);
    });
    const gmail = k.context.pages().find((p) => p.url().startsWith('https://mail.google.com/'))!;
    const cdp = await k.context.newCDPSession(gmail);
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.origin.includes(k.extensionId)), POLL).toBe(true);
    const ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(k.extensionId))!;
    await cdp.send('Runtime.evaluate', { contextId: ctx.id, awaitPromise: true, expression: "fetch('https://leak.example/content').catch(() => 0)" });
    await cdp.detach();
    await expect.poll(() => requests.slice(before).map((r) => `${r.from} ${r.url}`).sort(), POLL)
      .toEqual(['page https://leak.example/content', 'worker https://leak.example/worker']);
    await expect.poll(() => k.logs.some((l) => l.source === 'worker' && l.text.includes('marmalade')), POLL).toBe(true);
    // And a conversation word written into a helpdesk origin's storage is found there.
    await gmail.evaluate(() => localStorage.setItem('planted', 'zephyrous'));
    expect(JSON.stringify(await originStorage(gmail))).toContain('zephyrous');
    await gmail.evaluate(() => localStorage.removeItem('planted'));
  });
});
