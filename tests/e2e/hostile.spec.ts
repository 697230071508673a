/**
 * A misbehaving host page (issue 6), with the built extension in Chromium and (issue 14) in
 * Firefox, written once. The fixture DOM is
 * mutated from the test the way the real apps do it: the editor re-rendered, removed, moved into
 * an iframe; navigation in the middle of typing; several tabs and windows, the same ticket open
 * twice; the sidebar opened before the page. Throughout, the right conversation is shown and no
 * console of any context logs an error.
 *
 * And the extension never modifies the page unless the agent clicks Insert or Replace: a
 * MutationObserver in the page records nothing while the extension analyses, restarts and
 * re-reads (Chromium: the service worker stopped through CDP; Firefox: the event page suspended
 * by Firefox once idle, woken by the re-read); when the agent does click, the site's editor registers the change (its own input
 * events, CKEditor's model) and Ctrl+Z restores the previous text.
 */
import { afterEach, expect, it } from 'vitest';
import type { Tab } from './helpers/browsers.ts';
import { describeInBrowsers } from './helpers/contract.ts';
import { attr, ckeditorText, conversationOf, count, customerOf, flagRules, innerText, mountCkeditor, POLL, retype, sleep, withApi } from './helpers/drive.ts';
import { DEFAULT_TYPING_PAUSE_MS } from '../../src/shared/limits.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed, POLICY_AND_CALM, VALIDATING, ZENDESK_EDITOR, ZENDESK_URL, zendeskServed } from './helpers/sites.ts';

const ZD_EDITOR = ZENDESK_EDITOR('48213');
/**
 * An absence ("nothing was flagged") means something only once the content script could have
 * acted: its typing pause (400 ms by default), a worker round trip and a sidebar render.
 */
const SETTLE_MS = DEFAULT_TYPING_PAUSE_MS + 1_100;
const MOOD = '[data-testid="mood"]';
/** The first Insert button's state: null when the sidebar shows none. */
const hasEditor = (sb: Tab): Promise<boolean | null> =>
  sb.eval<boolean | null>(`(() => { const b = document.querySelector('[data-testid="insert"]'); return b ? !b.disabled : null; })()`);
const validateStep = (sb: Tab): Promise<string | null> => attr(sb, '[data-testid="step"][data-step="validate"]', 'data-status');

