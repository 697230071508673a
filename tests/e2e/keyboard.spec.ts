/**
 * Keyboard only, on the sidebar page: Tab reaches a flag's replacement and Enter swaps the
 * flagged words in the site's editor; Tab reaches a suggestion's Insert and Enter puts it in;
 * Tab reaches a closed section's heading and Enter opens it (the note's Copy is inside);
 * the focused control shows a visible focus ring. (The shortcut that opens the coach is a
 * browser command, checked in build.spec.ts: synthesized keys do not trigger extension commands.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openSidebar, type ChromiumHarness } from './helpers/chromium.ts';
import { GMAIL_EDITOR, GMAIL_URL, POLICY_AND_CALM, gmailServed } from './helpers/sites.ts';

const POLL = { timeout: 10_000, interval: 100 };

describe('keyboard-only flow in Chromium', () => {
  let h: ChromiumHarness;
  let page: Page;
  let sidebar: Page;

  const editorText = (): Promise<string> => page.$eval(GMAIL_EDITOR, (el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.gmail_quote').forEach((q) => q.remove());
    return (clone.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  });

  /** Presses Tab until the focused element matches `selector`; returns how many presses it took. */
  async function tabTo(selector: string, max = 80): Promise<number> {
    for (let i = 1; i <= max; i++) {
      await sidebar.keyboard.press('Tab');
      if (await sidebar.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  beforeAll(async () => {
    h = await launchChromium([gmailServed]);
    page = await h.context.newPage();
    await page.goto(GMAIL_URL);
    sidebar = await openSidebar(h, page, 'https://mail.google.com/');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('Tab to a replacement, Enter: the flagged words are replaced in the editor', async () => {
    await expect.poll(() => sidebar.locator('[data-testid="mood"]').getAttribute('data-score'), POLL).not.toBeNull();
    await page.locator(GMAIL_EDITOR).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(POLICY_AND_CALM, { delay: 5 });
    const calm = sidebar.locator('[data-testid="flag"][data-rule="avoid-calm-down"]');
    await expect.poll(() => calm.count(), POLL).toBe(1);

    await sidebar.bringToFront();
    await sidebar.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo('[data-rule="avoid-calm-down"] [data-testid="replace"]');
    const focused = sidebar.locator(':focus');
    const replacement = /“(.*)”/.exec((await focused.textContent()) ?? '')?.[1] ?? '';
    expect(replacement).not.toBe('');
    // Focus is visible: a real outline on the focused button.
    const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    // The button is described by the flag's reason for screen readers.
    expect(await focused.getAttribute('aria-describedby')).toMatch(/^flag-avoid-calm-down-/);

    await sidebar.keyboard.press('Enter');
    await expect.poll(editorText, POLL).toContain(replacement);
    expect(await editorText()).not.toMatch(/calm down/i);
    await expect.poll(() => calm.count(), POLL).toBe(0);
  });

  it('Tab to a suggestion\'s Insert, Enter: the suggestion lands in the editor', async () => {
    const first = sidebar.locator('[data-testid="suggestion"]').first();
    const text = ((await first.locator('.text').textContent()) ?? '').trim();
    expect(text.length).toBeGreaterThan(10);
    await sidebar.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo('[data-testid="suggestion"]:first-child [data-testid="insert"]');
    await sidebar.keyboard.press('Enter');
    await expect.poll(editorText, POLL).toContain(text);
  });

  it('the after-action note is reachable too: Tab to its closed section, Enter opens it, Tab to "Copy note", Enter', async () => {
    await sidebar.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Issue 13: the note waits in a closed section; a closed section's controls are not in the Tab order.
    const note = sidebar.locator('[data-section="note"]');
    expect(await note.getAttribute('data-open')).toBe('false');
    await tabTo('[data-section="note"] [data-testid="section-toggle"]');
    expect(await sidebar.locator(':focus').getAttribute('aria-expanded')).toBe('false');
    await sidebar.keyboard.press('Enter');
    await expect.poll(() => note.getAttribute('data-open'), POLL).toBe('true');
    expect(await sidebar.locator(':focus').getAttribute('aria-expanded')).toBe('true');
    await tabTo('[data-testid="copy-note"]');
    await sidebar.keyboard.press('Enter');
    await expect.poll(() => sidebar.locator('[data-testid="copy-status"]').textContent(), POLL).toMatch(/Copied/);
  });

  // Checked after every test, so it cannot pass by running alone (a lone 'no errors' test
  // after the others saw nothing when run by itself).
  afterEach(() => {
    expect(h.extensionErrors, 'errors logged during this test').toEqual([]);
  });
});
