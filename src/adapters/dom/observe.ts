/**
 * One observer per page for what an adapter cares about: DOM changes (new messages, a pane
 * shown or hidden, the editor's content), the agent typing, and SPA navigation events. The
 * callback only schedules work; the content script debounces it.
 */
export interface ObserveOptions {
  /** Attributes whose change can mean "another conversation is shown" (visibility, selection). */
  attributes?: readonly string[];
  /** Window events that mean navigation (`hashchange` for Gmail, `popstate` everywhere). */
  windowEvents?: readonly string[];
}

/**
 * Narrow on purpose (issue 12): the helpdesks are busy apps that restyle and re-class thousands of
 * nodes, so the document is watched for added/removed nodes and a short list of attributes only,
 * never `class`, `style` or `characterData` (typing is caught by `input`). History-API navigation,
 * which no event reports to an isolated world, is caught by a cheap URL comparison each second.
 */
export const URL_POLL_MS = 1_000;

export function observeDocument(doc: Document, signal: AbortSignal, onChange: () => void, options: ObserveOptions = {}): void {
  const observer = new MutationObserver(() => onChange());
  const attributes = (options.attributes ?? []).filter((a) => a !== 'class' && a !== 'style');
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    ...(attributes.length ? { attributes: true, attributeFilter: attributes } : {}),
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  const win = doc.defaultView;
  if (win) {
    let href = win.location.href;
    const poll = win.setInterval(() => {
      if (win.location.href === href) return;
      href = win.location.href;
      onChange();
    }, URL_POLL_MS);
    signal.addEventListener('abort', () => win.clearInterval(poll), { once: true });
  }
  // Typing in a textarea changes no DOM; `input` catches it (capture: sites stop propagation).
  doc.addEventListener('input', () => onChange(), { capture: true, signal });
  for (const name of options.windowEvents ?? ['popstate']) win?.addEventListener(name, () => onChange(), { signal });
}
