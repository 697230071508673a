/**
 * Privacy (issue 6; in Firefox too since issue 14), proven on the built extension in Chromium and
 * in Firefox during a full coaching session in Gmail and in Zendesk (with a real CKEditor 5),
 * across a background stop (Chromium: the service worker stopped through CDP; Firefox: the event
 * page suspended by Firefox once idle):
 * - every request of the session is recorded. Chromium: every request of the helpdesk pages, the
 *   extension's pages and its service worker (PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS makes
 *   the worker's own requests visible). Firefox: every request of every tab over WebDriver BiDi
 *   (the helpdesk pages, their content scripts, the extension's pages), and, since BiDi does not
 *   see the event page, a proxy Firefox is pointed at, which sees whatever would leave the browser
 *   from any context and refuses it. The only requests allowed are the fixture pages themselves,
 *   the test's own CKEditor script, the extension's packaged files, the site icon Firefox asks for
 *   its tab strip, data: addresses (nothing is sent), and, at the proxy, Firefox's own services.
 *   No rule pack is configured, so no other address is allowed.
 * - the customer's words and the agent's typed words are in storage.session (where the analysis
 *   lives, cleared when the browser closes) and nowhere else: not in storage.local or
 *   storage.sync, not in the extension origin's localStorage, IndexedDB or Cache Storage, not in
 *   the helpdesk origins' storage, and in no console line of the background, the sidebars, the
 *   options page, the content scripts or the pages (Firefox: every console call of every content
 *   context, printed by the browser).
 */
import { expect, it } from 'vitest';
import type { Seen, Tab } from './helpers/browsers.ts';
import { describeInBrowsers } from './helpers/contract.ts';
import { ckeditorText, count, customerOf, flagSel, innerText, mountCkeditor, POLL, retype, storageDump } from './helpers/drive.ts';
import { CKEDITOR_URL, GMAIL_EDITOR, GMAIL_URL, gmailServed, ZENDESK_EDITOR, ZENDESK_URL, zendeskServed } from './helpers/sites.ts';

const ZD_EDITOR = ZENDESK_EDITOR('48213');
/** Words nobody else uses, typed by the agent, so a leak cannot hide behind common words. */
const GMAIL_DRAFT = "Quixotically marmalade aside, that's our policy, please calm down.";
const ZENDESK_DRAFT = 'Zephyrous lighthouse keeper here: calm down, that is our policy.';
const TYPED_WORDS = ['quixotically', 'marmalade', 'zephyrous', 'lighthouse'];
/**
 * The proxy sees the whole browser, and Firefox keeps asking its own services (remote settings)
 * for updates: those connections are Firefox's, not the extension's, and carry no page content.
 */
const FIREFOX_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com)$/;

/** Distinctive words (9+ letters) of the customer's own messages on screen. */
async function customerWords(tab: Tab, selector: string): Promise<string[]> {
  const text = await tab.eval<string>(`Array.from(document.querySelectorAll(${JSON.stringify(selector)})).map((e) => e.innerText).join(' ')`);
  return [...new Set(text.toLowerCase().match(/[a-z]{9,}/g) ?? [])];
}

/**
 * Everything a script running in a helpdesk page's origin (the content script runs there) could
 * have written: localStorage, sessionStorage, cookies, IndexedDB names and Cache Storage names.
 */
const ORIGIN_STORAGE = `(async () => ({
  origin: location.origin,
  localStorage: Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
  sessionStorage: Object.fromEntries(Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key)])),
  cookie: document.cookie,
  indexedDB: (await indexedDB.databases()).map((d) => d.name),
  caches: await caches.keys(),
}))()`;

const OPTIONS = { served: [gmailServed, zendeskServed], url: GMAIL_URL, extension: true, record: true, idleTimeoutMs: 2_000 };

