/**
 * Fallback for pages the agent enabled in the options (optional host permission): coaches the
 * focused textarea or contenteditable. There is no thread to read, so only the draft is
 * analysed (flags, drafted steps); the conversation is the page itself.
 */
import type { ConversationRead, EditorHandle, SiteAdapter } from './adapter.ts';
import { ckeditorEditor, contentEditableEditor, textFieldEditor } from './dom/editors.ts';
import { observeDocument } from './dom/observe.ts';

/** Editable fields worth coaching: multi-line text, rich editors (CKEditor 5 roots included). */
const EDITABLE = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
const CKEDITOR_ROOT = '.ck-editor__editable';

function editableRoot(el: Element | null): HTMLElement | null {
  if (!el) return null;
  if (el instanceof HTMLTextAreaElement) return el.readOnly || el.disabled ? null : el;
  const html = el as HTMLElement;
  if (!html.isContentEditable) return null;
  // The outermost editable host is the editor; inner nodes inherit contenteditable.
  let root: HTMLElement = html;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root.matches(EDITABLE) ? root : null;
}

export function createGenericAdapter(): SiteAdapter {
  // The editor the agent last typed in; focus moves to the sidebar when they click there.
  let last: WeakRef<HTMLElement> | null = null;
  const current = (doc: Document): HTMLElement | null => {
    const focused = editableRoot(doc.activeElement);
    if (focused) last = new WeakRef(focused);
    const el = last?.deref() ?? null;
    return el && el.isConnected ? el : null;
  };
  const id = (doc: Document): string => `generic:${doc.location.origin}${doc.location.pathname}`;
  return {
    id: 'generic',
    matches: (url) => url.protocol === 'https:' || url.protocol === 'http:',
    conversationId: (doc) => (current(doc) ? id(doc) : null),
    readConversation: (doc): ConversationRead | null => (current(doc) ? { id: id(doc), messages: [] } : null),
    findEditor(doc): EditorHandle | null {
      const el = current(doc);
      if (!el) return null;
      if (el instanceof HTMLTextAreaElement) return textFieldEditor(el);
      return el.matches(CKEDITOR_ROOT) ? ckeditorEditor(el) : contentEditableEditor(el);
    },
    observe(doc, signal, onChange) {
      observeDocument(doc, signal, onChange, { windowEvents: ['popstate', 'hashchange'] });
      doc.addEventListener('focusin', () => onChange(), { capture: true, signal });
    },
  };
}
