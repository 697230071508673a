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
 * Issue 13: from the keystroke that completes a flagged phrase (its final '.') to the frame that
 * paints its underline. The marks live in a closed shadow root, which the page cannot see into;
 * the content script's own world can (`chrome.dom.openOrClosedShadowRoot`), so the probe runs
 * there, through the DevTools protocol: a capture-phase keydown listener notes when the key
 * reached the page, a MutationObserver on our shadow root notes when a mark was placed, and the
 * next animation frame after it is the paint. One clock: the page's `performance.now()`.
 */
async function underlineLatencies(h: Awaited<ReturnType<typeof launchChromium>>, page: import('playwright-core').Page, editor: import('playwright-core').Locator, rounds: number): Promise<number[]> {
  const cdp = await h.context.newCDPSession(page);
  const worlds: Array<{ id: number; origin: string; type?: string }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => {
    worlds.push({ id: e.context.id, origin: e.context.origin, type: e.context.auxData?.type });
  });
  await cdp.send('Runtime.enable'); // reports the contexts that exist already
  const world = worlds.find((w) => w.type === 'isolated' && w.origin.startsWith(`chrome-extension://${h.extensionId}`));
  if (!world) throw new Error(`no content-script world for ${h.extensionId} in ${JSON.stringify(worlds)}`);
  const inWorld = async <T>(expression: string): Promise<T> => {
    const r = await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true }) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (r.exceptionDetails) throw new Error(`probe: ${r.exceptionDetails.text}`);
    return r.result.value;
  };
  await inWorld(`(() => {
    const probe = globalThis.__underlineProbe = { key: 0, painted: [] };
    const MARK = /^m (error|warning|info)$/;
    const watched = new WeakSet();
    const isMark = (n) => n instanceof Element && MARK.test(n.className);
    // A mark that appeared: a new element born a mark, or one that became a mark (marks are
    // reused, and a redraw of a mark already shown sets the same class again: not counted).
    const appeared = (r) => (r.type === 'attributes' && isMark(r.target) && !MARK.test(r.oldValue ?? ''))
      || [...r.addedNodes].some((n) => isMark(n) || (n instanceof Element && n.querySelector('.m')));
    const onMarks = (records) => {
      if (!records.some(appeared)) return;
      requestAnimationFrame(() => probe.painted.push(performance.now()));
    };
    const watchRoots = () => {
      for (const el of document.querySelectorAll('body > *, html > *')) {
        const root = chrome.dom.openOrClosedShadowRoot(el);
        if (!root || el.shadowRoot || watched.has(root)) continue; // closed roots only: ours
        watched.add(root);
        new MutationObserver(onMarks).observe(root, { childList: true, subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['class'] });
      }
    };
    watchRoots();
    new MutationObserver(watchRoots).observe(document.documentElement, { childList: true, subtree: false });
    new MutationObserver(watchRoots).observe(document.body, { childList: true, subtree: false });
    document.addEventListener('keydown', (e) => { if (e.key === '.') { probe.key = performance.now(); probe.painted = []; } }, true);
  })()`);
  const latencies: number[] = [];
  // The agent looks at the page (the side panel sits beside it): a background tab gets no frames.
  await page.bringToFront();
  for (let round = 0; round < rounds; round++) {
    for (const [phrase] of PHRASES) {
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(DEBOUNCE_MS + 300);
      await page.keyboard.type(phrase.slice(0, -1), { delay: 25 });
      await page.keyboard.press(phrase.slice(-1));
      const deadline = Date.now() + 5_000;
      let latency = Number.NaN;
      while (Date.now() < deadline) {
        const p = await inWorld<{ key: number; painted: number[] }>('globalThis.__underlineProbe');
        if (p.painted.length) {
          latency = p.painted[0]! - p.key;
          break;
        }
        await page.waitForTimeout(20);
      }
      if (!Number.isNaN(latency)) latencies.push(Math.round(latency));
    }
  }
  await cdp.detach();
  return latencies.sort((a, b) => a - b);
}


/**
 * Issue 13: what repositioning the marks costs when the page scrolls under a 2,000-character
 * draft with flags in it. Measured in the content script's world: each scroll asks for a frame;
 * the frame's start time is what `requestAnimationFrame` passes, and the marks' new positions are
 * written (a MutationObserver records it) at the end of our frame callback, so their difference
 * is the work done in that frame up to and including the repositioning.
 */
