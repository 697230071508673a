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

/**
 * The element that really has focus: through same-origin iframes (Salesforce's CKEditor 4 email
 * composer lives in one) and open shadow roots (web-component editors); dom-notes §7. A
 * cross-origin frame or a closed shadow root stops the walk: we cannot read it.
 */
function deepActive(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  for (let hops = 0; el && hops < 10; hops++) {
    if (el instanceof HTMLIFrameElement || el.tagName === 'IFRAME') {
      let inner: Document | null;
      try {
        inner = (el as HTMLIFrameElement).contentDocument; // null for a cross-origin frame
      } catch {
        inner = null;
      }
      if (!inner?.activeElement || inner.activeElement === inner.body && !inner.body.isContentEditable) return el;
      el = inner.activeElement;
      continue;
    }
    const shadowActive = el.shadowRoot?.activeElement;
    if (!shadowActive) return el;
    el = shadowActive;
  }
  return el;
}

function editableRoot(el: Element | null): HTMLElement | null {
  if (!el) return null;
  // Elements of an iframe are instances of that frame's classes: compare tag names, not classes.
  if (el.tagName === 'TEXTAREA') {
    const area = el as HTMLTextAreaElement;
    return area.readOnly || area.disabled ? null : area;
  }
  const html = el as HTMLElement;
  if (!html.isContentEditable) return null;
  // The outermost editable host is the editor; inner nodes inherit contenteditable.
  let root: HTMLElement = html;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  // CKEditor 4 in an iframe makes the frame's <body contenteditable="true"> the editor.
  return root.matches(EDITABLE) || root.tagName === 'BODY' ? root : null;
}

export function createGenericAdapter(): SiteAdapter {
  // The editor the agent last typed in; focus moves to the sidebar when they click there.
  let last: WeakRef<HTMLElement> | null = null;
  const current = (doc: Document): HTMLElement | null => {
    const focused = editableRoot(deepActive(doc));
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
      if (el.tagName === 'TEXTAREA') return textFieldEditor(el as HTMLTextAreaElement);
      return el.matches(CKEDITOR_ROOT) ? ckeditorEditor(el) : contentEditableEditor(el);
    },
    observe(doc, signal, onChange) {
      observeDocument(doc, signal, onChange, { windowEvents: ['popstate', 'hashchange'] });
      // `input` from an open shadow root is composed and reaches the document; from a same-origin
      // iframe it does not, so the frame's document is listened to once it takes focus.
      const frames = new WeakSet<Document>();
      const follow = (): void => {
        const active = deepActive(doc);
        const inner = active?.ownerDocument;
        if (inner && inner !== doc && !frames.has(inner)) {
          frames.add(inner);
          inner.addEventListener('input', () => onChange(), { capture: true, signal });
          inner.addEventListener('focusin', () => onChange(), { capture: true, signal });
        }
        onChange();
      };
      doc.addEventListener('focusin', follow, { capture: true, signal });
    },
  };
}