describeInBrowsers('hostile host pages', { served: [gmailServed, zendeskServed], url: GMAIL_URL, extension: true, record: true, idleTimeoutMs: 2_000 }, (s) => {
  it('changes nothing in the page while it analyses, restarts and re-reads (no clicks)', async () => {
    const gmail = await s().open(GMAIL_URL);
    await gmail.eval(`(() => {
      window.__mutations = [];
      new MutationObserver((records) => {
        for (const r of records) window.__mutations.push(\`\${r.type} \${r.target.nodeName ?? ''} \${r.attributeName ?? ''}\`);
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);
    const mutations = (): Promise<string[]> => gmail.eval<string[]>('window.__mutations');
    const sb = await s().sidebarFor(gmail);
    await expect.poll(() => count(sb, MOOD), POLL).toBe(1);
    expect(await s().stopBackground()).toBe(true);
    const tabId = await s().tabId(gmail);
    // The sidebar's "Check again": the worker asks the content script to read the page again.
    await withApi(await s().ext(), `api.runtime.sendMessage({ kind: 'sidebar/refresh', tabId: ${tabId} })`);
    const second = await s().sidebarFor(gmail);
    await expect.poll(() => count(second, MOOD), POLL).toBe(1);
    // Finding the tab's id retitles the page for a moment: those are the test's own mutations.
    const own = (m: string) => m.startsWith('childList TITLE');
    expect((await mutations()).filter((m) => !own(m))).toEqual([]);
    // The recorder works: the app's own change is seen.
    await gmail.eval("document.body.setAttribute('data-app', '1')");
    await expect.poll(async () => (await mutations()).filter((m) => !own(m)), POLL).toEqual(['attributes BODY data-app']);
    // No node carries anything of ours.
    const marks = await gmail.eval(`Array.from(document.querySelectorAll('*')).flatMap((el) =>
      [...el.getAttributeNames().filter((a) => /cooldown/i.test(a) || /cooldown/i.test(el.getAttribute(a) ?? '')), ...(el.shadowRoot ? ['shadow'] : [])])`);
    expect(marks).toEqual([]);
    await second.close();
    await sb.close();
    await gmail.close();
  });

  it("Gmail: Insert and Replace fire the editor's own input events, and Ctrl+Z restores the previous text", async () => {
    const gmail = await s().open(GMAIL_URL);
    const sb = await s().sidebarFor(gmail);
    await retype(gmail, GMAIL_EDITOR, POLICY_AND_CALM);
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down', 'avoid-policy-talk']);
    await gmail.eval(`(() => {
      window.__inputs = 0;
      document.querySelector(${JSON.stringify(GMAIL_EDITOR)}).addEventListener('input', () => window.__inputs++);
    })()`);
    const inputs = (): Promise<number> => gmail.eval<number>('window.__inputs');
    const text = async (): Promise<string> => (await innerText(gmail, GMAIL_EDITOR)).trim();
    const before = await text();
    await sb.click('[data-testid="flag"][data-rule="avoid-calm-down"] [data-testid="replace"]');
    await expect.poll(text, POLL).not.toMatch(/calm down/i);
    expect(await inputs()).toBeGreaterThan(0);
    await gmail.front();
    await gmail.press('Undo');
    await expect.poll(text, POLL).toBe(before);
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down', 'avoid-policy-talk']);
    const n = await inputs();
    await sb.click('[data-testid="insert"]');
    await expect.poll(async () => (await text()).length, POLL).toBeGreaterThan(before.length);
    expect(await inputs()).toBeGreaterThan(n);
    await gmail.front();
    await gmail.press('Undo');
    await expect.poll(text, POLL).toBe(before);
    await sb.close();
    await gmail.close();
  });

  it("Zendesk (CKEditor 5): Insert and Replace land in the editor's model, and Ctrl+Z restores the previous text", async () => {
    const zd = await s().open(ZENDESK_URL);
    await mountCkeditor(zd, ZD_EDITOR);
    const sb = await s().sidebarFor(zd);
    await zd.click(ZD_EDITOR);
    await zd.type(POLICY_AND_CALM);
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down', 'avoid-policy-talk']);
    const changes = (): Promise<number> => zd.eval<number>('window.__changes');
    const before = await ckeditorText(zd, ZD_EDITOR);
    const n = await changes();
    await sb.click('[data-testid="flag"][data-rule="avoid-calm-down"] [data-testid="replace"]');
    await expect.poll(() => ckeditorText(zd, ZD_EDITOR), POLL).not.toMatch(/calm down/i);
    expect(await changes()).toBeGreaterThan(n);
    await zd.front();
    await zd.press('Undo');
    await expect.poll(() => ckeditorText(zd, ZD_EDITOR), POLL).toBe(before);
    await sb.click('[data-testid="insert"]');
    await expect.poll(async () => (await ckeditorText(zd, ZD_EDITOR)).length, POLL).toBeGreaterThan(before.length);
    await zd.front();
    await zd.press('Undo');
    await expect.poll(() => ckeditorText(zd, ZD_EDITOR), POLL).toBe(before);
    await sb.close();
    await zd.close();
  });

  it('follows the editor when the app re-renders it, removes it, or moves it into an iframe', async () => {
    const gmail = await s().open(GMAIL_URL);
    const sb = await s().sidebarFor(gmail);
    await expect.poll(() => conversationOf(sb), POLL).toMatch(/\S/);
    const conversation = await conversationOf(sb);
    await retype(gmail, GMAIL_EDITOR, POLICY_AND_CALM);
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down', 'avoid-policy-talk']);

    // Re-render: the app swaps the editor node for a new one holding the same draft.
    await gmail.eval(`(() => {
      const old = document.querySelector(${JSON.stringify(GMAIL_EDITOR)});
      old.replaceWith(old.cloneNode(true));
    })()`);
    await retype(gmail, GMAIL_EDITOR, VALIDATING);
    await expect.poll(() => flagRules(sb), POLL).toEqual([]);
    await expect.poll(() => validateStep(sb), POLL).toBe('drafted');
    await retype(gmail, GMAIL_EDITOR, 'Please calm down.');
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down']);

    // Removed: nothing to insert into, and the sidebar says so.
    await gmail.eval(`(() => {
      window.__editor = document.querySelector(${JSON.stringify(GMAIL_EDITOR)});
      window.__editor.remove();
    })()`);
    await expect.poll(() => hasEditor(sb), POLL).toBe(false);
    await expect.poll(() => flagRules(sb), POLL).toEqual([]);

    // Moved into an iframe (a frame the extension does not run in): still no editor, no errors.
    await gmail.eval(`(() => {
      const frame = document.createElement('iframe');
      frame.id = 'moved';
      frame.srcdoc = '<div g_editable="true" contenteditable="true" role="textbox">Calm down, it is our policy.</div>';
      document.querySelector('[data-message-id]').parentElement.append(frame);
    })()`);
    const inFrame = "document.getElementById('moved').contentDocument?.querySelector('[contenteditable]')";
    await expect.poll(() => gmail.eval(`!!${inFrame}`), POLL).toBe(true);
    // A click in the middle of the frame's editor, as the agent clicks it.
    const at = await gmail.eval<{ x: number; y: number }>(`(() => {
      const frame = document.getElementById('moved');
      frame.scrollIntoView({ block: 'center' });
      const f = frame.getBoundingClientRect();
      const e = ${inFrame}.getBoundingClientRect();
      return { x: f.left + frame.clientLeft + e.left + Math.min(20, e.width / 2), y: f.top + frame.clientTop + e.top + e.height / 2 };
    })()`);
    await gmail.front();
    await gmail.clickAt(at.x, at.y);
    await gmail.type(' Really.');
    expect(await gmail.eval(`${inFrame}.textContent`)).toContain('Really.');
    // Asserted only after the typing pause has passed: straight after typing it held whatever happened.
    await sleep(SETTLE_MS);
    expect(await hasEditor(sb)).toBe(false);
    expect(await flagRules(sb)).toEqual([]);

    // Back in the page: coached again.
    await gmail.eval(`(() => {
      document.getElementById('moved').remove();
      document.querySelector('[data-message-id]').parentElement.append(window.__editor);
    })()`);
    await expect.poll(() => hasEditor(sb), POLL).toBe(true);
    await expect.poll(() => flagRules(sb), POLL).toEqual(['avoid-calm-down']);
    expect(await conversationOf(sb)).toBe(conversation);
    await sb.close();
    await gmail.close();
  });

  it('shows the right conversation when the page navigates in the middle of typing', async () => {
    const gmail = await s().open(GMAIL_URL);
    const sb = await s().sidebarFor(gmail);
    await expect.poll(() => customerOf(sb), POLL).toMatch(/\S/);
    const first = { conversation: await conversationOf(sb), customer: await customerOf(sb) };
    // SPA navigation (hash change, thread re-rendered) while keys are still arriving.
    await gmail.click(GMAIL_EDITOR);
    const typing = gmail.type(POLICY_AND_CALM);
    await sleep(200);
    await gmail.eval("document.getElementById('next-conversation').click()");
    await typing;
    await expect.poll(() => conversationOf(sb), POLL).not.toBe(first.conversation);
    await expect.poll(() => customerOf(sb), POLL).not.toBe(first.customer);
    const second = { conversation: await conversationOf(sb), customer: await customerOf(sb) };
    // Navigating back to the first thread's address mid-typing: its own analysis.
    await gmail.click(GMAIL_EDITOR);
    const typing2 = gmail.type(POLICY_AND_CALM).catch(() => undefined);
    await sleep(200);
    await gmail.goto(GMAIL_URL);
    await typing2;
    await expect.poll(() => conversationOf(sb), POLL).toBe(first.conversation);
    await expect.poll(() => customerOf(sb), POLL).toBe(first.customer);
    expect(second.conversation).not.toBe(first.conversation);
    await sb.close();
    await gmail.close();
  });

  it('keeps tabs, windows and the same ticket open twice apart; a sidebar opened before the page catches up', async () => {
    const ext = await s().ext();
    // The sidebar first, bound to a tab that is not a helpdesk yet. The extension opens that tab
    // itself, so it knows the id of a tab it may not look into.
    let laterId = -1;
    const later = await s().newTab(async () => {
      laterId = await withApi<number>(ext, "api.tabs.create({ url: 'about:blank' }).then((t) => t.id)");
    });
    const early = await s().openExtensionPage(`sidebar.html?tabId=${laterId}`);
    await later.front();
    await expect.poll(() => attr(early, '[data-testid="empty"]', 'data-reason'), POLL).toBe('not-helpdesk');
    await later.goto(ZENDESK_URL);
    await expect.poll(() => conversationOf(early), POLL).toMatch(/48213/);
    await expect.poll(() => count(early, MOOD), POLL).toBe(1);

    // The same ticket in a second tab, and Gmail in a second window (opened blank, then navigated:
    // the test serves a tab's pages once it has it).
    const twin = await s().open(ZENDESK_URL);
    const twinSb = await s().sidebarFor(twin);
    const win = await s().newTab(() => withApi(ext, "api.windows.create({ url: 'about:blank' }).then(() => null)"));
    await win.goto(GMAIL_URL);
    const winSb = await s().sidebarFor(win);
    await expect.poll(() => count(winSb, MOOD), POLL).toBe(1);

    await retype(later, ZD_EDITOR, POLICY_AND_CALM);
    await retype(twin, ZD_EDITOR, VALIDATING);
    await retype(win, GMAIL_EDITOR, 'Please calm down.');
    await expect.poll(() => flagRules(early), POLL).toEqual(['avoid-calm-down', 'avoid-policy-talk']);
    await expect.poll(() => validateStep(twinSb), POLL).toBe('drafted');
    await expect.poll(() => flagRules(winSb), POLL).toEqual(['avoid-calm-down']);
    expect(await flagRules(twinSb)).toEqual([]);
    expect(await conversationOf(early)).toBe(await conversationOf(twinSb));
    expect(await conversationOf(winSb)).not.toBe(await conversationOf(early));
    // Closing one twin leaves the other's analysis alone.
    await twin.close();
    await retype(later, ZD_EDITOR, 'Calm down.');
    await expect.poll(() => flagRules(early), POLL).toEqual(['avoid-calm-down']);
    await expect.poll(() => count(twinSb, MOOD), POLL).toBe(0);
  });

  // Checked after every test, so it cannot pass by running alone (a lone 'no errors' test
  // after the others saw nothing when run by itself).
  afterEach(() => {
    expect(s().errors(), 'errors logged during this test').toEqual([]);
  });
});
