/**
 * Security (issue 6) in real Chromium with the built extension:
 * - every runtime message is checked: malformed, oversized and wrong-sender messages are dropped
 *   and counted in storage.session["stats:dropped"], from an extension page and from the content
 *   script's own world, and the worker keeps coaching;
 * - the page is never trusted: forged CKEditor-bridge replies, forged "stop" events and
 *   window.postMessage cannot make the content script do or reveal anything; the page has no
 *   way to message the extension;
 * - nothing from a page or a pack is rendered as HTML: an analysis whose texts hold markup and
 *   javascript: links renders as literal text (no element, no dialog).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { ckeditorText, droppedCount, flagSel, launchKit, mountCkeditor, POLL, sidebarFor, storageDump, tabIdFor, waitUntil, type Kit } from './helpers/kit.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed, POLICY_AND_CALM, ZENDESK_EDITOR, ZENDESK_URL, zendeskServed } from './helpers/sites.ts';

const ZD_EDITOR = ZENDESK_EDITOR('48213');
const HTML = '<img src=x onerror="window.__pwned=1;alert(1)">';
const JS_LINK = '<a href="javascript:alert(2)">click</a>';

/** Malformed, oversized or misdirected messages; none may reach a handler. */
const BAD_MESSAGES: [string, unknown][] = [
  ['null', null],
  ['number', 42],
  ['string', 'content/snapshot'],
  ['array', [{ kind: 'sidebar/insert', tabId: 1, text: 'x' }]],
  ['no kind', {}],
  ['unknown kind', { kind: 'sidebar/delete-everything', tabId: 1 }],
  ['missing fields', { kind: 'sidebar/insert' }],
  ['wrong types', { kind: 'sidebar/insert', tabId: '1', text: 7 }],
  ['negative tab', { kind: 'sidebar/insert', tabId: -1, text: 'hello' }],
  ['fractional tab', { kind: 'sidebar/refresh', tabId: 1.5 }],
  ['empty insert', { kind: 'sidebar/insert', tabId: 1, text: '' }],
  ['oversized insert (10 001 chars)', { kind: 'sidebar/insert', tabId: 1, text: 'x'.repeat(10_001) }],
  ['oversized replace', { kind: 'sidebar/replace', tabId: 1, start: 0, end: 1, expected: 'a', text: 'y'.repeat(10_001) }],
  ['oversized pack import (3 MB)', { kind: 'options/import-text', text: 'z'.repeat(3_000_000) }],
  ['bad move delta', { kind: 'options/move-pack', key: 'k', delta: 5 }],
  ['tab id only on a __proto__ key', JSON.parse('{"kind":"sidebar/pop-out","__proto__":{"tabId":1},"constructor":{"prototype":{"tabId":1}}}') as unknown],
  ['snapshot from an extension page (wrong sender)', { kind: 'content/snapshot', snapshot: { site: 'gmail', id: 'x', messages: [], draft: 'hi', hasEditor: true } }],
  ['no-conversation from an extension page (wrong sender)', { kind: 'content/no-conversation', site: 'gmail' }],
  ['worker command sent to the worker', { kind: 'background/insert', text: 'x' }],
  ['deeply nested (built in the page)', { __nested: 500 }],
];

async function send(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(async (given) => {
    const depth = (given as { __nested?: number } | null)?.__nested;
    let m: unknown = given;
    if (depth) {
      m = 1;
      for (let i = 0; i < depth; i++) m = { a: m };
    }
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(x: unknown): Promise<unknown> } } }).chrome;
    try {
      return { reply: (await api.runtime.sendMessage(m)) ?? null };
    } catch (err) {
      return { error: String(err) };
    }
  }, message);
}

/** Runs `expression` in the content script's isolated world of `page` (CDP), awaiting promises. */
async function inContentScript(cdp: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const r = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true }) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
  return r.result.value;
}

async function contentScriptWorld(k: Kit, page: Page): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await k.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.origin.includes(k.extensionId)), POLL).toBe(true);
  const ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(k.extensionId))!;
  return { cdp, contextId: ctx.id };
}

