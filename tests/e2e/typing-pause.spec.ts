/**
 * The typing pause an agent sets in the options reaches the content script: with a short pause a
 * draft typed slowly is read after almost every key; with a long one only when the agent stops
 * (or every 2 s at most while they keep typing). Counted as the worker's state writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openSidebar, type ChromiumHarness } from './helpers/chromium.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed } from './helpers/sites.ts';

const POLL = { timeout: 15_000, interval: 100 };
const PHRASE = 'Please calm down.'; // 17 keys, 250 ms apart: about 4 s of slow typing

describe('typing pause setting (Chromium)', () => {
  let h: ChromiumHarness;
  let site: Page;
  let sidebar: Page;

  const setPause = (ms: number) => sidebar.evaluate(async (pause) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
    const current = ((await api.get('settings')).settings ?? {}) as Record<string, unknown>;
    await api.set({ settings: { ...current, version: 2, typingPauseMs: pause } });
  }, ms);

  /** Types the phrase slowly and returns how many times the worker wrote the tab's state meanwhile. */
  async function writesWhileTyping(): Promise<number> {
    await site.locator(GMAIL_EDITOR).first().click();
    await site.keyboard.press('ControlOrMeta+A');
    await site.keyboard.press('Backspace');
    await expect.poll(() => sidebar.locator('[data-testid="flag"]').count(), POLL).toBe(0);
    await sidebar.evaluate(() => {
      const w = window as unknown as { __writes: number; __listening?: boolean; chrome: { storage: { onChanged: { addListener(f: (c: object, area: string) => void): void } } } };
      w.__writes = 0;
      if (!w.__listening) {
        w.__listening = true;
        w.chrome.storage.onChanged.addListener((_c, area) => {
          if (area === 'session') w.__writes++;
        });
      }
    });
    await site.keyboard.type(PHRASE, { delay: 250 });
    const writes = await sidebar.evaluate(() => (window as unknown as { __writes: number }).__writes);
    await expect.poll(() => sidebar.locator('[data-testid="flag"][data-rule="avoid-calm-down"]').count(), POLL).toBe(1);
    return writes;
  }

  beforeAll(async () => {
    h = await launchChromium([gmailServed]);
    site = await h.context.newPage();
    await site.goto(GMAIL_URL);
    sidebar = await openSidebar(h, site, 'https://mail.google.com/');
    await sidebar.locator('[data-testid="mood"]').waitFor({ timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('a short pause reads the draft after almost every slow keystroke; a long one waits for the agent', async () => {
    await setPause(150);
    const eager = await writesWhileTyping();
    await setPause(3_000);
    const patient = await writesWhileTyping();
    expect(eager).toBeGreaterThanOrEqual(8);
    expect(patient).toBeLessThanOrEqual(3);
  }, 60_000);
});
