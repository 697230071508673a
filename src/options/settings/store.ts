/** The options page's view of settings: read live from storage.local; changes are sent to the worker, which writes. */
import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser.ts';
import { request } from '../../shared/request.ts';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, type SettingsPatch, type SettingsRead } from '../../shared/settings.ts';

export function useStoredSettings(): SettingsRead & { loaded: boolean } {
  const [value, setValue] = useState<SettingsRead & { loaded: boolean }>({ settings: DEFAULT_SETTINGS, problem: null, loaded: false });
  useEffect(() => {
    void browser.storage.local.get(SETTINGS_KEY).then((got) => setValue({ ...readSettings(got[SETTINGS_KEY]), loaded: true }));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      const change = changes[SETTINGS_KEY];
      if (area === 'local' && change) setValue({ ...readSettings(change.newValue), loaded: true });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return value;
}

/** Asks the worker to apply `patch` (other fields are kept); rejects with the worker's reason. */
export async function saveSettings(patch: SettingsPatch): Promise<void> {
  const reply = await request({ kind: 'options/save-settings', patch });
  if (!reply?.ok) throw new Error(reply?.message ?? 'Cooldown did not answer; reload this page.');
}
