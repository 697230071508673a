/**
 * What the adapters read from helpdesk pages, checked in real Chromium (no extension needed):
 * the shared fixtures, plus variant pages in tests/e2e/pages/ written from the same DOM notes
 * with different nesting and noise. Adapters that follow the apps' stable structure pass both.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { probe as rawProbe } from './helpers/probe.ts';
import type { ProbeResult } from './helpers/adapter-probe.ts';
import { foldQuotedHistory } from '../../src/engine/text/quoted-history.ts';
import { fixture, repoRoot } from './helpers/paths.ts';
import { GMAIL_URL, ZENDESK_URL } from './helpers/sites.ts';

/**
 * What the engine reads of the adapter's output: quoted history without a blockquote (Outlook
 * blocks, "On … wrote:", Zendesk's delimiter) is left in the text by the adapters and folded by
 * analyze(), the same for every adapter (engine/text/quoted-history.ts).
 */
async function probe(p: Page): Promise<ProbeResult> {
  const r = await rawProbe(p);
  if (!r) return r;
  const conversation = r.conversation && { ...r.conversation, messages: r.conversation.messages.map((m) => ({ ...m, text: foldQuotedHistory(m.text) })) };
  const editor = r.editor && { ...r.editor, draft: foldQuotedHistory(r.editor.draft) };
  return { ...r, ...(conversation ? { conversation } : {}), ...(editor ? { editor } : {}) };
}

const page = (name: string): string => readFileSync(path.join(repoRoot, 'tests/e2e/pages', name), 'utf8');

