/**
 * Issue 13: the mood chip at the composer's corner opens the real side panel in Chromium, from
 * the agent's own (trusted) click, for that tab. The chip is in our closed shadow root, so the
 * test finds it by its colour where the overlay puts it (just below the composer's bottom-right
 * corner) and asks the browser which side panels are open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumHarness } from './helpers/chromium.ts';
import { crop, decodePng, findColour } from './helpers/pixels.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed } from './helpers/sites.ts';

/** The chip's fill for each mood (coach.ts), any of which marks it on screen. */
const CHIP_FILLS = [[24, 128, 56], [176, 96, 0], [197, 34, 31], [142, 0, 0], [95, 99, 104]] as const;
const POLL = { timeout: 15_000, interval: 200 };

describe('the mood chip opens the coach (Chromium side panel)', () => {
  let h: ChromiumHarness;
  let page: Page;
  beforeAll(async () => {
    h = await launchChromium([gmailServed]);
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

  it('shows the chip once the agent writes, and a click on it opens the side panel for that tab', async () => {
    expect(await sidePanels()).toBe(0);
    await page.bringToFront();
    await page.locator(GMAIL_EDITOR).first().click();
    await page.keyboard.type('Please calm down.', { delay: 10 });
    let chip: { x: number; y: number } | null = null;
    await expect.poll(async () => (chip = await findChip()), POLL).not.toBeNull();
    // A script's click is not the agent's: the chip ignores untrusted clicks (none can reach it
    // through the closed root anyway); this is the browser's own input, as the agent's hand.
    await page.mouse.click(chip!.x, chip!.y);
    await expect.poll(sidePanels, POLL).toBe(1);
  });
});
