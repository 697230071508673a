/**
 * MAIN-world bridge (runs in the page's own JavaScript world, registered only where an editor
 * needs it). It exists because CKEditor 5 — Zendesk's composer — ignores execCommand and keeps
 * its document in a model that is reachable only through the editable's `ckeditorInstance`
 * expando, which isolated content scripts cannot see (dom-notes 1.e). It does nothing until the
 * content script asks, and it only ever edits the editor the request was dispatched on.
 *
 * Keep this file tiny and dependency-free: it shares the page's globals.
 */
import { BRIDGE_REQUEST, BRIDGE_RESPONSE, readBridgeRequest, type BridgeRequest, type BridgeResponse } from '../adapters/dom/bridge-protocol.ts';

// The slice of CKEditor 5's API used here (public, documented API).
interface CkNode {
  is(type: string, name?: string): boolean;
  name?: string;
  data?: string;
  offsetSize: number;
  getChildren?(): Iterable<CkNode>;
}
interface CkPosition { textNode: CkNode | null; nodeBefore: CkNode | null }
interface CkWriter {
  createRange(a: CkPosition, b: CkPosition): unknown;
  createSelection(range: unknown): unknown;
  createText(text: string, attrs?: unknown): unknown;
  createPositionAt(parent: CkNode, offset: number): CkPosition;
}
interface CkEditor {
  model: {
    change<T>(fn: (writer: CkWriter) => T): T;
    insertContent(content: unknown, where?: unknown): unknown;
    document: { getRoot(): CkNode; selection: { getFirstPosition(): CkPosition | null; getAttributes(): unknown } };
    schema: { checkChild(parent: CkNode, child: string): boolean };
  };
  commands: { get(name: string): unknown };
  execute(name: string, options?: object): unknown;
  editing: { view: { focus(): void } };
  isReadOnly?: boolean;
}

function instanceFor(target: Element): CkEditor | null {
  const get = (el: Element | null): CkEditor | null => (el as (Element & { ckeditorInstance?: CkEditor }) | null)?.ckeditorInstance ?? null;
  for (let el: Element | null = target; el; el = el.parentElement) if (get(el)) return get(el);
  for (const el of Array.from(target.querySelectorAll('.ck-editor__editable'))) if (get(el)) return get(el);
  return null;
}

interface Block { el: CkNode; start: number; parts: { text: number; size: number }[] }

/**
 * The editor's plain text as the content script reads it from the DOM: each text block ends
 * with "\n", soft breaks are "\n". Remembers where each block starts to map offsets back.
 */
function modelText(editor: CkEditor): { text: string; blocks: Block[] } {
  let text = '';
  const blocks: Block[] = [];
  const visit = (el: CkNode): void => {
    if (editor.model.schema.checkChild(el, '$text')) {
      const block: Block = { el, start: text.length, parts: [] };
      for (const child of el.getChildren?.() ?? []) {
        const t = child.is('$text') ? child.data ?? '' : child.is('element', 'softBreak') ? '\n' : '';
        text += t;
        block.parts.push({ text: t.length, size: child.offsetSize });
      }
      text += '\n';
      blocks.push(block);
      return;
    }
    for (const child of el.getChildren?.() ?? []) if (child.is('element')) visit(child);
  };
  visit(editor.model.document.getRoot());
  return { text, blocks };
}

function positionAt(writer: CkWriter, blocks: Block[], offset: number): CkPosition | null {
  for (const b of blocks) {
    const len = b.parts.reduce((n, p) => n + p.text, 0);
    if (offset < b.start || offset > b.start + len) continue;
    let rest = offset - b.start;
    let modelOffset = 0;
    for (const p of b.parts) {
      if (rest <= p.text) return writer.createPositionAt(b.el, modelOffset + Math.min(rest, p.size));
      rest -= p.text;
      modelOffset += p.size;
    }
    return writer.createPositionAt(b.el, modelOffset);
  }
  return null;
}

function handle(req: BridgeRequest, target: Element): Omit<BridgeResponse, 'id'> {
  const editor = instanceFor(target);
  if (!editor) return { ok: false, detail: 'no-instance' };
  if (editor.isReadOnly) return { ok: false, detail: 'read-only' };
  const { model } = editor;
  if (req.op === 'insert') {
    const pos = model.document.selection.getFirstPosition();
    const before = pos?.textNode?.data ?? pos?.nodeBefore?.data ?? '';
    const text = before && !/\s$/.test(before) && !/^\s/.test(req.text) ? ` ${req.text}` : req.text;
    model.change((writer) => {
      if (editor.commands.get('insertText')) editor.execute('insertText', { text });
      else model.insertContent(writer.createText(text, model.document.selection.getAttributes()));
    });
    editor.editing.view.focus();
    return { ok: true, detail: 'ckeditor' };
  }
  const { text, blocks } = modelText(editor);
  if (text.slice(req.start, req.end) !== req.expected) return { ok: false, detail: 'draft changed' };
  const done = model.change((writer) => {
    const a = positionAt(writer, blocks, req.start);
    const b = positionAt(writer, blocks, req.end);
    if (!a || !b) return false;
    model.insertContent(writer.createText(req.text), writer.createSelection(writer.createRange(a, b)));
    return true;
  });
  if (done) editor.editing.view.focus();
  return done ? { ok: true, detail: 'ckeditor' } : { ok: false, detail: 'no model position' };
}

window.addEventListener(BRIDGE_REQUEST, (event) => {
  const target = event.composedPath()[0];
  // The whole request is checked, not only its id: an op we know, texts within the cap, a range.
  const req = readBridgeRequest((event as CustomEvent<unknown>).detail);
  if (!req || !(target instanceof Element) || !target.isConnected) return;
  let res: Omit<BridgeResponse, 'id'>;
  try {
    res = handle(req, target);
  } catch {
    res = { ok: false, detail: 'bridge error' };
  }
  window.dispatchEvent(new CustomEvent(BRIDGE_RESPONSE, { detail: JSON.stringify({ ...res, id: req.id }) }));
}, true);
