/** The options page's view of settings: read live from storage.local; changes are sent to the worker, which writes. */
import { useEffect, useState } from 'preact/hooks';
import { followKey } from '../../shared/follow.ts';
import { request } from '../../shared/request.ts';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, type SettingsPatch, type SettingsRead } from '../../shared/settings.ts';

export function useStoredSettings(): SettingsRead & { loaded: boolean } {
  const [value, setValue] = useState<SettingsRead & { loaded: boolean }>({ settings: DEFAULT_SETTINGS, problem: null, loaded: false });
  useEffect(() => followKey('local', SETTINGS_KEY, (raw) => setValue({ ...readSettings(raw), loaded: true })), []);
  return value;
}

/** Asks the worker to apply `patch` (other fields are kept); rejects with the worker's reason. */
export async function saveSettings(patch: SettingsPatch): Promise<void> {
  const reply = await request({ kind: 'options/save-settings', patch });
  if (!reply?.ok) throw new Error(reply?.message ?? 'Cooldown did not answer; reload this page.');
}
