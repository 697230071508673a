/**
 * Test-only bundle entry: exposes the adapters to a page's main world so a spec can check what
 * they read from a helpdesk page (roles, ids, names, the editor) without going through the
 * extension. Built on the fly by `adapterProbeScript()`.
 */
import { pickAdapter } from '../../../src/adapters/index.ts';

const probe = () => {
  const adapter = pickAdapter(new URL(location.href));
  if (!adapter) return null;
  const conversation = adapter.readConversation(document);
  const editor = adapter.findEditor(document);
  return {
    site: adapter.id,
    conversationId: adapter.conversationId(document),
    conversation,
    editor: editor
      ? { testId: editor.element.getAttribute('data-test-id'), ticket: editor.element.closest('[data-ticket-id]')?.getAttribute('data-ticket-id') ?? null, draft: editor.read().text }
      : null,
  };
};

(globalThis as unknown as { __cooldownProbe: typeof probe }).__cooldownProbe = probe;
export type ProbeResult = ReturnType<typeof probe>;

/** The adapter's one-click expand, as the content script runs it on the agent's click. */
(globalThis as unknown as { __cooldownExpand: () => boolean }).__cooldownExpand = () => pickAdapter(new URL(location.href))?.expand?.(document) ?? false;
/** Insert through the adapter's editor handle (what the sidebar's Insert runs). */
(globalThis as unknown as { __cooldownInsert: (t: string) => Promise<unknown> }).__cooldownInsert = async (text: string) => {
  const editor = pickAdapter(new URL(location.href))?.findEditor(document);
  return editor ? editor.insert(text) : { ok: false, detail: 'no editor' };
};
/** Starts the adapter's observer (stopped by the returned abort) so a spec can see what it watches. */
(globalThis as unknown as { __cooldownObserve: () => void }).__cooldownObserve = () => {
  const controller = new AbortController();
  pickAdapter(new URL(location.href))?.observe(document, controller.signal, () => undefined);
  controller.abort();
};
