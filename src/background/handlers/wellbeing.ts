/**
 * Remembers how heated each conversation the agent works got (src/shared/wellbeing.ts), from
 * the tab states the worker itself writes. Writes are chained so two quick updates never race.
 */
import browser from '../../shared/browser.ts';
import { parseTabState, TAB_KEY_PREFIX } from '../../shared/state.ts';
import { parseWellbeing, recordConversation, WELLBEING_KEY } from '../../shared/wellbeing.ts';

let queue: Promise<void> = Promise.resolve();

export function onStorageChanged(changes: Record<string, { newValue?: unknown }>, area: string): void {
  if (area !== 'session') return;
  for (const [key, change] of Object.entries(changes)) {
    if (!key.startsWith(TAB_KEY_PREFIX)) continue;
    const state = parseTabState(change.newValue);
    if (state?.status !== 'ready' || !state.analysis || !state.conversation) continue;
    const { id } = state.conversation;
    const { mood } = state.analysis;
    queue = queue.then(async () => {
      const got = await browser.storage.local.get(WELLBEING_KEY);
      const before = parseWellbeing(got[WELLBEING_KEY]);
      const after = recordConversation(before, id, mood, Date.now());
      if (after !== before) await browser.storage.local.set({ [WELLBEING_KEY]: after });
    }).catch((err: unknown) => console.warn('Cooldown: could not record wellbeing', err));
  }
}