describe('adapters read the conversation on screen', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu'],
    });
    context = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(url: string, html: string): Promise<Page> {
    const p = await context.newPage();
    await p.route('**/*', (route) => (route.request().url() === url || route.request().resourceType() === 'document'
      ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
      : route.abort()));
    await p.goto(url);
    return p;
  }

  it('Gmail fixture: thread id, roles by sender address, collapsed message skipped, quotes stripped', async () => {
    const p = await open(GMAIL_URL, fixture('gmail-thread.html'));
    const r = await probe(p);
    expect(r?.site).toBe('gmail');
    expect(r?.conversationId).toBe('gmail:thread-f:1816690123456789012');
    expect(r?.conversation?.customerName).toBe('Margaret Okafor');
    expect(r?.conversation?.messages.map((m) => m.role)).toEqual(['agent', 'customer', 'customer']);
    const texts = r?.conversation?.messages.map((m) => m.text).join('\n') ?? '';
    expect(texts).not.toMatch(/wrote:|Acme Customer Support/);
    expect(r?.conversation?.messages[0]?.text).toMatch(/^Hi Margaret,\n/);
    expect(r?.editor?.draft).toBe('');
    await p.close();
  });

  it('Gmail variant: account button address, teammate is an agent, hidden old header and compose dialog ignored', async () => {
    const p = await open('https://mail.google.com/mail/u/1/#label/Support/FMfcgzQXKpLmNbVcXzQwErTyUiOpAsDf', page('gmail-nested.html'));
    const r = await probe(p);
    expect(r?.conversationId).toBe('gmail:thread-f:999');
    expect(r?.conversation?.customerName).toBe('Lena Fischer');
    expect(r?.conversation?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
    const texts = r?.conversation?.messages.map((m) => m.text).join('\n') ?? '';
    expect(texts).not.toMatch(/calm down|Alex Kim\s*helpco Support|Anyone there/);
    expect(r?.editor?.draft).toBe('Hallo Lena,\nwir kümmern uns.');
    await p.close();
  });

  it('Gmail variant: no account address on the page, own messages by #msg-a ids, recipient chip before sender', async () => {
    const p = await open('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXLmNoPqRsTuVwXyZaBcDeFgHi', page('gmail-no-account.html'));
    const r = await probe(p);
    expect(r?.conversationId).toBe('gmail:thread-f:4242');
    expect(r?.conversation?.customerName).toBe('Ravi Menon');
    expect(r?.conversation?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
    expect(r?.conversation?.messages[1]?.text).toBe('Sorry Ravi, a new pair is on its way.');
    await p.close();
  });

  it('Zendesk fixture: active pane only, internal note and trigger dropped, requester name', async () => {
    const p = await open(ZENDESK_URL, fixture('zendesk-ticket.html'));
    const r = await probe(p);
    expect(r?.site).toBe('zendesk');
    expect(r?.conversationId).toBe('zendesk:48213');
    expect(r?.conversation?.customerName).toBe('Margaret Okafor');
    expect(r?.conversation?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer', 'customer']);
    const texts = r?.conversation?.messages.map((m) => m.text).join('\n') ?? '';
    expect(texts).not.toMatch(/Stripe|has been received|drop off within 3–5 business days\.\s*$|Ravi/m);
    expect(texts).not.toMatch(/wrote:/);
    expect(r?.editor).toMatchObject({ testId: 'omnicomposer-rich-text-ckeditor', ticket: '48213', draft: '' });
    // Next ticket: the URL changes first, the pane mounts after a fetch; never the hidden 48213.
    await p.click('#next-conversation');
    await expect.poll(async () => (await probe(p))?.conversationId).toBe('zendesk:48227');
    const next = await probe(p);
    expect(next?.conversation?.customerName).toBe('Jonas Becker');
    expect(next?.conversation?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer', 'customer']);
    expect(next?.editor?.ticket).toBe('48227');
    await p.close();
  });

  it('Zendesk variant: nested pane id, type="internal", API automation, messaging channel, tooltip requester', async () => {
    const p = await open('https://acme.zendesk.com/agent/tickets/777', page('zendesk-nested.html'));
    const r = await probe(p);
    expect(r?.conversationId).toBe('zendesk:777');
    expect(r?.conversation?.customerName).toBe('Priya Natarajan');
    expect(r?.conversation?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
    const texts = r?.conversation?.messages.map((m) => m.text).join('\n') ?? '';
    expect(texts).not.toMatch(/calm down|JIRA|Escalated|useless|Hidden ticket|wrote:|articles/i);
    expect(r?.conversation?.messages[1]?.text).toBe('Sorry about that! Which phone and app version are you on?');
    expect(r?.editor).toMatchObject({ testId: 'omnicomposer-plain-text-ckeditor', ticket: '777', draft: 'Hi Priya,\nthanks for the details.' });
    await p.close();
  });

  it('Zendesk variant: no pane markers at all — the one visible log and its composer', async () => {
    const p = await open('https://acme.zendesk.com/agent/tickets/901', page('zendesk-unmarked.html'));
    const r = await probe(p);
    expect(r?.conversationId).toBe('zendesk:901');
    expect(r?.conversation?.customerName).toBe('Tomás Rivera');
    expect(r?.conversation?.messages).toEqual([{ role: 'customer', text: 'Where is my refund? I was promised it a week ago.' }]);
    expect(r?.editor?.draft).toBe('');
    await p.close();
  });

  it('Gmail long thread: collapsed and hidden counted not read, alias replies are the agent, Outlook and plain-text quotes folded, expand reads all', async () => {
    const p = await open('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXMlongThreadTokenAbCdEf', page('gmail-long-thread.html'));
    const r = await probe(p);
    expect(r?.conversationId).toBe('gmail:18c4a1b2c3d4e5f6'); // perm id "undefined": the legacy id
    expect(r?.conversation?.coverage).toMatchObject({ read: 2, unread: 5, expandable: true });
    expect(r?.conversation?.messages).toEqual([
      { role: 'customer', text: 'You promised an update on Friday and nothing came. I want a refund today.', at: 'Sat, Nov 28, 2026, 9:30 AM' },
      { role: 'customer', text: 'Hello?? Is anyone reading this?', at: 'Sun, Nov 29, 2026, 7:05 AM' },
    ]);
    expect(r?.conversation?.customerName).toBe('Priya Shah');
    expect(r?.editor?.draft).toBe(''); // the plain-text quote under the agent's empty line is folded
    await p.evaluate(() => (globalThis as unknown as { __cooldownExpand: () => boolean }).__cooldownExpand());
    await expect.poll(async () => (await probe(p))?.conversation?.coverage?.unread, { timeout: 5000 }).toBe(0);
    const all = await probe(p);
    expect(all?.conversation?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer', 'agent', 'customer', 'customer', 'customer']);
    expect(all?.conversation?.messages.map((m) => m.text).join('\n')).not.toMatch(/lawyers|calm down|From:|Original Message/);
    // A new message beside the thread is its own conversation, without the thread.
    await p.click('#new-message');
    await p.keyboard.type("That's our policy.");
    const compose = await probe(p);
    expect(compose?.conversationId).toBe('gmail:compose:c9001');
    expect(compose?.conversation).toMatchObject({ messages: [], composer: 'compose' });
    expect(compose?.editor?.draft).toBe("That's our policy.");
    await p.close();
  });

  it('Zendesk workspace: composer outside the pane, side conversation, bots and automations shown not scored, grouped bubbles, delimiter, show-more, internal note', async () => {
    const p = await open('https://acme.zendesk.com/agent/tickets/5150', page('zendesk-workspace.html'));
    const r = await probe(p);
    expect(r?.conversationId).toBe('zendesk:5150');
    expect(r?.conversation?.messages).toEqual([
      { role: 'customer', text: 'The desk arrived with a cracked leg. I want a replacement this week.', at: '2026-11-27T08:00:00Z' },
      { role: 'agent', text: "I'm sorry about the leg, Tomasz. A replacement part ships tomorrow." },
      { role: 'customer', text: 'Hello?' },
      { role: 'customer', text: 'The replacement part never shipped.' },
      { role: 'customer', text: 'If nobody answers today I will file a chargeback.' },
    ]);
    expect(r?.conversation?.coverage).toEqual({
      read: 5, unread: 0, more: true, expandable: true, trimmed: 0,
      others: [{ name: 'Kurt (FastFreight)', kind: 'side-conversation' }, { name: 'Acme', kind: 'automation' }, { name: 'Acme', kind: 'bot' }],
    });
    expect(r?.conversation?.composer).toBe('reply');
    // The ticket's composer under #editor-view, not the side conversation's.
    expect(r?.editor?.draft).toBe('');
    await p.click('#switcher');
    await p.click('[data-test-id="omnichannel-channel-switcher-menuitem-internal"]');
    expect((await probe(p))?.conversation?.composer).toBe('note');
    await p.evaluate(() => (globalThis as unknown as { __cooldownExpand: () => boolean }).__cooldownExpand());
    await expect.poll(async () => (await probe(p))?.conversation?.coverage?.more, { timeout: 5000 }).toBe(false);
    const all = await probe(p);
    expect(all?.conversation?.messages.slice(0, 2).map((m) => m.role)).toEqual(['customer', 'agent']);
    expect(all?.conversation?.coverage?.read).toBe(7);
    await p.close();
  });

  it('observes narrowly: no class, style or characterData watching of the whole document, on any site', async () => {
    for (const [url, html] of [[GMAIL_URL, fixture('gmail-thread.html')], [ZENDESK_URL, fixture('zendesk-ticket.html')], ['https://support.example.org/contact', page('generic-form.html')]] as const) {
      const p = await open(url, html);
      await p.evaluate(() => {
        const seen: MutationObserverInit[] = [];
        (window as unknown as { __seen: MutationObserverInit[] }).__seen = seen;
        const original = MutationObserver.prototype.observe;
        MutationObserver.prototype.observe = function (target: Node, options?: MutationObserverInit) {
          seen.push({ ...options });
          return original.call(this, target, options);
        };
      });
      await probe(p);
      await p.evaluate(() => (globalThis as unknown as { __cooldownObserve: () => void }).__cooldownObserve());
      const seen = await p.evaluate(() => (window as unknown as { __seen: MutationObserverInit[] }).__seen);
      expect(seen.length, url).toBeGreaterThan(0);
      for (const o of seen) {
        expect(o.characterData ?? false, url).toBe(false);
        if (o.attributes) expect(o.attributeFilter ?? ['(all)'], url).not.toEqual(expect.arrayContaining(['class']));
        if (o.attributes) expect(o.attributeFilter ?? ['(all)'], url).not.toEqual(expect.arrayContaining(['style']));
        if (o.attributes) expect(o.attributeFilter, url).toBeDefined();
      }
      await p.close();
    }
  });

  it('generic: coaches the focused textarea or contenteditable, and nothing before focus', async () => {
    const p = await open('https://support.example.org/contact', page('generic-form.html'));
    expect(await probe(p)).toMatchObject({ site: 'generic', conversationId: null, editor: null });
    await p.click('#reply');
    await p.keyboard.type("That's our policy.");
    const r = await probe(p);
    expect(r?.conversationId).toBe('generic:https://support.example.org/contact');
    expect(r?.conversation?.messages).toEqual([]);
    expect(r?.editor?.draft).toBe("That's our policy.");
    await p.click('#notes p');
    expect((await probe(p))?.editor?.draft).toBe('Notes here');
    await p.close();
  });
});
