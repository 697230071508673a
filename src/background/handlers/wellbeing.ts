/**
 * Remembers how heated each conversation the agent works got (src/shared/wellbeing.ts), from
 * the tab states the worker itself writes, and the sidebar's "dismiss the break tip" intent.
 * Every write to the record goes through one queue, so two quick updates never race.
 */
import browser from '../../shared/browser.ts';
import type { Reply } from '../../shared/messages.ts';
import { parseTabState, TAB_KEY_PREFIX } from '../../shared/state.ts';
import { dismissBreak, parseWellbeing, recordConversation, WELLBEING_KEY } from '../../shared/wellbeing.ts';
import { createSerial } from '../serial.ts';

const serial = createSerial();

export function onStorageChanged(changes: Record<string, { newValue?: unknown }>, area: string): void {
  if (area !== 'session') return;
  for (const [key, change] of Object.entries(changes)) {
    if (!key.startsWith(TAB_KEY_PREFIX)) continue;
    const state = parseTabState(change.newValue);
    if (state?.status !== 'ready' || !state.analysis || !state.conversation) continue;
    const { id } = state.conversation;
    const { mood } = state.analysis;
    void serial(async () => {
      const got = await browser.storage.local.get(WELLBEING_KEY);
      const before = parseWellbeing(got[WELLBEING_KEY]);
      const after = recordConversation(before, id, mood, Date.now());
      if (after !== before) await browser.storage.local.set({ [WELLBEING_KEY]: after });
    }).catch((err: unknown) => console.warn('Cooldown: could not record wellbeing', err));
  }
}

/** The agent dismissed the break tip (sidebar intent): remember when. */
export function onDismissBreak(): Promise<Reply<'sidebar/dismiss-break'>> {
  return serial(async () => {
    const got = await browser.storage.local.get(WELLBEING_KEY);
    await browser.storage.local.set({ [WELLBEING_KEY]: dismissBreak(parseWellbeing(got[WELLBEING_KEY]), Date.now()) });
    return { ok: true };
  });
}
