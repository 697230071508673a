/**
 * The core Gmail scenario in Firefox (Debian firefox-esr over WebDriver BiDi): mood shown,
 * typed phrases flagged, Insert lands in the editor, the next conversation replaces the analysis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { bindSidebar, launchFirefox, openServed, until, type FirefoxHarness } from './helpers/firefox.ts';
import { GMAIL_EDITOR, GMAIL_URL, POLICY_AND_CALM, VALIDATING, gmailServed } from './helpers/sites.ts';

describe('gmail in Firefox', () => {
  let h: FirefoxHarness;
  let page: Page;
  let sidebar: Page;

  const editorText = (): Promise<string> => page.$eval(GMAIL_EDITOR, (el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.gmail_quote').forEach((q) => q.remove());
    return (clone.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  });
  const clearAndType = async (text: string): Promise<void> => {
    await page.bringToFront();
    await page.click(GMAIL_EDITOR);
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(text, { delay: 10 });
  };

  beforeAll(async () => {
    h = await launchFirefox();
    page = await openServed(h, gmailServed, GMAIL_URL);
    await page.evaluate(() => {
      const w = window as unknown as { __inputs: number };
      w.__inputs = 0;
      document.addEventListener('input', () => w.__inputs++, true);
    });
    sidebar = await bindSidebar(h, 'https://mail.google.com/*');
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows the customer's mood", async () => {
    await until(sidebar, `!!document.querySelector('[data-testid="mood"][data-score]')`);
    const score = Number(await sidebar.$eval('[data-testid="mood"]', (el) => el.getAttribute('data-score')));
    expect(score).toBeGreaterThanOrEqual(50);
    expect(score).toBeLessThanOrEqual(100);
  });

  it('flags the typed phrases', async () => {
    await clearAndType(POLICY_AND_CALM);
    await until(sidebar, `!!document.querySelector('[data-testid="flag"][data-rule="avoid-policy-talk"]')`);
    await until(sidebar, `!!document.querySelector('[data-testid="flag"][data-rule="avoid-calm-down"]')`);
  });

  it('drafts the validate step and Insert lands in the editor', async () => {
    await clearAndType(VALIDATING);
    await until(sidebar, `document.querySelector('[data-testid="step"][data-step="validate"]')?.getAttribute('data-status') === 'drafted'`);
    const text = await sidebar.$eval('[data-testid="suggestion"] .text', (el) => (el.textContent ?? '').trim());
    expect(text.length).toBeGreaterThan(10);
    const inputsBefore = await page.evaluate(() => (window as unknown as { __inputs: number }).__inputs);
    await sidebar.bringToFront();
    await sidebar.click('[data-testid="suggestion"] [data-testid="insert"]');
    await until(page, `document.querySelector(${JSON.stringify(GMAIL_EDITOR)}).textContent.replace(/\\u00a0/g, ' ').includes(${JSON.stringify(text)})`);
    expect(await editorText()).toContain(VALIDATING);
    expect(await page.evaluate(() => (window as unknown as { __inputs: number }).__inputs)).toBeGreaterThan(inputsBefore);
  });

  it('the next conversation replaces the analysis', async () => {
    const first = await sidebar.$eval('[data-testid="sidebar"]', (el) => el.getAttribute('data-conversation'));
    expect(first).toMatch(/^gmail:thread-f:/);
    await page.bringToFront();
    await page.click('#next-conversation');
    await until(sidebar, `(() => { const c = document.querySelector('[data-testid="sidebar"]')?.getAttribute('data-conversation'); return !!c && c !== ${JSON.stringify(first)}; })()`);
    await until(sidebar, `document.querySelector('[data-testid="step"][data-step="validate"]')?.getAttribute('data-status') !== 'drafted'`);
    expect(await sidebar.$$eval('[data-testid="flag"]', (els) => els.length)).toBe(0);
  });
});
