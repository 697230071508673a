/** The options page's view of settings: read live from storage.local, written through planSettings. */
import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser.ts';
import { DEFAULT_SETTINGS, planSettings, readSettings, SETTINGS_KEY, type Settings, type SettingsPatch, type SettingsRead } from '../../shared/settings.ts';

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

/** Apply `patch` to the stored record (other fields, such as rule packs, are kept). */
export async function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  const next = planSettings(got[SETTINGS_KEY], patch);
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
