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

export function observeDocument(doc: Document, signal: AbortSignal, onChange: () => void, options: ObserveOptions = {}): void {
  const observer = new MutationObserver(() => onChange());
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    ...(options.attributes?.length ? { attributes: true, attributeFilter: [...options.attributes] } : {}),
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  // Typing in a textarea changes no DOM; `input` catches it (capture: sites stop propagation).
  doc.addEventListener('input', () => onChange(), { capture: true, signal });
  const win = doc.defaultView;
  for (const name of options.windowEvents ?? ['popstate']) win?.addEventListener(name, () => onChange(), { signal });
}
