/**
 * Security (issue 6; in Firefox too since issue 14) with the built extension, in Chromium and in
 * Firefox, written once:
 * - every runtime message is checked: malformed, oversized and wrong-sender messages are dropped
 *   and counted in storage.session["stats:dropped"], from an extension page and from the content
 *   script's own world (Chromium: its isolated world through CDP; Firefox: code the extension
 *   runs in the tab with scripting.executeScript, the content script's world), and the worker
 *   keeps coaching;
 * - the page is never trusted: forged CKEditor-bridge replies, forged "stop" events and
 *   window.postMessage cannot make the content script do or reveal anything; the page has no
 *   way to message the extension;
 * - nothing from a page or a pack is rendered as HTML: an analysis whose texts hold markup and
 *   javascript: links renders as literal text (no element, no dialog).
 */
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Tab } from './helpers/browsers.ts';
import { describeInBrowsers } from './helpers/contract.ts';
import { ckeditorText, count, droppedCount, flagSel, innerText, mountCkeditor, POLL, retype, sleep, storageDump, textOf, withApi } from './helpers/drive.ts';
import { waitUntil } from './helpers/kit.ts';
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

/** A message as the page's JSON.parse builds it (an own "__proto__" key stays a key), sent from an extension page. */
const SEND = (message: unknown): string => `(async () => {
  const given = JSON.parse(${JSON.stringify(JSON.stringify(message))});
  const depth = given && given.__nested;
  let m = given;
  if (depth) {
    m = 1;
    for (let i = 0; i < depth; i++) m = { a: m };
  }
  const api = globalThis.browser ?? globalThis.chrome;
  try {
    return { reply: (await api.runtime.sendMessage(m)) ?? null };
  } catch (err) {
    return { error: String(err) };
  }
})()`;

/** The hostile page listens before the bridge loads, answers every bridge request first (with markup in the reply), and records what it saw. */
const HOSTILE_BRIDGE = `(() => {
  window.__seen = [];
  window.addEventListener('cooldown:bridge-request', (e) => {
    const detail = e.detail;
    window.__seen.push(detail);
    const { id } = JSON.parse(detail);
    window.dispatchEvent(new CustomEvent('cooldown:bridge-response', { detail: JSON.stringify({ id, ok: false, detail: ${JSON.stringify(HTML)} }) }));
  }, true);
})();`;

