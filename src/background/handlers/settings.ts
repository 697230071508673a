/**
 * Settings are written here only: the options page sends `options/save-settings` with a patch,
 * the worker plans the new record (planSettings: old record + patch, ranges checked) and writes
 * it, one change at a time, so two quick changes never overwrite each other.
 */
import browser from '../../shared/browser.ts';
import type { MessageOf, Reply } from '../../shared/messages.ts';
import { planSettings, SETTINGS_KEY } from '../../shared/settings.ts';
import { createSerial } from '../serial.ts';

const serial = createSerial();
/** A refusal's reason as the options page shows it: zod's message for the first bad value, cut short. */
const MAX_REFUSAL_CHARS = 500;

export function onSaveSettings(msg: MessageOf<'options/save-settings'>): Promise<Reply<'options/save-settings'>> {
  return serial(async () => {
    const got = await browser.storage.local.get(SETTINGS_KEY);
    try {
      await browser.storage.local.set({ [SETTINGS_KEY]: planSettings(got[SETTINGS_KEY], msg.patch) });
      return { ok: true };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message.slice(0, MAX_REFUSAL_CHARS) : 'invalid settings' };
    }
  });
}
