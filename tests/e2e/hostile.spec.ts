/**
 * A misbehaving host page (issue 6), in Chromium with the built extension. The fixture DOM is
 * mutated from the test the way the real apps do it: the editor re-rendered, removed, moved into
 * an iframe; navigation in the middle of typing; several tabs and windows, the same ticket open
 * twice; the sidebar opened before the page. Throughout, the right conversation is shown and no
 * console of any context logs an error.
 *
 * And the extension never modifies the page unless the agent clicks Insert or Replace: a
 * MutationObserver in the page records nothing while the extension analyses, restarts and
 * re-reads; when the agent does click, the site's editor registers the change (its own input
 * events, CKEditor's model) and Ctrl+Z restores the previous text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ckeditorText, flagRules, launchKit, mountCkeditor, POLL, sidebarFor, stopWorker, tabIdFor, type Kit } from './helpers/kit.ts';
import { DEFAULT_TYPING_PAUSE_MS } from '../../src/shared/limits.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed, POLICY_AND_CALM, VALIDATING, ZENDESK_EDITOR, ZENDESK_URL, zendeskServed } from './helpers/sites.ts';

const ZD_EDITOR = ZENDESK_EDITOR('48213');
/**
 * An absence ("nothing was flagged") means something only once the content script could have
 * acted: its typing pause (400 ms by default), a worker round trip and a sidebar render.
 */
const SETTLE_MS = DEFAULT_TYPING_PAUSE_MS + 1_100;
const conversationOf = (sb: Page) => sb.locator('[data-testid="sidebar"]').getAttribute('data-conversation');
const customerOf = (sb: Page) => sb.locator('[data-testid="customer"]').textContent();
const hasEditor = (sb: Page) => sb.locator('[data-testid="insert"]').first().isEnabled();

async function retype(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 5 });
}