async function scrollCosts(h: Awaited<ReturnType<typeof launchChromium>>, page: import('playwright-core').Page, editor: import('playwright-core').Locator, scrolls: number): Promise<{ costs: number[]; marks: number; chars: number }> {
  const cdp = await h.context.newCDPSession(page);
  const worlds: Array<{ id: number; origin: string; type?: string }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => {
    worlds.push({ id: e.context.id, origin: e.context.origin, type: e.context.auxData?.type });
  });
  await cdp.send('Runtime.enable');
  const world = worlds.find((w) => w.type === 'isolated' && w.origin.startsWith(`chrome-extension://${h.extensionId}`));
  if (!world) throw new Error('no content-script world');
  const inWorld = async <T>(expression: string): Promise<T> => {
    const r = await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true }) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (r.exceptionDetails) throw new Error(`probe: ${r.exceptionDetails.text}`);
    return r.result.value;
  };
  // A long reply with flagged phrases spread through it, typed in one go (the agent pasted it).
  const sentences = ["That's our policy.", 'Please calm down.', 'I looked into the order history for you today.', 'The parcel left our warehouse on Monday morning.', "There's nothing I can do.", 'I will keep an eye on the tracking page.'];
  let draft = '';
  for (let i = 0; draft.length < 2_000; i++) draft += `${sentences[i % sentences.length]} `;
  draft = draft.slice(0, 2_000);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(draft);
  await page.keyboard.type(' ');
  const countMarks = `(() => { for (const el of document.querySelectorAll('body > *, html > *')) { const r = chrome.dom.openOrClosedShadowRoot(el); if (r && !el.shadowRoot) return r.querySelectorAll('.m').length; } return 0; })()`;
  const deadline = Date.now() + 10_000;
  let marks = 0;
  while (Date.now() < deadline && (marks = await inWorld<number>(countMarks)) < 6) await page.waitForTimeout(100);
  await inWorld(`(() => {
    // Every frame's start time, from a frame callback asked for one frame ahead: it runs before
    // the callbacks a scroll event asks for in that frame (ours among them), so 'now - frame'
    // when the marks' positions are written is the frame's work up to the repositioning.
    const probe = globalThis.__scrollProbe = { frame: 0, counted: 0, costs: [] };
    const loop = (t) => { probe.frame = t; requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    for (const el of document.querySelectorAll('body > *, html > *')) {
      const root = chrome.dom.openOrClosedShadowRoot(el);
      if (!root || el.shadowRoot) continue;
      new MutationObserver(() => {
        if (!probe.frame || probe.counted === probe.frame) return; // once per frame
        probe.counted = probe.frame;
        probe.costs.push(performance.now() - probe.frame);
      }).observe(root, { attributes: true, subtree: true, attributeFilter: ['style'] });
    }
  })()`);
  const scroller = await page.evaluate(() => {
    const el = document.scrollingElement!;
    return el.scrollHeight > el.clientHeight + 40;
  });
  for (let i = 0; i < scrolls; i++) {
    if (scroller) await page.evaluate((d) => window.scrollBy(0, d), i % 2 ? -30 : 30);
    else await page.mouse.wheel(0, i % 2 ? -30 : 30);
    await page.waitForTimeout(50);
  }
  const costs = await inWorld<number[]>('globalThis.__scrollProbe.costs');
  await cdp.detach();
  return { costs: costs.map((c) => Math.round(c * 10) / 10).sort((a, b) => a - b), marks, chars: draft.length };
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
    let flaggedEarly = 0;
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
        // Timed from the keystroke that completes the phrase (its final '.'); a phrase whose flag
        // showed before that key (its words ended earlier: a word-boundary send caught it) is counted apart.
        await page.keyboard.type(phrase.slice(0, -1), { delay: 25 });
        const early = await sidebar.locator(`[data-testid="flag"][data-rule="${rule}"]`).count() > 0;
        const lastKey = Date.now();
        await page.keyboard.press(phrase.slice(-1));
        const t = await appeared;
        if (Number.isNaN(t)) missed.push(rule);
        else if (early) flaggedEarly++;
        else latencies.push(t - lastKey);
      }
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    const underline = await underlineLatencies(h, page, editor, rounds);
    const uat = (q: number) => underline[Math.min(underline.length - 1, Math.floor(q * underline.length))]!;
    const scroll = await scrollCosts(h, page, editor, 60);
    const sat = (q: number) => scroll.costs[Math.min(scroll.costs.length - 1, Math.floor(q * scroll.costs.length))]!;
    const reposition = { scenario: 'e2e-scroll-reposition', draft_chars: scroll.chars, marks: scroll.marks, frames: scroll.costs.length, p50_ms: sat(0.5), p95_ms: sat(0.95), budget_ms: 16 };
    const result = { scenario: 'e2e-keystroke-to-flag', phrases: latencies.length, flagged_before_last_key: flaggedEarly, typing_pause_ms: DEBOUNCE_MS, p50_ms: at(0.5), p95_ms: at(0.95), budget_ms: DEBOUNCE_MS + 50 };
    const marks = { scenario: 'e2e-keystroke-to-underline', phrases: underline.length, p50_ms: uat(0.5), p95_ms: uat(0.95), budget_ms: 100 };
    if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n${JSON.stringify(marks)}\n${JSON.stringify(reposition)}\n`);
    else {
      process.stdout.write(`keystroke completing a phrase → flag in the sidebar, ${result.phrases} phrases in real Chromium: p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms (typing pause ${DEBOUNCE_MS} ms; budget pause + 50 = ${result.budget_ms} ms; ${flaggedEarly} more were flagged before their last key)\n`);
      process.stdout.write(`keystroke completing a phrase → its underline in the composer's overlay, ${marks.phrases} phrases: p50 ${marks.p50_ms} ms, p95 ${marks.p95_ms} ms (target p95 ≤ 100 ms)\n`);
      process.stdout.write(`repositioning the marks on scroll, ${reposition.draft_chars}-character draft with ${reposition.marks} marks, ${reposition.frames} frames: p50 ${reposition.p50_ms} ms, p95 ${reposition.p95_ms} ms (target p95 < 16 ms)\n`);
      if (missed.length) process.stdout.write(`not flagged within 5 s (check the phrase list against the pack): ${missed.join(', ')}\n`);
    }
    return 0;
  } finally {
    await h.close();
  }
}
