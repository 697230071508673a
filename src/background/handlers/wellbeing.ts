/**
 * Remembers how heated each conversation the agent works got (src/shared/wellbeing.ts): the
 * snapshot handler calls `recordWorked` with each tab state it writes (a direct call, not a
 * listener on the worker's own storage writes), and the sidebar's "dismiss the break tip" intent.
 * Every write to the record goes through one queue, so two quick updates never race.
 */
import browser from '../../shared/browser.ts';
import type { Reply } from '../../shared/messages.ts';
import type { TabState } from '../../shared/state.ts';
import { dismissBreak, parseWellbeing, recordConversation, WELLBEING_KEY } from '../../shared/wellbeing.ts';
import { createSerial } from '../serial.ts';

const serial = createSerial();

/**
 * A tab state the worker wrote: when it holds a ready analysis, that conversation's mood goes
 * into the wellbeing record (ids and peak scores only); any other state changes nothing. Queued
 * and not to be awaited by a reply: the content script's snapshot never waits for it. Resolves
 * once the record is written (or found unchanged); a failure is logged, never thrown.
 */
export function recordWorked(state: TabState): Promise<void> {
  if (state.status !== 'ready' || !state.analysis || !state.conversation) return Promise.resolve();
  const { id } = state.conversation;
  const { mood } = state.analysis;
  return serial(async () => {
    const got = await browser.storage.local.get(WELLBEING_KEY);
    const before = parseWellbeing(got[WELLBEING_KEY]);
    const after = recordConversation(before, id, mood, Date.now());
    if (after !== before) await browser.storage.local.set({ [WELLBEING_KEY]: after });
  }).catch((err: unknown) => console.warn('Cooldown: could not record wellbeing', err));
}

/** The agent dismissed the break tip (sidebar intent): remember when. */
export function onDismissBreak(): Promise<Reply<'sidebar/dismiss-break'>> {
  return serial(async () => {
    const got = await browser.storage.local.get(WELLBEING_KEY);
    await browser.storage.local.set({ [WELLBEING_KEY]: dismissBreak(parseWellbeing(got[WELLBEING_KEY]), Date.now()) });
    return { ok: true };
  });
}