describeInBrowsers('privacy', OPTIONS, (s) => {
  /** The helpdesk pages coached in the session, kept open so their origins' storage can be read. */
  const helpdesks: Tab[] = [];
  const words: string[] = [...TYPED_WORDS];

  it('coaches a full session in Gmail (type, flag, Replace, Insert, next thread) and Zendesk (CKEditor), across a background stop', async () => {
    const { site: gmail, sidebar: sb } = s();
    helpdesks.push(gmail);
    await expect.poll(() => count(sb, '[data-testid="mood"]'), POLL).toBe(1);
    words.push(...await customerWords(gmail, '[data-message-id] .a3s'));
    await retype(gmail, GMAIL_EDITOR, GMAIL_DRAFT);
    await expect.poll(() => count(sb, flagSel('avoid-calm-down')), POLL).toBe(1);
    await sb.click(`${flagSel('avoid-calm-down')} [data-testid="replace"]`);
    await expect.poll(() => count(sb, flagSel('avoid-calm-down')), POLL).toBe(0);
    expect(await s().stopBackground()).toBe(true);
    await sb.click('[data-testid="insert"]');
    await expect.poll(async () => (await innerText(gmail, GMAIL_EDITOR)).length, POLL).toBeGreaterThan(GMAIL_DRAFT.length);
    const first = await customerOf(sb);
    await gmail.click('#next-conversation');
    await expect.poll(() => customerOf(sb), POLL).not.toBe(first);
    words.push(...await customerWords(gmail, '[data-message-id] .a3s'));

    const zd = await s().open(ZENDESK_URL);
    helpdesks.push(zd);
    await mountCkeditor(zd, ZD_EDITOR);
    const zsb = await s().sidebarFor(zd);
    await expect.poll(() => count(zsb, '[data-testid="mood"]'), POLL).toBe(1);
    words.push(...await customerWords(zd, '[data-ticket-id="48213"] [data-test-id="omni-log-item-message"][type="end-user"]'));
    await zd.click(ZD_EDITOR);
    await zd.type(ZENDESK_DRAFT);
    await expect.poll(() => count(zsb, flagSel('avoid-policy-talk')), POLL).toBe(1);
    await zsb.click(`${flagSel('avoid-calm-down')} [data-testid="replace"]`);
    await expect.poll(() => ckeditorText(zd, ZD_EDITOR), POLL).not.toMatch(/calm down/i);
    expect(words.length).toBeGreaterThan(TYPED_WORDS.length + 5);
  }, 60_000);

  it('makes no request except the pages themselves and its own packaged files; nothing leaves the browser', () => {
    const ours = s().extensionBase;
    const pages = new Set([GMAIL_URL, ZENDESK_URL].map((u) => u.split('#')[0]!));
    const origins = new Set([GMAIL_URL, ZENDESK_URL].map((u) => new URL(u).origin));
    const requests = s().requests;
    const expected = (r: Seen): boolean =>
      r.url.startsWith(ours)
      || (r.by === 'page' && r.type === 'document' && pages.has(r.url.split('#')[0]!))
      || (r.by === 'page' && r.url === CKEDITOR_URL)
      // A data: address is bytes the page already holds (CKEditor's blank image): nothing is sent.
      || (r.by === 'page' && r.url.startsWith('data:'))
      // Firefox asks for the site's icon for its tab strip (the browser's request, in the page's context).
      || (r.by === 'page' && r.type === 'image' && origins.has(new URL(r.url).origin) && new URL(r.url).pathname === '/favicon.ico')
      || (r.by === 'outside' && FIREFOX_OWN.test(r.host));
    const unexpected = requests.filter((r) => !expected(r));
    const fromExtension = requests.filter((r) => r.by === 'worker' || r.by === 'extension-page' || r.url.startsWith(ours));
    const byPages = requests.filter((r) => r.by === 'page');
    const outside = requests.filter((r) => r.by === 'outside');
    console.log(`privacy in ${s().browser}: ${requests.length} requests observed (${fromExtension.length} by the extension's pages and background, all to its own files; ${byPages.length} by the helpdesk pages${s().browser === 'firefox' ? `; ${outside.length} reached the proxy, all to Firefox's own services` : ''}), ${unexpected.length} unexpected`);
    expect(unexpected).toEqual([]);
    // The recorder saw the session: both helpdesk documents were loaded through it.
    expect(new Set(byPages.filter((r) => r.type === 'document').map((r) => r.url.split('#')[0]!))).toEqual(pages);
    expect(fromExtension.filter((r) => !r.url.startsWith(ours))).toEqual([]);
  });

  it('keeps conversation text in storage.session only, never in storage.local or sync', async () => {
    const hit = (data: unknown): string[] => {
      const text = JSON.stringify(data).toLowerCase();
      return words.filter((w) => text.includes(w));
    };
    const ext = await s().ext();
    const session = await storageDump(ext, 'session');
    // The search can find words: the analysis in storage.session quotes the customer's words.
    expect(hit(session).length).toBeGreaterThan(0);
    expect(hit(await storageDump(ext, 'local'))).toEqual([]);
    expect(hit(await storageDump(ext, 'sync'))).toEqual([]);
    const other = await ext.eval(`(async () => ({
      localStorage: localStorage.length,
      indexedDB: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
    }))()`);
    expect(other).toEqual({ localStorage: 0, indexedDB: 0, caches: 0 });
  });

  it("writes nothing of a conversation into the helpdesk origins' storage, where the content script runs", async () => {
    expect(helpdesks.length).toBe(2);
    for (const page of helpdesks) {
      const stored = await page.eval<Record<string, unknown>>(ORIGIN_STORAGE);
      const text = JSON.stringify(stored).toLowerCase();
      expect(words.filter((w) => text.includes(w)), String(stored.origin)).toEqual([]);
      expect(text, String(stored.origin)).not.toContain('cooldown');
    }
  });

  it('never writes conversation text to any console', () => {
    const logs = s().logs();
    const leaks = logs.filter((l) => words.some((w) => l.text.toLowerCase().includes(w)));
    console.log(`privacy in ${s().browser}: ${logs.length} console lines captured, ${leaks.length} with conversation words; searched for ${words.length} words`);
    expect(leaks).toEqual([]);
    expect(s().errors()).toEqual([]);
  });

  it("the recorders see what they must catch: the background's fetch and log line, a content script's and a sidebar's fetch, a word in a helpdesk origin's storage", async () => {
    const { site: gmail, sidebar: sb, browser } = s();
    const probes = (): string[] => s().requests.filter((r) => r.host === 'leak.example').map((r) => `${r.by} ${r.url}`).sort();
    expect(probes()).toEqual([]);
    // Firefox's recorder sees the event page's requests where they leave the browser (at the proxy: the host only).
    const background = browser === 'chromium' ? 'worker https://leak.example/worker' : 'outside https://leak.example/';
    await s().inBackground(`(g) => {
      g.console.log('probe marmalade');
      return g.fetch('https://leak.example/worker').then(() => 0, () => 0);
    }`);
    await expect.poll(probes, POLL).toEqual([background]);
    await expect.poll(() => s().logs().some((l) => l.source === (browser === 'chromium' ? 'worker' : 'browser') && l.text.includes('marmalade')), POLL).toBe(true);
    await s().inContentScript(gmail, "() => fetch('https://leak.example/content').then(() => 0, () => 0)");
    await expect.poll(probes, POLL).toEqual([background, 'page https://leak.example/content'].sort());
    // Nothing intercepts an extension page's request in Firefox: the proxy sees it leave as well.
    await sb.eval("fetch('https://leak.example/sidebar').then(() => 0, () => 0)");
    await expect.poll(probes, POLL).toEqual([background, 'page https://leak.example/content', 'extension-page https://leak.example/sidebar', ...(browser === 'firefox' ? [background] : [])].sort());
    // And a conversation word written into a helpdesk origin's storage is found there.
    await gmail.eval("localStorage.setItem('planted', 'zephyrous')");
    expect(JSON.stringify(await gmail.eval(ORIGIN_STORAGE))).toContain('zephyrous');
    await gmail.eval("localStorage.removeItem('planted')");
  });
});