describe('hostile host pages in Chromium', () => {
  let k: Kit;

  beforeAll(async () => {
    k = await launchKit([gmailServed, zendeskServed]);
  });
  afterAll(async () => {
    await k?.close();
  });

  it('changes nothing in the page while it analyses, restarts and re-reads (no clicks)', async () => {
    const gmail = k.watch(await k.context.newPage(), 'gmail-observed');
    await gmail.goto(GMAIL_URL);
    await gmail.evaluate(() => {
      const w = window as unknown as { __mutations: string[] };
      w.__mutations = [];
      new MutationObserver((records) => {
        for (const r of records) w.__mutations.push(`${r.type} ${(r.target as Element).nodeName ?? ''} ${r.attributeName ?? ''}`);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const mutations = () => gmail.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);
    const sb = await sidebarFor(k, gmail, 'sidebar-observed');
    await expect.poll(() => sb.locator('[data-testid="mood"]').count(), POLL).toBe(1);
    await stopWorker(k, sb);
    const tabId = await tabIdFor(k, gmail);
    // The sidebar's "Check again": the worker asks the content script to read the page again.
    await k.ext.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome;
      await api.runtime.sendMessage({ kind: 'sidebar/refresh', tabId: id });
    }, tabId);
    const second = await sidebarFor(k, gmail, 'sidebar-observed-2');
    await expect.poll(() => second.locator('[data-testid="mood"]').count(), POLL).toBe(1);
    // tabIdFor retitles the page for a moment: those are the test's own mutations.
    const own = (m: string) => m.startsWith('childList TITLE');
    expect((await mutations()).filter((m) => !own(m))).toEqual([]);
    // The recorder works: the app's own change is seen.
    await gmail.evaluate(() => document.body.setAttribute('data-app', '1'));
    await expect.poll(async () => (await mutations()).filter((m) => !own(m)), POLL).toEqual(['attributes BODY data-app']);
    // No node carries anything of ours.
    const marks = await gmail.evaluate(() => Array.from(document.querySelectorAll('*')).flatMap((el) =>
      [...el.getAttributeNames().filter((a) => /cooldown/i.test(a) || /cooldown/i.test(el.getAttribute(a) ?? '')), ...(el.shadowRoot ? ['shadow'] : [])]));
    expect(marks).toEqual([]);
    await second.close();
    await sb.close();
    await gmail.close();
  });

  it("Gmail: Insert and Replace fire the editor's own input events, and Ctrl+Z restores the previous text", async () => {
    const gmail = k.watch(await k.context.newPage(), 'gmail-undo');
    await gmail.goto(GMAIL_URL);
    const sb = await sidebarFor(k, gmail, 'sidebar-undo');
    await retype(gmail, GMAIL_EDITOR, POLICY_AND_CALM);
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down', 'avoid-policy-talk']);
    await gmail.evaluate((sel) => {
      const w = window as unknown as { __inputs: number };
      w.__inputs = 0;
      document.querySelector(sel)!.addEventListener('input', () => w.__inputs++);
    }, GMAIL_EDITOR);
    const inputs = () => gmail.evaluate(() => (window as unknown as { __inputs: number }).__inputs);
    const text = async () => (await gmail.locator(GMAIL_EDITOR).innerText()).replace(/\u00a0/g, ' ').trim();
    const before = await text();
    await sb.locator('[data-testid="flag"][data-rule="avoid-calm-down"] [data-testid="replace"]').first().click();
    await expect.poll(text, POLL).not.toMatch(/calm down/i);
    expect(await inputs()).toBeGreaterThan(0);
    await gmail.keyboard.press('ControlOrMeta+Z');
    await expect.poll(text, POLL).toBe(before);
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down', 'avoid-policy-talk']);
    const n = await inputs();
    await sb.locator('[data-testid="insert"]').first().click();
    await expect.poll(async () => (await text()).length, POLL).toBeGreaterThan(before.length);
    expect(await inputs()).toBeGreaterThan(n);
    await gmail.keyboard.press('ControlOrMeta+Z');
    await expect.poll(text, POLL).toBe(before);
    await sb.close();
    await gmail.close();
  });

  it("Zendesk (CKEditor 5): Insert and Replace land in the editor's model, and Ctrl+Z restores the previous text", async () => {
    const zd = k.watch(await k.context.newPage(), 'zendesk-undo');
    await zd.goto(ZENDESK_URL);
    await mountCkeditor(zd, ZD_EDITOR);
    const sb = await sidebarFor(k, zd, 'sidebar-zd-undo');
    await zd.locator(ZD_EDITOR).click();
    await zd.keyboard.type(POLICY_AND_CALM, { delay: 5 });
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down', 'avoid-policy-talk']);
    const changes = () => zd.evaluate(() => (window as unknown as { __changes: number }).__changes);
    const before = await ckeditorText(zd, ZD_EDITOR);
    const n = await changes();
    await sb.locator('[data-testid="flag"][data-rule="avoid-calm-down"] [data-testid="replace"]').first().click();
    await expect.poll(() => ckeditorText(zd, ZD_EDITOR), POLL).not.toMatch(/calm down/i);
    expect(await changes()).toBeGreaterThan(n);
    await zd.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => ckeditorText(zd, ZD_EDITOR), POLL).toBe(before);
    await sb.locator('[data-testid="insert"]').first().click();
    await expect.poll(async () => (await ckeditorText(zd, ZD_EDITOR)).length, POLL).toBeGreaterThan(before.length);
    await zd.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => ckeditorText(zd, ZD_EDITOR), POLL).toBe(before);
    await sb.close();
    await zd.close();
  });

  it('follows the editor when the app re-renders it, removes it, or moves it into an iframe', async () => {
    const gmail = k.watch(await k.context.newPage(), 'gmail-rerender');
    await gmail.goto(GMAIL_URL);
    const sb = await sidebarFor(k, gmail, 'sidebar-rerender');
    const conversation = await (async () => {
      await expect.poll(() => conversationOf(sb), POLL).toMatch(/\S/);
      return conversationOf(sb);
    })();
    await retype(gmail, GMAIL_EDITOR, POLICY_AND_CALM);
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down', 'avoid-policy-talk']);

    // Re-render: the app swaps the editor node for a new one holding the same draft.
    await gmail.evaluate((sel) => {
      const old = document.querySelector(sel)!;
      const fresh = old.cloneNode(true) as HTMLElement;
      old.replaceWith(fresh);
    }, GMAIL_EDITOR);
    await retype(gmail, GMAIL_EDITOR, VALIDATING);
    await expect.poll(() => flagRules(sb), POLL).toEqual([]);
    await expect.poll(() => sb.locator('[data-testid="step"][data-step="validate"]').getAttribute('data-status'), POLL).toBe('drafted');
    await retype(gmail, GMAIL_EDITOR, 'Please calm down.');
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down']);

    // Removed: nothing to insert into, and the sidebar says so.
    await gmail.evaluate((sel) => {
      const w = window as unknown as { __editor: Element };
      w.__editor = document.querySelector(sel)!;
      w.__editor.remove();
    }, GMAIL_EDITOR);
    await expect.poll(() => hasEditor(sb), POLL).toBe(false);
    await expect.poll(() => flagRules(sb), POLL).toEqual([]);

    // Moved into an iframe (a frame the extension does not run in): still no editor, no errors.
    await gmail.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.id = 'moved';
      frame.srcdoc = '<div g_editable="true" contenteditable="true" role="textbox">Calm down, it is our policy.</div>';
      document.querySelector('[data-message-id]')!.parentElement!.append(frame);
    });
    await gmail.frameLocator('#moved').locator('[contenteditable]').click();
    await gmail.keyboard.type(' Really.', { delay: 5 });
    // Asserted only after the typing pause has passed: straight after typing it held whatever happened.
    await gmail.waitForTimeout(SETTLE_MS);
    expect(await hasEditor(sb)).toBe(false);
    expect(await flagRules(sb)).toEqual([]);

    // Back in the page: coached again.
    await gmail.evaluate(() => {
      document.getElementById('moved')!.remove();
      const w = window as unknown as { __editor: Element };
      document.querySelector('[data-message-id]')!.parentElement!.append(w.__editor);
    });
    await expect.poll(() => hasEditor(sb), POLL).toBe(true);
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down']);
    expect(await conversationOf(sb)).toBe(conversation);
    await sb.close();
    await gmail.close();
  });

  it('shows the right conversation when the page navigates in the middle of typing', async () => {
    const gmail = k.watch(await k.context.newPage(), 'gmail-nav');
    await gmail.goto(GMAIL_URL);
    const sb = await sidebarFor(k, gmail, 'sidebar-nav');
    await expect.poll(() => customerOf(sb), POLL).toMatch(/\S/);
    const first = { conversation: await conversationOf(sb), customer: await customerOf(sb) };
    // SPA navigation (hash change, thread re-rendered) while keys are still arriving.
    await gmail.locator(GMAIL_EDITOR).click();
    const typing = gmail.keyboard.type(POLICY_AND_CALM, { delay: 20 });
    await new Promise((r) => setTimeout(r, 200));
    await gmail.evaluate(() => document.getElementById('next-conversation')!.click());
    await typing;
    await expect.poll(() => conversationOf(sb), POLL).not.toBe(first.conversation);
    await expect.poll(() => customerOf(sb), POLL).not.toBe(first.customer);
    const second = { conversation: await conversationOf(sb), customer: await customerOf(sb) };
    // A full reload mid-typing: back to the first thread, its own analysis.
    await gmail.locator(GMAIL_EDITOR).click();
    const typing2 = gmail.keyboard.type(POLICY_AND_CALM, { delay: 20 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    await gmail.goto(GMAIL_URL);
    await typing2;
    await expect.poll(() => conversationOf(sb), POLL).toBe(first.conversation);
    await expect.poll(() => customerOf(sb), POLL).toBe(first.customer);
    expect(second.conversation).not.toBe(first.conversation);
    await sb.close();
    await gmail.close();
  });

  it('keeps tabs, windows and the same ticket open twice apart; a sidebar opened before the page catches up', async () => {
    // The sidebar first, bound to a tab that is not a helpdesk yet. The extension opens that tab
    // itself, so it knows the id of a tab it may not look into.
    const [later, laterId] = await Promise.all([
      k.context.waitForEvent('page'),
      k.ext.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { tabs: { create(o: object): Promise<{ id?: number }> } } }).chrome;
        return (await api.tabs.create({ url: 'about:blank' })).id!;
      }),
    ]);
    k.watch(later, 'zendesk-later');
    const early = k.watch(await k.context.newPage(), 'sidebar-early');
    await early.goto(`chrome-extension://${k.extensionId}/sidebar.html?tabId=${laterId}`);
    await later.bringToFront();
    await expect.poll(() => early.locator('[data-testid="empty"]').getAttribute('data-reason'), POLL).toBe('not-helpdesk');
    await later.goto(ZENDESK_URL);
    await expect.poll(() => conversationOf(early), POLL).toMatch(/48213/);
    await expect.poll(() => early.locator('[data-testid="mood"]').count(), POLL).toBe(1);

    // The same ticket in a second tab, and Gmail in a second window.
    const twin = k.watch(await k.context.newPage(), 'zendesk-twin');
    await twin.goto(ZENDESK_URL);
    const twinSb = await sidebarFor(k, twin, 'sidebar-twin');
    const [win] = await Promise.all([
      k.context.waitForEvent('page'),
      k.ext.evaluate(async (url) => {
        const api = (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome;
        await api.windows.create({ url });
      }, GMAIL_URL),
    ]);
    k.watch(win, 'gmail-window');
    // The new window's page can still be on about:blank here; reading it mid-navigation destroys
    // the evaluation context (seen under load), so wait for the helpdesk address first.
    await win.waitForURL((u) => u.href.startsWith('https://mail.google.com/'));
    await win.waitForLoadState();
    const winSb = await sidebarFor(k, win, 'sidebar-window');
    await expect.poll(() => winSb.locator('[data-testid="mood"]').count(), POLL).toBe(1);

    await retype(later, ZD_EDITOR, POLICY_AND_CALM);
    await retype(twin, ZD_EDITOR, VALIDATING);
    await retype(win, GMAIL_EDITOR, 'Please calm down.');
    await expect.poll(() => flagRules(early), POLL).toEqual(['avoid-calm-down', 'avoid-policy-talk']);
    await expect.poll(() => twinSb.locator('[data-testid="step"][data-step="validate"]').getAttribute('data-status'), POLL).toBe('drafted');
    await expect.poll(() => flagRules(winSb), POLL).toEqual(['avoid-calm-down']);
    expect(await flagRules(twinSb)).toEqual([]);
    expect(await conversationOf(early)).toBe(await conversationOf(twinSb));
    expect(await conversationOf(winSb)).not.toBe(await conversationOf(early));
    // Closing one twin leaves the other's analysis alone.
    await twin.close();
    await retype(later, ZD_EDITOR, 'Calm down.');
    await expect.poll(() => flagRules(early), POLL).toEqual(['avoid-calm-down']);
    await expect.poll(() => twinSb.locator('[data-testid="mood"]').count(), POLL).toBe(0);
  });

  // Checked after every test, so it cannot pass by running alone (a lone 'no errors' test
  // after the others saw nothing when run by itself).
  afterEach(() => {
    expect(k.errors(), 'errors logged during this test').toEqual([]);
  });
});
