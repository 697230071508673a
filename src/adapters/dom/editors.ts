/**
 * Editor handles by editor kind: plain contenteditable (Gmail, generic), textarea/input
 * (generic), and CKEditor 5 (Zendesk), which needs the page's own editor object and so goes
 * through the MAIN-world bridge. Every insertion is read back; a method that did not land
 * falls through to the next one.
 */
import type { EditorHandle } from '../adapter.ts';
import type { EditResult } from '../../shared/messages.ts';
import { callBridge } from './bridge-client.ts';
import { extractText, offsetOf, rangeFor, type Exclude } from './text.ts';

const ok = (detail: string): EditResult => ({ ok: true, detail });

const fail = (detail: string): EditResult => ({ ok: false, detail });

/**
 * Where Insert should land. Clicking in the sidebar does not move the page's selection, so it
 * is usually still in the editor; if the agent clicked elsewhere in the page, the text goes
 * after their own text (before quoted history, which `exclude` hides).
 */
function caretRange(el: HTMLElement, exclude?: Exclude): Range {
  const doc = el.ownerDocument;
  const sel = doc.getSelection();
  if (sel && sel.rangeCount && el.contains(sel.getRangeAt(0).commonAncestorContainer)) return sel.getRangeAt(0).cloneRange();
  const model = extractText(el, exclude ? { exclude } : {});
  const last = model.pieces[model.pieces.length - 1];
  const range = doc.createRange();
  if (last) range.setStart(last.node, last.node.data.length);
  else range.setStart(el, 0);
  range.collapse(true);
  return range;
}

function select(el: HTMLElement, range: Range): void {
  el.focus();
  const sel = el.ownerDocument.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

/**
 * Editors that keep their own model (ProseMirror, Slate, Lexical, Draft.js) read `beforeinput`
 * and ignore DOM changes they did not make, and Chrome's execCommand sends no `beforeinput`
 * (dom-notes 1.e, §3, §7). So the edit is first offered as a cancelable `beforeinput` carrying
 * its target range; an editor that takes it cancels the event and applies the edit itself (its
 * own undo history included). A plain contenteditable ignores it, and execCommand follows.
 */
function offerBeforeInput(el: HTMLElement, range: Range, inputType: 'insertText' | 'insertReplacementText', text: string): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win) return false;
  const target = new win.StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset });
  const init: InputEventInit & { targetRanges?: StaticRange[] } = { inputType, data: text, bubbles: true, cancelable: true, composed: true, targetRanges: [target] };
  if (inputType === 'insertReplacementText') {
    // Replacement text travels as a DataTransfer (Input Events Level 2), `data` stays null.
    const dt = new win.DataTransfer();
    dt.setData('text/plain', text);
    Object.assign(init, { data: null, dataTransfer: dt });
  }
  return !el.dispatchEvent(new win.InputEvent('beforeinput', init));
}

/** Gmail's (and most sites') plain contenteditable: execCommand keeps undo and fires `input`. */
export function contentEditableEditor(el: HTMLElement, exclude?: Exclude): EditorHandle {
  const model = () => extractText(el, exclude ? { exclude } : {});
  const execInsert = (text: string): boolean => {
    const doc = el.ownerDocument;
    try {
      return doc.execCommand('insertText', false, text);
    } catch {
      return false;
    }
  };
  return {
    element: el,
    read() {
      const m = model();
      // Block ends leave trailing newlines ("<p>Hi</p>" is "Hi\n"); an empty editor reads as "".
      // Trimming the end keeps every offset that matters valid.
      // Quoted history under the reply is cut by the engine, which keeps the offsets before it.
      const text = m.text.replace(/\n+$/, '');
      const sel = el.ownerDocument.getSelection();
      const caret = sel && sel.rangeCount && sel.focusNode ? offsetOf(m, sel.focusNode, sel.focusOffset) : undefined;
      return caret === undefined ? { text } : { text, caret: Math.min(caret, text.length) };
    },
    async insert(raw) {
      const range = caretRange(el, exclude);
      const m = model();
      const at = offsetOf(m, range.startContainer, range.startOffset);
      const text = at !== undefined ? spaced(m.text, at, raw) : raw;
      select(el, range);
      const before = m.text;
      // Taken by the editor: never also run execCommand (that would insert twice).
      if (offerBeforeInput(el, range, 'insertText', text)) return model().text !== before ? ok('beforeinput') : fail('the editor refused the text');
      if (execInsert(text) && model().text !== before) return ok('execCommand');
      return manualInsert(el, text) ? ok('range') : fail('editor did not change');
    },
    async replace(start, end, expected, text) {
      const m = model();
      if (m.text.slice(start, end) !== expected) return fail('draft changed');
      const range = rangeFor(m, start, end, el.ownerDocument);
      if (!range) return fail('no DOM range for the flagged text');
      select(el, range);
      if (offerBeforeInput(el, range, 'insertReplacementText', text)) {
        return model().text.slice(start, start + text.length) === text ? ok('beforeinput') : fail('the editor refused the replacement');
      }
      if (execInsert(text) && model().text.includes(text)) return ok('execCommand');
      range.deleteContents();
      range.insertNode(el.ownerDocument.createTextNode(text));
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
      return ok('range');
    },
  };
}

