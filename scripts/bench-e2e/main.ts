/**
 * `npm run bench:e2e`: in real Chromium with the built extension, the time from the last
 * keystroke of a typed phrase to its flag appearing in the sidebar, p50/p95 over 30+ phrases
 * typed into the Gmail fixture, and the typing pause it used. The clock is shared: both ends
 * read Date.now() on this machine.
 */
import { launchChromium, openSidebar, waitForInstalled } from '../../tests/e2e/helpers/chromium.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed } from '../../tests/e2e/helpers/sites.ts';
import { DEBOUNCE_MS } from '../../src/content/session.ts';

const PHRASES: Array<[string, string]> = [
  ["That's our policy.", 'avoid-policy-talk'],
  ['Please calm down.', 'avoid-calm-down'],
  ["You'll have to go to our website.", 'avoid-redirect-to-website'],
  ['Another department will handle it.', 'avoid-handoff'],
  ["There's nothing I can do.", 'avoid-nothing-i-can-do'],
  ['As I already said, it ships Monday.', 'avoid-pointing-back'],
  ['You should have read the email.', 'avoid-blame'],
  ['Actually, you only waited ten minutes.', 'avoid-arguing-exaggeration'],
];

/**
 * Issue 13: from the keystroke that completes a flagged phrase (its final '.') to the underline's
 * element being inserted in our closed shadow root. Only the browser's DevTools protocol can see
 * into it (DOM.getDocument with pierce), which is what makes this measurable without a hook in
 * the page; painting follows in the same frame.
 */
async function underlineLatencies(h: Awaited<ReturnType<typeof launchChromium>>, page: import('playwright-core').Page, editor: import('playwright-core').Locator, rounds: number): Promise<number[]> {
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('DOM.enable');
  let inserted: ((t: number) => void) | null = null;
  const seen = (node: { attributes?: string[] }): void => {
    const a = node.attributes ?? [];
    const cls = a[a.indexOf('class') + 1] ?? '';
    if (a.includes('class') && /^m (error|warning|info)$/.test(cls)) inserted?.(Date.now());
  };
  cdp.on('DOM.childNodeInserted', (e: { node: { attributes?: string[] } }) => seen(e.node));
  cdp.on('DOM.attributeModified', (e: { name: string; value: string }) => {
    if (e.name === 'class' && /^m (error|warning|info)$/.test(e.value)) inserted?.(Date.now());
  });
  const latencies: number[] = [];
  // The agent looks at the page (the side panel sits beside it): a background tab gets no frames.
  await page.bringToFront();
  for (let round = 0; round < rounds; round++) {
    for (const [phrase] of PHRASES) {
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(DEBOUNCE_MS + 300);
      await cdp.send('DOM.getDocument', { depth: -1, pierce: true }); // subscribe to the whole tree, shadow roots included
      await page.keyboard.type(phrase.slice(0, -1), { delay: 25 });
      const shown = new Promise<number>((resolve) => {
        inserted = resolve;
        setTimeout(() => resolve(Number.NaN), 5_000);
      });
      const t0 = Date.now();
      await page.keyboard.press(phrase.slice(-1));
      const t1 = await shown;
      inserted = null;
      if (!Number.isNaN(t1)) latencies.push(t1 - t0);
    }
  }
  return latencies.sort((a, b) => a - b);
}

export async function main(argv: string[]): Promise<number> {
  const rounds = Number(argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 4);
  const h = await launchChromium([gmailServed]);
  try {
    // A page opened before the extension finished installing gets no content script (the e2e helpers wait too).
    await waitForInstalled(h);
    const page = await h.context.newPage();
    await page.goto(GMAIL_URL);
    const sidebar = await openSidebar(h, page, 'https://mail.google.com/');
    await sidebar.locator('[data-testid="mood"]').waitFor({ timeout: 15_000 });
    const editor = page.locator(GMAIL_EDITOR).first();
    const latencies: number[] = [];
    const missed: string[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const [phrase, rule] of PHRASES) {
        await editor.click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Backspace');
        await sidebar.locator('[data-testid="flag"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
        // Watch for the flag in the sidebar before typing, so its arrival time is exact.
        const appeared = sidebar.evaluate((r) => new Promise<number>((resolve) => {
          const sel = `[data-testid="flag"][data-rule="${r}"]`;
          if (document.querySelector(sel)) return resolve(Date.now());
          const mo = new MutationObserver(() => {
            if (document.querySelector(sel)) {
              mo.disconnect();
              resolve(Date.now());
            }
          });
          mo.observe(document.body, { childList: true, subtree: true, attributes: true });
          // A phrase the pack no longer flags under this rule must not hang the run: it is reported as missed.
          setTimeout(() => resolve(Number.NaN), 5_000);
        }), rule);
        await page.keyboard.type(phrase, { delay: 25 });
        const lastKey = Date.now();
        const t = await appeared;
        if (Number.isNaN(t)) missed.push(rule);
        else latencies.push(t - lastKey);
      }
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    const underline = await underlineLatencies(h, page, editor, rounds);
    const uat = (q: number) => underline[Math.min(underline.length - 1, Math.floor(q * underline.length))]!;
    const result = { scenario: 'e2e-keystroke-to-flag', phrases: latencies.length, typing_pause_ms: DEBOUNCE_MS, p50_ms: at(0.5), p95_ms: at(0.95), budget_ms: DEBOUNCE_MS + 50 };
    const marks = { scenario: 'e2e-keystroke-to-underline', phrases: underline.length, p50_ms: uat(0.5), p95_ms: uat(0.95), budget_ms: 100 };
    if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n${JSON.stringify(marks)}\n`);
    else {
      process.stdout.write(`last keystroke → flag in the sidebar, ${result.phrases} phrases in real Chromium: p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms (typing pause ${DEBOUNCE_MS} ms; budget pause + 50 = ${result.budget_ms} ms)\n`);
      process.stdout.write(`keystroke completing a phrase → its underline in the composer's overlay, ${marks.phrases} phrases: p50 ${marks.p50_ms} ms, p95 ${marks.p95_ms} ms (target p95 ≤ 100 ms)\n`);
      if (missed.length) process.stdout.write(`not flagged within 5 s (check the phrase list against the pack): ${missed.join(', ')}\n`);
    }
    return 0;
  } finally {
    await h.close();
  }
}
