/**
 * The little of the WebExtension API the content script needs, without webextension-polyfill
 * (10 KB in every helpdesk tab). Firefox's `browser` and Chrome's MV3 `chrome` both return
 * promises from `runtime.sendMessage`, and both accept an `onMessage` listener that answers
 * through `sendResponse` after returning `true`.
 */
import { MAX_EDIT_DETAIL_CHARS } from '../shared/limits.ts';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => boolean | undefined;

interface StorageApi {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: { addListener(l: StorageListener): void; removeListener(l: StorageListener): void };
}
type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

interface RuntimeApi {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void };
}

function runtime(): RuntimeApi {
  const g = globalThis as { browser?: { runtime?: RuntimeApi }; chrome?: { runtime?: RuntimeApi } };
  const api = g.browser?.runtime ?? g.chrome?.runtime;
  if (!api) throw new Error('Extension context invalidated: no runtime');
  return api;
}

/** False once this copy of the script is orphaned (extension updated, reloaded or removed). */
export function runtimeAlive(): boolean {
  try {
    return !!runtime().id;
  } catch {
    return false;
  }
}

export function sendMessage(message: unknown): Promise<unknown> {
  try {
    return runtime().sendMessage(message);
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * Answers messages from this extension only, with `handle`'s promise; `undefined` means "not
 * mine", so another listener may answer. Returns the function that removes the listener.
 */
export function onMessage(handle: (message: unknown) => Promise<unknown> | undefined): () => void {
  const api = runtime();
  const listener: Listener = (message, sender, sendResponse) => {
    if (sender.id !== api.id) return undefined;
    const reply = handle(message);
    if (!reply) return undefined;
    reply.then(sendResponse, (err: unknown) => sendResponse({ ok: false, detail: String(err instanceof Error ? err.message : err).slice(0, MAX_EDIT_DETAIL_CHARS) }));
    return true;
  };
  api.onMessage.addListener(listener);
  return () => api.onMessage.removeListener(listener);
}

export { isContextInvalidated } from '../shared/errors.ts';

function storage(): StorageApi | undefined {
  const g = globalThis as { browser?: { storage?: StorageApi }; chrome?: { storage?: StorageApi } };
  return g.browser?.storage ?? g.chrome?.storage;
}

/**
 * Follows one key of storage.local: calls `use` with its value now and on every change. Returns
 * the function that stops following.
 */
export function followLocal(key: string, use: (value: unknown) => void): () => void {
  const api = storage();
  if (!api) return () => undefined;
  api.local.get(key).then((got) => use(got[key]), () => use(undefined));
  const listener: StorageListener = (changes, area) => {
    if (area === 'local' && key in changes) use(changes[key]!.newValue);
  };
  api.onChanged.addListener(listener);
  return () => api.onChanged.removeListener(listener);
}
