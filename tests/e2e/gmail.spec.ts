/** Gmail thread view with an inline reply (fixture served at mail.google.com). */
import { describeAdapterContract } from './helpers/contract.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed } from './helpers/sites.ts';

describeAdapterContract({
  name: 'gmail',
  served: gmailServed,
  url: GMAIL_URL,
  tabUrlPrefix: 'https://mail.google.com/',
  angryAtLeast: 50,
  async prepare(page) {
    // Gmail's draft autosave listens for `input` on the body; count them like it would.
    await page.evaluate(() => {
      const w = window as unknown as { __inputs: number };
      w.__inputs = 0;
      document.addEventListener('input', () => w.__inputs++, true);
    });
  },
  editor: (page) => page.locator(GMAIL_EDITOR).first(),
  siteEditorText: (page) => page.locator(GMAIL_EDITOR).first().evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.gmail_quote').forEach((q) => q.remove());
    return (clone.textContent ?? '').replace(/\u00a0/g, ' ').trim();
  }),
  siteEditorChanges: (page) => page.evaluate(() => (window as unknown as { __inputs: number }).__inputs),
});