/** A space between the agent's last word and inserted text, unless one is already there. */
export function spaced(draft: string, at: number, text: string): string {
  const prev = draft[at - 1];
  return prev !== undefined && !/\s/.test(prev) && !/^\s/.test(text) ? ` ${text}` : text;
}

/** Last resort: insert a text node at the caret and tell the page with an `input` event. */
function manualInsert(el: HTMLElement, text: string): boolean {
  const sel = el.ownerDocument.getSelection();
  if (!sel || !sel.rangeCount) return false;
  const range = sel.getRangeAt(0);
  range.deleteContents();
  const node = el.ownerDocument.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  sel.removeAllRanges();
  sel.addRange(range);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}

/** `<textarea>` and text `<input>`: execCommand keeps undo; setRangeText is the fallback. */
export function textFieldEditor(el: HTMLTextAreaElement | HTMLInputElement): EditorHandle {
  const write = (start: number, end: number, text: string): string => {
    el.focus();
    el.setSelectionRange(start, end);
    let how = 'execCommand';
    const before = el.value;
    let done: boolean;
    try {
      done = el.ownerDocument.execCommand('insertText', false, text) && el.value !== before;
    } catch {
      done = false;
    }
    if (!done) {
      el.setRangeText(text, start, end, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
      how = 'setRangeText';
    }
    return how;
  };
  return {
    element: el,
    read: () => {
      const text = el.value;
      return { text, caret: Math.min(el.selectionStart ?? text.length, text.length) };
    },
    async insert(text) {
      const start = el.selectionStart ?? el.value.length;
      const end = el.selectionEnd ?? start;
      return ok(write(start, end, spaced(el.value, start, text)));
    },
    async replace(start, end, expected, text) {
      if (el.value.slice(start, end) !== expected) return fail('draft changed');
      return ok(write(start, end, text));
    },
  };
}

/**
 * CKEditor 5 (Zendesk's composer). Its model ignores execCommand (it listens to `beforeinput`),
 * so edits go through the MAIN-world bridge, which calls the editable's `ckeditorInstance`.
 * The draft is still read from the DOM: CKEditor renders one <p> per model paragraph, which
 * `extractText` turns into the same lines the bridge counts offsets in.
 */
export function ckeditorEditor(el: HTMLElement): EditorHandle {
  const dom = contentEditableEditor(el);
  return {
    element: el,
    read: () => dom.read(),
    async insert(text) {
      const r = await callBridge(el, { op: 'insert', text });
      if (r.ok) return r;
      // No editor instance reachable (not CKEditor after all, or the bridge is missing).
      if (r.detail === 'no-instance' || r.detail === 'timeout') return dom.insert(text);
      return r;
    },
    async replace(start, end, expected, text) {
      const r = await callBridge(el, { op: 'replace', start, end, expected, text });
      if (r.ok) return r;
      if (r.detail === 'no-instance' || r.detail === 'timeout') return dom.replace(start, end, expected, text);
      return r;
    },
  };
}
