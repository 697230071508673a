/**
 * Zendesk in Firefox: the CKEditor 5 bridge crosses from the isolated content script to the
 * page's MAIN world through CustomEvents, whose rules differ between Firefox (Xray wrappers) and
 * Chrome. A real CKEditor 5 is mounted in the composer; getData() proves the model changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { bindSidebar, launchFirefox, openServed, until, waitFor, type FirefoxHarness } from './helpers/firefox.ts';
import { CKEDITOR_URL, POLICY_AND_CALM, ZENDESK_EDITOR, ZENDESK_URL, zendeskServed } from './helpers/sites.ts';

const EDITOR = ZENDESK_EDITOR('48213');

describe('zendesk in Firefox', () => {
  let h: FirefoxHarness;
  let page: Page;
  let sidebar: Page;

  const ckText = (): Promise<string> => page.evaluate((selector) => {
    const el = document.querySelector(selector) as unknown as { ckeditorInstance?: { getData(): string } } | null;
    const data = el?.ckeditorInstance?.getData() ?? '';
    return (new DOMParser().parseFromString(data, 'text/html').body.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  }, EDITOR);

  beforeAll(async () => {
    h = await launchFirefox();
    page = await openServed(h, zendeskServed, ZENDESK_URL);
    await page.addScriptTag({ url: CKEDITOR_URL });
    await page.evaluate(async (selector) => {
      const ck = (window as unknown as { CKEDITOR: Record<string, unknown> & { InlineEditor: { create(el: Element, c: object): Promise<unknown> } } }).CKEDITOR;
      const el = document.querySelector(selector);
      if (!el) throw new Error('composer slot not found');
      await ck.InlineEditor.create(el, { licenseKey: 'GPL', plugins: [ck.Essentials, ck.Paragraph] });
    }, EDITOR);
    sidebar = await bindSidebar(h, 'https://acme.zendesk.com/*');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the mood and flags typed phrases', async () => {
    await until(sidebar, `!!document.querySelector('[data-testid="mood"][data-score]')`);
    await page.bringToFront();
    await page.click(EDITOR);
    await page.keyboard.type(POLICY_AND_CALM, { delay: 10 });
    await until(sidebar, `!!document.querySelector('[data-testid="flag"][data-rule="avoid-calm-down"]')`);
    await until(sidebar, `!!document.querySelector('[data-testid="flag"][data-rule="avoid-policy-talk"]')`);
    expect(await ckText()).toBe(POLICY_AND_CALM);
  });

  it('Replace and Insert go through the CKEditor model', async () => {
    const replacement = await sidebar.$eval('[data-testid="flag"][data-rule="avoid-calm-down"] [data-testid="replace"]',
      (el) => /“(.*)”/.exec(el.textContent ?? '')?.[1] ?? '');
    expect(replacement).not.toBe('');
    await sidebar.bringToFront();
    await sidebar.click('[data-testid="flag"][data-rule="avoid-calm-down"] [data-testid="replace"]');
    await waitFor(async () => (await ckText()).includes(replacement), 'the replacement in the CKEditor model');
    expect(await ckText()).toContain(replacement);
    expect(await ckText()).not.toMatch(/calm down/i);

    const text = await sidebar.$eval('[data-testid="suggestion"] .text', (el) => (el.textContent ?? '').trim());
    await sidebar.click('[data-testid="suggestion"] [data-testid="insert"]');
    await waitFor(async () => (await ckText()).includes(text), 'the suggestion in the CKEditor model');
    expect(await ckText()).toContain(replacement);
  });
});
