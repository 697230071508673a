/**
 * Issue 13: the mood chip at the composer's corner opens the real side panel in Chromium, from
 * the agent's own (trusted) click, for that tab. The chip is in our closed shadow root, so the
 * test finds it by its colour where the overlay puts it (just below the composer's bottom-right
 * corner) and asks the browser which side panels are open. The panel is not a page Playwright
 * hands out, so what it shows is read over the DevTools protocol, attached to its target.
 */

/** Evaluates expressions in the side panel's page (a CDP target of its own). */
async function attachToPanel(cdp: CDPSession, extensionId: string): Promise<(expression: string) => Promise<unknown>> {
  const { targetInfos } = await cdp.send('Target.getTargets') as { targetInfos: { targetId: string; type: string; url: string }[] };
  const panel = targetInfos.find((t) => t.type === 'page' && t.url === `chrome-extension://${extensionId}/sidebar.html`);
  if (!panel) throw new Error(`no side panel target in ${JSON.stringify(targetInfos.map((t) => t.url))}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: panel.targetId, flatten: false }) as { sessionId: string };
  let next = 0;
  return (expression) => new Promise((resolve, reject) => {
    const id = ++next;
    const timer = setTimeout(() => reject(new Error('the side panel did not answer')), 5_000);
    const onMessage = (e: { sessionId: string; message: string }): void => {
      const m = JSON.parse(e.message) as { id?: number; result?: { result?: { value?: unknown } } };
      if (e.sessionId !== sessionId || m.id !== id) return;
      clearTimeout(timer);
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      resolve(m.result?.result?.value);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }) });
  });
}
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './helpers/chromium.ts';
import { crop, decodePng, findColour } from './helpers/pixels.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed, ZENDESK_URL, zendeskServed } from './helpers/sites.ts';

/** The chip's fill for each mood (coach.ts), any of which marks it on screen. */
const CHIP_FILLS = [[24, 128, 56], [176, 96, 0], [197, 34, 31], [142, 0, 0], [95, 99, 104]] as const;
const POLL = { timeout: 15_000, interval: 200 };

describe('the mood chip opens the coach (Chromium side panel)', () => {
  let h: ChromiumHarness;
  let page: Page;
  beforeAll(async () => {
    h = await launchChromium([gmailServed, zendeskServed]);
    page = await h.context.newPage();
    await page.goto(GMAIL_URL);
  });
  afterAll(async () => {
    await h?.close();
  });

  const sidePanels = async (): Promise<number> => {
    const worker = h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`))!;
    // Runs in the worker, where `chrome` is the extension API (getContexts: Chrome 116+).
    return worker.evaluate(`(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length)()`);
  };

  /** Centre of the chip: coloured pixels in the strip below the editor's bottom-right corner. */
  const findChip = async (): Promise<{ x: number; y: number } | null> => {
    const box = (await page.locator(GMAIL_EDITOR).first().boundingBox())!;
    const clip = { x: Math.max(0, Math.floor(box.x + box.width - 260)), y: Math.floor(box.y + box.height), width: 262, height: 36 };
    const img = crop(decodePng(await page.screenshot({ type: 'png' })), clip);
    for (const fill of CHIP_FILLS) {
      const f = findColour(img, fill, 6);
      if (f.count > 100) return { x: clip.x + (f.x1 + f.x2) / 2, y: clip.y + (f.y1 + f.y2) / 2 };
    }
    return null;
  };

  /** The agent writes, the chip shows, the agent clicks it. */
  const clickChip = async (): Promise<void> => {
    await page.bringToFront();
    await page.locator(GMAIL_EDITOR).first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Please calm down.', { delay: 10 });
    let chip: { x: number; y: number } | null = null;
    await expect.poll(async () => (chip = await findChip()), POLL).not.toBeNull();
    // A script's click is not the agent's: the chip ignores untrusted clicks (none can reach it
    // through the closed root anyway); this is the browser's own input, as the agent's hand.
    await page.mouse.click(chip!.x, chip!.y);
  };

  it('shows the chip once the agent writes, and a click on it opens the side panel for that tab', async () => {
    const before = await sidePanels();
    if (before === 0) {
      await clickChip();
      await expect.poll(sidePanels, POLL).toBe(1);
    } else expect(before).toBe(1); // opened by the other test (the panel stays open for the window)
  });

  it('the side panel follows the agent\'s tab switches: each tab\'s own conversation', async () => {
    if (await sidePanels() === 0) await clickChip();
    await expect.poll(sidePanels, POLL).toBe(1);
    const cdp = await h.context.newCDPSession(page);
    const inPanel = await attachToPanel(cdp, h.extensionId);
    const shown = (): Promise<unknown> => inPanel(`document.querySelector('[data-testid="sidebar"]')?.getAttribute('data-conversation') ?? null`);
    await expect.poll(shown, POLL).toMatch(/^gmail:/);
    const other = await h.context.newPage();
    await other.goto(ZENDESK_URL);
    await other.bringToFront();
    await expect.poll(shown, POLL).toBe('zendesk:48213');
    await page.bringToFront();
    await expect.poll(shown, POLL).toMatch(/^gmail:/);
    await other.close();
    await cdp.detach();
  });
});
