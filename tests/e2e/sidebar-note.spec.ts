/**
 * The sidebar's own features on the angry Zendesk ticket, in Chromium with the built extension:
 * "is it working?" after the agent's reply, the after-action note copied to the clipboard (read
 * back from the system clipboard), the polite announcement of a new flag, and the settings the
 * agent can change (compact mode, a site switched off, the wellbeing tips).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openSidebar, type ChromiumHarness } from './helpers/chromium.ts';
import { POLICY_AND_CALM, ZENDESK_EDITOR, ZENDESK_URL, zendeskServed } from './helpers/sites.ts';

const POLL = { timeout: 10_000, interval: 100 };
const EDITOR = ZENDESK_EDITOR('48213');

describe('sidebar features in Chromium', () => {
  let h: ChromiumHarness;
  let page: Page;
  let sidebar: Page;
  let options: Page;

  const setSetting = async (testId: string, on: boolean): Promise<void> => {
    const box = options.locator(`[data-testid="${testId}"]`);
    if ((await box.isChecked()) !== on) await box.click();
    await expect.poll(() => box.isChecked(), POLL).toBe(on);
  };
  /** Issue 13: the note and the tips wait in sections that start closed; open one as the agent would. */
  const openSection = async (id: string): Promise<void> => {
    const section = sidebar.locator(`[data-section="${id}"]`);
    if ((await section.getAttribute('data-open')) !== 'true') await section.locator('[data-testid="section-toggle"]').click();
    await expect.poll(() => section.getAttribute('data-open'), POLL).toBe('true');
  };
  const local = (key: string): Promise<unknown> => sidebar.evaluate(async (k) => {
    const api = (window as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get(k))[k];
  }, key);

  beforeAll(async () => {
    h = await launchChromium([zendeskServed]);
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://acme.zendesk.com' });
    page = await h.context.newPage();
    await page.goto(ZENDESK_URL);
    sidebar = await openSidebar(h, page, 'https://acme.zendesk.com/');
    options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.locator('[data-testid="settings"][data-loaded="true"]').waitFor();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows the level in words, a sparkline, and whether the customer's answer to the reply cooled or heated", async () => {
    await expect.poll(() => sidebar.locator('[data-testid="mood"]').getAttribute('data-score'), POLL).not.toBeNull();
    const points = await sidebar.locator('[data-testid="mood-point"]').evaluateAll((els) => els.map((e) => ({ score: Number(e.getAttribute('data-score')), level: e.getAttribute('data-level') })));
    expect(points.length).toBeGreaterThan(1);
    const last = points[points.length - 1]!;
    expect(await sidebar.locator('[data-testid="mood-level"]').textContent()).toBe(last.level);
    const effects = sidebar.locator('[data-testid="effect"]');
    expect(await effects.count()).toBeGreaterThan(0);
    // The ticket's customer wrote calmly, got a reply, then wrote furiously: that reply heated things up.
    expect(await effects.first().getAttribute('data-verdict')).toBe('hotter');
    expect(await effects.first().textContent()).toMatch(/heated up/);
  });

  it('copies the after-action note: the trend, the threat quoted, steps and follow-up', async () => {
    const customer = (await sidebar.locator('[data-testid="customer"]').textContent()) ?? '';
    const threats = await sidebar.locator('[data-testid="cue"][data-cue="threat"] q').allTextContents();
    expect(threats.length).toBeGreaterThan(0);
    await sidebar.bringToFront();
    await openSection('note');
    await sidebar.locator('[data-testid="copy-note"]').click();
    await expect.poll(() => sidebar.locator('[data-testid="copy-status"]').textContent(), POLL).toMatch(/Copied/);
    await page.bringToFront();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`^Cooldown summary: conversation with ${customer} \\(\\d+ messages\\)\\n`));
    expect(copied).toMatch(/^Customer mood: \d+ \w+ at first, \d+ furious in their latest message \(rising\)\.$/m);
    expect(copied).toMatch(/^- after message \d+ the customer heated up \(\+\d+\)$/m);
    expect(copied).toMatch(/^- Threat \(message \d+\): “/m);
    for (const q of threats) expect(copied).toContain(`“${q}”`);
    expect(copied).toMatch(/^Agreed follow-up: /m);
    // What was copied is what the note shows.
    await sidebar.getByRole('button', { name: 'Show' }).click();
    expect(await sidebar.locator('[data-testid="note-text"]').textContent()).toBe(copied);
  });

  it('announces a new flag politely', async () => {
    const announcer = sidebar.locator('[data-testid="announcer"]');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    await page.bringToFront();
    await page.locator(EDITOR).click();
    await page.keyboard.type(POLICY_AND_CALM, { delay: 5 });
    await expect.poll(() => sidebar.locator('[data-testid="flag"][data-rule="avoid-calm-down"]').count(), POLL).toBe(1);
    await expect.poll(() => announcer.textContent(), POLL).toMatch(/calm down|2 new flags/i);
  });

  it('compact mode drops the explanations', async () => {
    expect(await sidebar.locator('.why').count()).toBeGreaterThan(0);
    await setSetting('compact', true);
    await expect.poll(() => sidebar.locator('.app.compact').count(), POLL).toBe(1);
    expect(await sidebar.locator('.why').count()).toBe(0);
    await setSetting('compact', false);
    await expect.poll(() => sidebar.locator('.why').count(), POLL).toBeGreaterThan(0);
  });

  it('the offer-a-call tip shows while the customer stays furious, and can be switched off', async () => {
    await expect.poll(() => sidebar.locator('[data-testid="call-tip"]').count(), POLL).toBe(1);
    await setSetting('call-tip-on', false);
    await expect.poll(() => sidebar.locator('[data-testid="call-tip"]').count(), POLL).toBe(0);
    await setSetting('call-tip-on', true);
    await expect.poll(() => sidebar.locator('[data-testid="call-tip"]').count(), POLL).toBe(1);
  });

  it('the worker remembers heated conversations; after three in a row a dismissible break tip shows', async () => {
    const id = await sidebar.locator('[data-testid="sidebar"]').getAttribute('data-conversation');
    await expect.poll(async () => JSON.stringify(await local('wellbeing')), POLL).toContain(JSON.stringify(id));
    expect(await sidebar.locator('[data-testid="break-tip"]').count()).toBe(0); // one heated conversation so far
    // Two earlier heated conversations, as the worker would have recorded them.
    await sidebar.evaluate(async () => {
      const api = (window as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { recent: object[] }>>; set(v: object): Promise<void> } } } }).chrome;
      const w = (await api.storage.local.get('wellbeing')).wellbeing!;
      const earlier = [{ id: 'zendesk:earlier-1', peak: 90, heated: true, at: 1 }, { id: 'zendesk:earlier-2', peak: 80, heated: true, at: 2 }];
      await api.storage.local.set({ wellbeing: { ...w, recent: [...earlier, ...w.recent] } });
    });
    const tip = sidebar.locator('[data-testid="break-tip"]');
    await expect.poll(() => tip.count(), POLL).toBe(1);
    expect(await tip.textContent()).toMatch(/3 heated conversations in a row/);
    await openSection('tips');
    await sidebar.locator('[data-testid="dismiss-break"]').click();
    await expect.poll(() => tip.count(), POLL).toBe(0);
  });

  it('a site switched off in the options is not coached', async () => {
    await setSetting('site-zendesk', false);
    await expect.poll(() => sidebar.locator('[data-testid="empty"]').getAttribute('data-reason'), POLL).toBe('site-off');
    expect(await sidebar.locator('[data-testid="mood"]').count()).toBe(0);
    await setSetting('site-zendesk', true);
    await expect.poll(() => sidebar.locator('[data-testid="mood"]').count(), POLL).toBe(1);
  });

  // Checked after every test, so it cannot pass by running alone (a lone 'no errors' test
  // after the others saw nothing when run by itself).
  afterEach(() => {
    expect(h.extensionErrors, 'errors logged during this test').toEqual([]);
  });
});
