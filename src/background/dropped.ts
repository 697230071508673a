/**
 * Messages the worker refused: malformed (the zod union said no, oversized fields included) or
 * from the wrong sender (a content script asking for a sidebar's intent, another extension).
 * They are dropped without an answer and counted in `storage.session["stats:dropped"]`, so a
 * test or a developer can see that refusals happen without the worker logging what they held.
 * The count is per browser session (storage.session), like everything else the worker keeps.
 */
import browser from '../shared/browser.ts';
import { createSerial } from './serial.ts';

export const DROPPED_KEY = 'stats:dropped';

/** Increments are queued, so a burst of bad messages is counted exactly, not last-write-wins. */
const serial = createSerial();

export function countDropped(): Promise<void> {
  return serial(async () => {
    const got = await browser.storage.session.get(DROPPED_KEY);
    const before = got[DROPPED_KEY];
    const n = typeof before === 'number' && Number.isSafeInteger(before) && before >= 0 ? before : 0;
    await browser.storage.session.set({ [DROPPED_KEY]: n + 1 });
  }).catch(() => undefined); // storage unavailable (browser shutting down): the count is best effort
}