describeInBrowsers('security', { served: [gmailServed, zendeskServed], url: GMAIL_URL, extension: true, record: true }, (s) => {
  const gmailText = (): Promise<string> => innerText(s().site, GMAIL_EDITOR);

  beforeAll(async () => {
    await waitUntil(async () => (await count(s().sidebar, '[data-testid="mood"]')) === 1, 'the mood');
  });

  it('drops and counts malformed, oversized and misdirected messages from an extension page; the worker keeps coaching', async () => {
    const ext = await s().ext();
    const before = await droppedCount(ext);
    for (const [name, message] of BAD_MESSAGES) {
      const r = await ext.eval<{ reply?: unknown; error?: string }>(SEND(message));
      expect(r.reply ?? null, name).toBeNull();
    }
    await expect.poll(() => droppedCount(ext), POLL).toBe(before + BAD_MESSAGES.length);
    console.log(`security in ${s().browser}: ${BAD_MESSAGES.length} malformed/misdirected messages from an extension page, all dropped and counted`);
    // Nothing was inserted anywhere, and the worker still analyses.
    expect(await gmailText()).not.toContain('hello');
    await retype(s().site, GMAIL_EDITOR, POLICY_AND_CALM);
    await expect.poll(() => count(s().sidebar, flagSel('avoid-calm-down')), POLL).toBe(1);
  });

  it("drops sidebar intents and malformed snapshots sent from the content script's own world", async () => {
    const { site: gmail, sidebar } = s();
    const ext = await s().ext();
    const tabId = await s().tabId(gmail);
    const before = await droppedCount(ext);
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
      await s().inContentScript(gmail, `() => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage(${JSON.stringify(m)}).then(() => 'sent', (e) => String(e))`);
    }
    await expect.poll(() => droppedCount(ext), POLL).toBe(before + attempts.length);
    console.log(`security in ${s().browser}: ${attempts.length} forbidden/malformed messages from the content-script world, all dropped and counted`);
    expect(await gmailText()).not.toContain('INJECTED');
    const packs = await storageDump(ext, 'local');
    expect(JSON.stringify(packs)).not.toContain('avoid-calm-down');
    // Still coaching: the flag on the draft stays.
    await expect.poll(() => count(sidebar, flagSel('avoid-calm-down')), POLL).toBe(1);
  });

  it('gives the page no way to message the extension', async () => {
    const reach = await s().site.eval(`(() => {
      const c = window.chrome;
      const b = window.browser;
      return {
        chrome: [typeof c?.runtime?.sendMessage, typeof c?.runtime?.connect],
        browser: [typeof b?.runtime?.sendMessage, typeof b?.runtime?.connect],
      };
    })()`);
    expect(reach).toEqual({ chrome: ['undefined', 'undefined'], browser: ['undefined', 'undefined'] });
  });

  it('ignores forged stop events, forged bridge replies and postMessage from the page', async () => {
    const { site: gmail, sidebar } = s();
    const before = await count(sidebar, '[data-testid="flag"]');
    expect(before).toBeGreaterThan(0);
    await gmail.eval(`(() => {
      // The content script's "an older copy, stop" event, and replies the MAIN-world bridge would send.
      for (let i = 0; i < 5; i++) document.dispatchEvent(new CustomEvent('cooldown:content-start'));
      for (const id of ['1', 'x', '']) {
        window.dispatchEvent(new CustomEvent('cooldown:bridge-response', { detail: JSON.stringify({ id, ok: true, detail: 'forged' }) }));
      }
      window.dispatchEvent(new CustomEvent('cooldown:bridge-response', { detail: { id: 1 } }));
      window.postMessage({ kind: 'background/insert', text: 'POSTED' }, '*');
      window.postMessage({ kind: 'background/replace', start: 0, end: 1, expected: 'T', text: 'POSTED' }, '*');
      window.postMessage(JSON.stringify({ kind: 'background/resend' }), '*');
    })()`);
    // Nothing the page posted went in: checked on the draft as it was, once the messages and a
    // typing pause have had time to act (the draft is cleared below, which would hide it).
    await sleep(1_000);
    expect(await gmailText()).not.toContain('POSTED');
    // The content script still follows the draft (it was not stopped) and did nothing it was told.
    await retype(gmail, GMAIL_EDITOR, 'Please calm down, it is our policy.');
    await expect.poll(() => count(sidebar, '[data-testid="flag"]'), POLL).toBe(2);
    await retype(gmail, GMAIL_EDITOR, 'I hear you.');
    await expect.poll(() => count(sidebar, '[data-testid="flag"]'), POLL).toBe(0);
  });

  it('a page forging CKEditor bridge replies cannot get more than the text the agent chose to insert', async () => {
    const zd = await s().open(ZENDESK_URL, { beforeLoad: HOSTILE_BRIDGE });
    await mountCkeditor(zd, ZD_EDITOR);
    const zdSidebar = await s().sidebarFor(zd);
    await zd.click(ZD_EDITOR);
    await zd.type('I understand. ');
    await expect.poll(() => count(zdSidebar, '[data-testid="suggestion"]'), POLL).toBeGreaterThan(0);
    const text = ((await textOf(zdSidebar, '[data-testid="suggestion"] .text')) ?? '').trim();
    await zdSidebar.click('[data-testid="suggestion"] [data-testid="insert"]');
    // The forged failure is shown as a failure in our own words: nothing of the page's text
    // (issue 14, L4: a page could put any 200 characters into the sidebar's alert).
    await expect.poll(() => count(zdSidebar, '[data-testid="notice"]'), POLL).toBe(1);
    const notice = await textOf(zdSidebar, '[data-testid="notice"]');
    expect(notice).toMatch(/bridge error/);
    expect(notice).not.toContain('<img');
    expect(notice).not.toContain('onerror');
    expect(await count(zdSidebar, 'img')).toBe(0);
    expect(zdSidebar.dialogs).toEqual([]);
    // What the page could read is only the request: the text the agent chose to insert, nothing of the analysis.
    const seen = await zd.eval<string[]>('window.__seen');
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
    const ext = await s().ext();
    const tabId = await s().tabId(s().site);
    const state = (await storageDump(ext, 'session'))[`tab:${tabId}`] as Record<string, unknown> & { analysis: Record<string, unknown> };
    expect(state?.analysis).toBeTruthy();
    const hostile = (t: string) => `${HTML} ${JS_LINK} ${t}`;
    type Obj = Record<string, unknown>;
    const a = structuredClone(state.analysis) as Obj & { flags: Obj[]; next: Obj[]; cues: Obj[]; steps: Obj[]; prompts: Obj[]; customerType: Obj | null };
    a.flags = [{
      ruleId: 'evil-rule', severity: 'error', start: 0, end: 5, text: hostile('flagged'),
      message: hostile('message'), replacements: [hostile('replacement'), 'javascript:alert(3)'],
    }];
    for (const n of a.next) { n.text = hostile('suggestion'); n.title = hostile('title'); n.why = hostile('why'); }
    for (const c of a.cues) { c.tip = hostile('tip'); (c.span as Obj).text = hostile('span'); }
    for (const st of a.steps) st.title = hostile('step');
    for (const p of a.prompts) p.text = hostile('prompt');
    if (a.customerType) { a.customerType.name = hostile('type'); a.customerType.tip = hostile('type tip'); }
    const fakeTab = 987_654;
    const crafted = { ...state, tabId: fakeTab, conversation: { ...(state.conversation as Obj), customerName: hostile('name') }, analysis: a };
    await withApi(ext, `api.storage.session.set(JSON.parse(${JSON.stringify(JSON.stringify({ [`tab:${fakeTab}`]: crafted }))}))`);
    const view: Tab = await s().openExtensionPage(`sidebar.html?tabId=${fakeTab}`);
    // The crafted analysis passes the schema (it is well-formed), so the sidebar shows it.
    await expect.poll(() => count(view, '[data-testid="flag"][data-rule="evil-rule"]'), POLL).toBe(1);
    const flagText = await textOf(view, '[data-testid="flag"]');
    expect(flagText).toContain('<img src=x onerror=');
    expect(flagText).toContain('<a href="javascript:alert(2)">');
    expect(await textOf(view, '[data-testid="customer"]')).toContain('<img');
    if (a.next.length) expect(await textOf(view, '[data-testid="suggestion"] .text')).toContain('<img');
    // Pack texts that hold a link are marked before the agent inserts them (issue 14, L5).
    if (a.next.length) expect(await count(view, '[data-testid="suggestion"][data-has-link="true"] [data-testid="link-warning"]')).toBe(a.next.length);
    expect(await count(view, '[data-testid="replace"][data-has-link="true"]')).toBe(2);
    expect(await count(view, 'img, a[href^="javascript:"], iframe, object, embed, script:not([src])')).toBe(0);
    // Clicking a hostile replacement only sends an intent (to a tab that does not exist): nothing runs.
    await view.click('[data-testid="replace"]');
    await expect.poll(() => count(view, '[data-testid="notice"]'), POLL).toBe(1);
    expect(await view.eval('window.__pwned ?? 0')).toBe(0);
    expect(view.dialogs).toEqual([]);
    await view.close();
  });

  // Checked after every test, so it cannot pass by running alone (a lone 'no errors' test
  // after the others saw nothing when run by itself).
  afterEach(() => {
    expect(s().errors(), 'errors logged during this test').toEqual([]);
  });
});
