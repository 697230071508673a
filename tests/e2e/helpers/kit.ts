/**
 * Small tools the reliability specs (issue 6) share: a worker stop through CDP that cannot hang
 * (Chromium's half of Session.stopBackground), a seeded random sequence, and a poll for hooks.
 * Since issue 14 those specs run in both browsers through helpers/browsers.ts and
 * helpers/drive.ts.
 */
import type { Page } from 'playwright-core';
import type { ChromiumHarness } from './chromium.ts';

const POLL = { timeout: 15_000, interval: 100 };

/**
 * Stops the extension's service worker through CDP (what Chrome does to an idle worker) and
 * waits, at most `timeoutMs`, for CDP to report it stopped. Never hangs: a worker that was not
 * running simply stays stopped.
 */
export async function stopWorker(k: Pick<ChromiumHarness, 'context' | 'extensionId'>, page: Page, timeoutMs = 5_000): Promise<boolean> {
  const cdp = await k.context.newCDPSession(page);
  const scope = `chrome-extension://${k.extensionId}/`;
  type Versions = { versions: { scriptURL: string; runningStatus: string }[] };
  try {
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<boolean>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (e: Versions) => {
        const ours = e.versions.filter((v) => v.scriptURL.startsWith(scope));
        if (ours.length && ours.every((v) => v.runningStatus === 'stopped')) resolve(true);
      });
      setTimeout(() => resolve(false), timeoutMs);
    });
    await cdp.send('ServiceWorker.stopAllWorkers');
    return await stopped;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Deterministic PRNG (mulberry32): the same seed gives the same fault sequence. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Polls `probe` until it is truthy (for hooks, where expect.poll is not allowed). */
export async function waitUntil<T>(probe: () => Promise<T>, what: string, timeoutMs = POLL.timeout): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL.interval));
  }
}
