/**
 * Zendesk Agent Workspace ticket (fixture served at acme.zendesk.com), with a real CKEditor 5
 * mounted in the active ticket's composer slot: CKEditor ignores execCommand, so Insert and
 * Replace only pass if they go through the editor's model, which getData() proves.
 */
import type { Page } from 'playwright-core';
import { describeAdapterContract } from './helpers/contract.ts';
import { CKEDITOR_URL, ZENDESK_EDITOR, ZENDESK_URL, zendeskServed } from './helpers/sites.ts';

const EDITOR = ZENDESK_EDITOR('48213');

interface CkWindow {
  CKEDITOR: Record<string, unknown> & { InlineEditor: { create(el: Element, config: object): Promise<unknown> } };
  __changes: number;
}
interface CkEditable { ckeditorInstance?: { getData(): string; model: { document: { on(ev: string, fn: () => void): void } } } }

async function mountCkeditor(page: Page): Promise<void> {
  await page.addScriptTag({ url: CKEDITOR_URL });
  await page.evaluate(async (selector) => {
    const w = window as unknown as CkWindow;
    const { InlineEditor, Essentials, Paragraph, Bold, Italic } = w.CKEDITOR;
    const el = document.querySelector(selector);
    if (!el) throw new Error('composer slot not found');
    const editor = await InlineEditor.create(el, { licenseKey: 'GPL', plugins: [Essentials, Paragraph, Bold, Italic] }) as
      { model: { document: { on(ev: string, fn: () => void): void } } };
    w.__changes = 0;
    editor.model.document.on('change:data', () => w.__changes++);
  }, EDITOR);
  await page.waitForFunction((selector) => !!(document.querySelector(selector) as unknown as CkEditable | null)?.ckeditorInstance, EDITOR);
}

describeAdapterContract({
  name: 'zendesk',
  served: zendeskServed,
  url: ZENDESK_URL,
  tabUrlPrefix: 'https://acme.zendesk.com/',
  angryAtLeast: 50,
  prepare: mountCkeditor,
  editor: (page) => page.locator(EDITOR),
  // The editor's own serialisation, not the DOM: what Zendesk would send.
  siteEditorText: (page) => page.evaluate((selector) => {
    const data = (document.querySelector(selector) as unknown as CkEditable | null)?.ckeditorInstance?.getData() ?? '';
    return (new DOMParser().parseFromString(data, 'text/html').body.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  }, EDITOR),
  siteEditorChanges: (page) => page.evaluate(() => (window as unknown as CkWindow).__changes),
});
