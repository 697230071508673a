/**
 * Follows one storage key: `use` gets its value now and after every change. The one place pages
 * subscribe to stored state (sidebar tab state, settings, wellbeing; the options page's
 * settings). A change that arrives while the first read is in flight wins over that read, so a
 * slow first read never puts back an older value. Returns the unsubscribe function.
 * (The content script has its own dependency-free copy in src/content/runtime.ts.)
 */
import browser from './browser.ts';

export type StorageAreaName = 'local' | 'session';

export function followKey(area: StorageAreaName, key: string, use: (raw: unknown) => void): () => void {
  let live = true;
  let changed = false;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, where: string): void => {
    const change = changes[key];
    if (!live || where !== area || !change) return;
    changed = true;
    use(change.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  void browser.storage[area].get(key).then((got) => {
    if (live && !changed) use(got[key]);
  }, () => undefined);
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(onChanged);
  };
}