describe('security in Chromium', () => {
  let k: Kit;
  let gmail: Page;
  let sidebar: Page;
  const gmailText = () => gmail.locator(GMAIL_EDITOR).innerText();

  const typeInGmail = async (text: string): Promise<void> => {
    await gmail.locator(GMAIL_EDITOR).click();
    await gmail.keyboard.press('ControlOrMeta+A');
    await gmail.keyboard.press('Backspace');
    await gmail.keyboard.type(text, { delay: 5 });
  };

  beforeAll(async () => {
    k = await launchKit([gmailServed, zendeskServed]);
    gmail = k.watch(await k.context.newPage(), 'gmail');
    await gmail.goto(GMAIL_URL);
    sidebar = await sidebarFor(k, gmail);
    await waitUntil(async () => (await sidebar.locator('[data-testid="mood"]').count()) === 1, 'the mood');
  });
  afterAll(async () => {
    await k?.close();
  });

  it('drops and counts malformed, oversized and misdirected messages from an extension page; the worker keeps coaching', async () => {
    const before = await droppedCount(k);
    for (const [name, message] of BAD_MESSAGES) {
      const r = await send(k.ext, message) as { reply?: unknown; error?: string };
      expect(r.reply ?? null, name).toBeNull();
    }
    await expect.poll(() => droppedCount(k), POLL).toBe(before + BAD_MESSAGES.length);
    console.log(`security: ${BAD_MESSAGES.length} malformed/misdirected messages from an extension page, all dropped and counted`);
    // Nothing was inserted anywhere, and the worker still analyses.
    expect(await gmailText()).not.toContain('hello');
    await typeInGmail(POLICY_AND_CALM);
    await expect.poll(() => sidebar.locator(flagSel('avoid-calm-down')).count(), POLL).toBe(1);
  });

  it("drops sidebar intents and malformed snapshots sent from the content script's own world", async () => {
    const tabId = await tabIdFor(k, gmail);
    const { cdp, contextId } = await contentScriptWorld(k, gmail);
    const before = await droppedCount(k);
    const draftBefore = await gmailText();
    const attempts = [
      // A compromised content script must not drive edits or pop-outs: those are sidebar intents.
      { kind: 'sidebar/insert', tabId, text: 'INJECTED BY CONTENT' },
      { kind: 'sidebar/replace', tabId, start: 0, end: 4, expected: draftBefore.slice(0, 4), text: 'INJECTED' },
      { kind: 'sidebar/pop-out', tabId },
      { kind: 'options/set-rule-disabled', ruleId: 'avoid-calm-down', disabled: true },
      // Malformed snapshots are refused whole. (Snapshots past the size caps are trimmed, not
      // refused, since issue 12: tests/unit/extension/snapshot-trim.test.ts.)
      { kind: 'content/snapshot', snapshot: { site: 'evil', id: 'x', messages: [], draft: '', hasEditor: true } },
      { kind: 'content/snapshot', snapshot: { site: 'gmail', id: '', messages: [], draft: '', hasEditor: true } },
    ];
    for (const m of attempts) {
      await inContentScript(cdp, contextId, `chrome.runtime.sendMessage(${JSON.stringify(m)}).then(() => 'sent', (e) => String(e))`);
    }
    await cdp.detach();
    await expect.poll(() => droppedCount(k), POLL).toBe(before + attempts.length);
    console.log(`security: ${attempts.length} forbidden/malformed messages from the content-script world, all dropped and counted`);
    expect(await gmailText()).not.toContain('INJECTED');
    const packs = await storageDump(k, 'local');
    expect(JSON.stringify(packs)).not.toContain('avoid-calm-down');
    // Still coaching: the flag on the draft stays.
    await expect.poll(() => sidebar.locator(flagSel('avoid-calm-down')).count(), POLL).toBe(1);
  });

  it('gives the page no way to message the extension', async () => {
    const reach = await gmail.evaluate((id) => {
      const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome;
      return { sendMessage: typeof c?.runtime?.sendMessage, connect: typeof c?.runtime?.connect, id };
    }, k.extensionId);
    expect(reach.sendMessage).toBe('undefined');
    expect(reach.connect).toBe('undefined');
  });

  it('ignores forged stop events, forged bridge replies and postMessage from the page', async () => {
    const before = (await sidebar.locator('[data-testid="flag"]').count());
    expect(before).toBeGreaterThan(0);
    await gmail.evaluate(() => {
      // The content script's "an older copy, stop" event, and replies the MAIN-world bridge would send.
      for (let i = 0; i < 5; i++) document.dispatchEvent(new CustomEvent('cooldown:content-start'));
      for (const id of ['1', 'x', '']) {
        window.dispatchEvent(new CustomEvent('cooldown:bridge-response', { detail: JSON.stringify({ id, ok: true, detail: 'forged' }) }));
      }
      window.dispatchEvent(new CustomEvent('cooldown:bridge-response', { detail: { id: 1 } }));
      window.postMessage({ kind: 'background/insert', text: 'POSTED' }, '*');
      window.postMessage({ kind: 'background/replace', start: 0, end: 1, expected: 'T', text: 'POSTED' }, '*');
      window.postMessage(JSON.stringify({ kind: 'background/resend' }), '*');
    });
    // Nothing the page posted went in: checked on the draft as it was, once the messages and a
    // typing pause have had time to act (the draft is cleared below, which would hide it).
    await gmail.waitForTimeout(1_000);
    expect(await gmailText()).not.toContain('POSTED');
    // The content script still follows the draft (it was not stopped) and did nothing it was told.
    await typeInGmail('Please calm down, it is our policy.');
    await expect.poll(() => sidebar.locator('[data-testid="flag"]').count(), POLL).toBe(2);
    await typeInGmail('I hear you.');
    await expect.poll(() => sidebar.locator('[data-testid="flag"]').count(), POLL).toBe(0);
  });

  it('a page forging CKEditor bridge replies cannot get more than the text the agent chose to insert', async () => {
    const zd = k.watch(await k.context.newPage(), 'zendesk');
    // The hostile page listens before the bridge loads, answers every bridge request first (with
    // markup in the reply), and records what it saw.
    await zd.addInitScript((html) => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      window.addEventListener('cooldown:bridge-request', (e) => {
        const detail = (e as CustomEvent<string>).detail;
        w.__seen.push(detail);
        const { id } = JSON.parse(detail) as { id: string };
        window.dispatchEvent(new CustomEvent('cooldown:bridge-response', { detail: JSON.stringify({ id, ok: false, detail: html }) }));
      }, true);
    }, HTML);
    await zd.goto(ZENDESK_URL);
    await mountCkeditor(zd, ZD_EDITOR);
    const zdSidebar = await sidebarFor(k, zd, 'sidebar-zendesk');
    await zd.locator(ZD_EDITOR).click();
    await zd.keyboard.type('I understand. ', { delay: 5 });
    await expect.poll(() => zdSidebar.locator('[data-testid="suggestion"]').count(), POLL).toBeGreaterThan(0);
    const dialogs: string[] = [];
    zdSidebar.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const suggestion = zdSidebar.locator('[data-testid="suggestion"]').first();
    const text = ((await suggestion.locator('.text').textContent()) ?? '').trim();
    await suggestion.locator('[data-testid="insert"]').click();
    // The forged failure is shown as a failure in our own words: nothing of the page's text
    // (issue 14, L4: a page could put any 200 characters into the sidebar's alert).
    const notice = zdSidebar.locator('[data-testid="notice"]');
    await expect.poll(() => notice.count(), POLL).toBe(1);
    expect(await notice.textContent()).toMatch(/bridge error/);
    expect(await notice.textContent()).not.toContain('<img');
    expect(await notice.textContent()).not.toContain('onerror');
    expect(await zdSidebar.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // What the page could read is only the request: the text the agent chose to insert, nothing of the analysis.
    const seen = await zd.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen).toHaveLength(1);
    const req = JSON.parse(seen[0]!) as Record<string, unknown>;
    expect(Object.keys(req).sort()).toEqual(['id', 'op', 'text']);
    expect(String(req.text).trim()).toBe(text);
    expect(await ckeditorText(zd, ZD_EDITOR)).not.toContain('<img');
    await zdSidebar.close();
    await zd.close();
  });

  it('renders markup and javascript: links from an analysis as literal text', async () => {
    // The real analysis of the Gmail thread, with every text a pack or a page controls made hostile.
    const tabId = await tabIdFor(k, gmail);
    const state = (await storageDump(k, 'session'))[`tab:${tabId}`] as Record<string, unknown> & { analysis: Record<string, unknown> };
    expect(state?.analysis).toBeTruthy();
    const hostile = (s: string) => `${HTML} ${JS_LINK} ${s}`;
    type Obj = Record<string, unknown>;
    const a = structuredClone(state.analysis) as Obj & { flags: Obj[]; next: Obj[]; cues: Obj[]; steps: Obj[]; prompts: Obj[]; customerType: Obj | null };
    a.flags = [{
      ruleId: 'evil-rule', severity: 'error', start: 0, end: 5, text: hostile('flagged'),
      message: hostile('message'), replacements: [hostile('replacement'), 'javascript:alert(3)'],
    }];
    for (const s of a.next) { s.text = hostile('suggestion'); s.title = hostile('title'); s.why = hostile('why'); }
    for (const c of a.cues) { c.tip = hostile('tip'); (c.span as Obj).text = hostile('span'); }
    for (const s of a.steps) s.title = hostile('step');
    for (const p of a.prompts) p.text = hostile('prompt');
    if (a.customerType) { a.customerType.name = hostile('type'); a.customerType.tip = hostile('type tip'); }
    const fakeTab = 987_654;
    const crafted = { ...state, tabId: fakeTab, conversation: { ...(state.conversation as Obj), customerName: hostile('name') }, analysis: a };
    await k.ext.evaluate(async ({ key, value }) => {
      const api = (globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }).chrome;
      await api.storage.session.set({ [key]: value });
    }, { key: `tab:${fakeTab}`, value: crafted });
    const view = k.watch(await k.context.newPage(), 'sidebar-hostile');
    const dialogs: string[] = [];
    view.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await view.goto(`chrome-extension://${k.extensionId}/sidebar.html?tabId=${fakeTab}`);
    // The crafted analysis passes the schema (it is well-formed), so the sidebar shows it.
    await expect.poll(() => view.locator('[data-testid="flag"][data-rule="evil-rule"]').count(), POLL).toBe(1);
    const flagText = await view.locator('[data-testid="flag"]').first().textContent();
    expect(flagText).toContain('<img src=x onerror=');
    expect(flagText).toContain('<a href="javascript:alert(2)">');
    expect(await view.locator('[data-testid="customer"]').textContent()).toContain('<img');
    if (a.next.length) expect(await view.locator('[data-testid="suggestion"] .text').first().textContent()).toContain('<img');
    // Pack texts that hold a link are marked before the agent inserts them (issue 14, L5).
    if (a.next.length) expect(await view.locator('[data-testid="suggestion"][data-has-link="true"] [data-testid="link-warning"]').count()).toBe(a.next.length);
    expect(await view.locator('[data-testid="replace"][data-has-link="true"]').count()).toBe(2);
    expect(await view.locator('img, a[href^="javascript:"], iframe, object, embed, script:not([src])').count()).toBe(0);
    // Clicking a hostile replacement only sends an intent (to a tab that does not exist): nothing runs.
    await view.locator('[data-testid="replace"]').first().click();
    await expect.poll(() => view.locator('[data-testid="notice"]').count(), POLL).toBe(1);
    expect(await view.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0)).toBe(0);
    expect(dialogs).toEqual([]);
    await view.close();
  });

  // Checked after every test, so it cannot pass by running alone (a lone 'no errors' test
  // after the others saw nothing when run by itself).
  afterEach(() => {
    expect(k.errors(), 'errors logged during this test').toEqual([]);
  });
});
