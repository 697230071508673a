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
