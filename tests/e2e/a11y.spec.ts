/**
 * Accessibility of the extension's own pages in Chromium, checked with axe-core: the sidebar
 * coaching an angry thread with a flagged draft (light and dark), the empty sidebar, and the
 * options page with the first-run welcome. No serious or critical violations allowed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './helpers/axe.ts';
import { launchChromium, openSidebar, type ChromiumHarness } from './helpers/chromium.ts';
import { GMAIL_EDITOR, GMAIL_URL, POLICY_AND_CALM, gmailServed } from './helpers/sites.ts';

const POLL = { timeout: 10_000, interval: 100 };

describe('accessibility (axe-core) in Chromium', () => {
  let h: ChromiumHarness;
  let page: Page;
  let sidebar: Page;

  beforeAll(async () => {
    h = await launchChromium([gmailServed]);
    page = await h.context.newPage();
    await page.goto(GMAIL_URL);
    sidebar = await openSidebar(h, page, 'https://mail.google.com/');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the coaching sidebar has landmarks, labels and no serious violations (light and dark)', async () => {
    await expect.poll(() => sidebar.locator('[data-testid="mood"]').getAttribute('data-score'), POLL).not.toBeNull();
    await page.locator(GMAIL_EDITOR).click();
    await page.keyboard.type(POLICY_AND_CALM, { delay: 5 });
    await expect.poll(() => sidebar.locator('[data-testid="flag"]').count(), POLL).toBeGreaterThan(0);
    expect(await sidebar.locator('header').count()).toBe(1);
    expect(await sidebar.locator('main').count()).toBe(1);
    expect(await sidebar.locator('footer').count()).toBe(1);
    expect(await sidebar.locator('[role="status"][aria-live="polite"][data-testid="announcer"]').count()).toBe(1);
    expect(await sidebar.locator('[data-testid="sparkline"]').getAttribute('aria-label')).toMatch(/\d+ (calm|upset|angry|furious)/);
    for (const scheme of ['light', 'dark'] as const) {
      await sidebar.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(sidebar), scheme).toEqual([]);
    }
    // Issue 13: axe skips what is hidden, so the folding sections are checked open too.
    const toggles = sidebar.locator('[data-testid="section-toggle"][aria-expanded="false"]');
    while (await toggles.count()) await toggles.first().click();
    for (const scheme of ['light', 'dark'] as const) {
      await sidebar.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(sidebar), `${scheme}, sections open`).toEqual([]);
    }
  });

  it('the empty sidebar has no serious violations', async () => {
    const view = await h.context.newPage();
    await view.goto(`chrome-extension://${h.extensionId}/sidebar.html?tabId=999999`);
    await expect.poll(() => view.locator('[data-testid="empty"]').getAttribute('data-reason'), POLL).toMatch(/./);
    expect(await seriousViolations(view)).toEqual([]);
    await view.close();
  });

  it('the options page with the first-run welcome has no serious violations (light and dark)', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html?welcome=1`);
    await options.locator('[data-testid="settings"][data-loaded="true"]').waitFor();
    expect(await options.locator('[data-testid="welcome"] li').count()).toBe(3);
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(options), scheme).toEqual([]);
    }
    await options.close();
  });
});
