/**
 * A Zendesk Agent Workspace ticket (tests/e2e/pages/zendesk-workspace.html, real CKEditor 5 in a
 * composer outside the ticket pane) with the built extension, in Chromium and Firefox through
 * the one cross-browser contract: grouped messaging bubbles each count, side conversations, bots
 * and automations are shown but not scored, the text under the reply delimiter is not read, the
 * composer is found, an internal note is not coached and nothing is inserted into it, and one
 * click loads the comments behind "show more".
 */
import { expect, it } from 'vitest';
import { describeInBrowsers, readSidebar } from './helpers/contract.ts';
import { POLICY_AND_CALM, servedPage } from './helpers/sites.ts';

const POLL = { timeout: 15_000, interval: 100 };
const editorText = `(() => { const d = window.__editor?.getData() ?? ''; return (new DOMParser().parseFromString(d, 'text/html').body.textContent ?? '').replace(/\\u00a0/g, ' ').trim(); })()`;

describeInBrowsers('zendesk workspace', { served: servedPage('acme.zendesk.com', 'zendesk-workspace.html', '/agent/'), url: 'https://acme.zendesk.com/agent/tickets/5150', extension: true }, (s) => {
  const view = () => readSidebar(s().sidebar);

  it('reads the ticket: each bubble a customer message, third parties listed but not scored, nothing from under the delimiter', async () => {
    await expect.poll(async () => (await view()).coverage, POLL).toEqual({ read: 5, unread: 0, more: true, trimmed: 0, expand: true });
    const v = await view();
    expect(v.conversation).toBe('zendesk:5150');
    expect(v.moodPoints).toBe(4); // the email and the three grouped bubbles; not the side conversation
    expect(v.others.map((o) => o.kind)).toEqual(['side-conversation', 'automation', 'bot']);
    expect(v.others[0]?.text).toContain('Kurt (FastFreight)');
    expect(v.steps.validate).not.toBe('done'); // the bot's "I completely understand…" is not the agent's
    expect(v.steps.thank).not.toBe('done'); // nor the automation's thanks
    expect(v.steps.apologize).toBe('done'); // the agent's own reply
    expect(v.cues.some((c) => /chargeback/i.test(c))).toBe(true);
    expect(v.cues.join(' | ')).not.toMatch(/lawyer/i); // quoted notification under "##- … -##"
  });

  it('finds the composer outside the ticket pane: the draft is coached', async () => {
    await s().site.until('!!window.__editor');
    await s().site.click('#composer');
    await s().site.type(POLICY_AND_CALM);
    await expect.poll(async () => (await view()).flags, POLL).toEqual(expect.arrayContaining(['avoid-policy-talk', 'avoid-calm-down']));
    expect((await view()).suggestions).toBeGreaterThan(0);
  });

  it('an internal note is not coached, Insert puts nothing into it, and the mood stays', async () => {
    await s().site.click('#switcher');
    await s().site.click('[data-test-id="omnichannel-channel-switcher-menuitem-internal"]');
    await expect.poll(async () => (await view()).note, POLL).toBe(true);
    await expect.poll(async () => (await view()).flags, POLL).toEqual([]);
    const v = await view();
    expect(v.suggestions).toBe(0);
    expect(v.score).not.toBeNull();
    expect(v.moodPoints).toBe(4);
    // Even an insert request sent straight to the worker is refused by the tab.
    const before = await s().site.eval<string>(editorText);
    const reply = await s().sidebar.eval<{ ok: boolean; detail: string }>(`(async () => {
      const tabId = Number(document.querySelector('[data-testid="sidebar"]').getAttribute('data-tab-id'));
      const api = globalThis.browser ?? globalThis.chrome;
      return api.runtime.sendMessage({ kind: 'sidebar/insert', tabId, text: 'I completely understand how frustrating that must be.' });
    })()`);
    expect(reply).toMatchObject({ ok: false });
    expect(reply.detail).toMatch(/internal note/);
    expect(await s().site.eval<string>(editorText)).toBe(before);
    // Back to a public reply: coached again.
    await s().site.click('#switcher');
    await s().site.click('[data-test-id="omnichannel-channel-switcher-menuitem-email"]');
    await expect.poll(async () => (await view()).flags, POLL).toContain('avoid-policy-talk');
    expect((await view()).note).toBe(false);
  });

  it('one click loads the older comments behind "show more"', async () => {
    await s().sidebar.click('[data-testid="expand"]');
    await expect.poll(async () => (await view()).coverage, POLL).toMatchObject({ read: 7, more: false, expand: false });
    expect((await view()).moodPoints).toBe(5);
  });
});
