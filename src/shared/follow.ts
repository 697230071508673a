/**
 * The one place pages subscribe to stored state (sidebar tab state, settings, wellbeing, open
 * sections; the options page's settings and packs list). Returns the unsubscribe function.
 * (The content script has its own dependency-free copy in src/content/runtime.ts.)
 *
 * - `followKey`: one stored value. `use` gets its value now and after every change. A change that
 *   arrives while the first read is in flight wins over that read, so a slow first read never
 *   puts back an older value.
 * - `followChanges`: a view worked out elsewhere from several stored values (the options page's
 *   packs list, which the worker layers from `storage.local["packs"]` and the administrator's
 *   policy in `storage.managed`). `refresh` gets no value: it runs now and after every change of
 *   what is followed, and the caller asks for the view again, keeping the latest answer.
 */
import browser from './browser.ts';

export type StorageAreaName = 'local' | 'session';
/** What `followChanges` follows, by area: some keys, or `'*'` for every key (the policy has several). */
export type Followed = Partial<Record<StorageAreaName | 'managed', readonly string[] | '*'>>;

type ChangeListener = (changes: Record<string, { newValue?: unknown }>, where: string) => void;

/** `onChange` for every storage change while live; the returned function stops it. */
function listen(onChange: ChangeListener): () => void {
  let live = true;
  const listener: ChangeListener = (changes, where) => {
    if (live) onChange(changes, where);
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}

export function followKey(area: StorageAreaName, key: string, use: (raw: unknown) => void): () => void {
  let live = true;
  let changed = false;
  const stop = listen((changes, where) => {
    const change = changes[key];
    if (where !== area || !change) return;
    changed = true;
    use(change.newValue);
  });
  void browser.storage[area].get(key).then((got) => {
    if (live && !changed) use(got[key]);
  }, () => undefined);
  return () => {
    live = false;
    stop();
  };
}

export function followChanges(followed: Followed, refresh: () => void): () => void {
  const stop = listen((changes, where) => {
    const keys = followed[where as keyof Followed];
    if (keys === '*' || keys?.some((k) => k in changes)) refresh();
  });
  refresh();
  return stop;
}
