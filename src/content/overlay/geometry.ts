/**
 * Where a flagged phrase is on screen, from the text's own client rects (issue 13): a DOM Range
 * over the editor's text nodes for contenteditable editors (Gmail, CKEditor 5, generic), and a
 * mirror of the field inside our shadow root for `<textarea>`/`<input>`, whose text has no nodes.
 * Nothing here writes to the page.
 */
import { extractText, rangeFor } from '../../adapters/dom/text.ts';

export interface Box { x: number; y: number; w: number; h: number }

/**
 * Start of a phrase analysed in `sent` within the draft as it reads `now`: shifted past the
 * agent's edit when the edit is before it, kept when after it, -1 when the edit touched it.
 */
export function follow(sent: string, now: string, start: number, text: string): number {
  if (sent === now) return start;
  let p = 0;
  const max = Math.min(sent.length, now.length);
  while (p < max && sent[p] === now[p]) p++;
  let q = 0;
  while (q < max - p && sent[sent.length - 1 - q] === now[now.length - 1 - q]) q++;
  const end = start + text.length;
  const at = end <= p ? start : start >= sent.length - q ? start + now.length - sent.length : -1;
  return at >= 0 && now.slice(at, at + text.length) === text ? at : -1;
}

/** The occurrence of `text` in `hay` nearest to `near`, or -1. */
function nearest(hay: string, text: string, near: number): number {
  if (hay.slice(near, near + text.length) === text) return near;
  let best = -1;
  for (let i = hay.indexOf(text); i !== -1; i = hay.indexOf(text, i + 1)) if (best === -1 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  return best;
}

const isField = (el: Element): el is HTMLTextAreaElement | HTMLInputElement => el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;

/** Copied to the mirror so the field's text wraps exactly as on screen. */
const MIRRORED = ['boxSizing', 'width', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'lineHeight', 'textTransform', 'wordSpacing', 'textIndent', 'tabSize',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'direction'] as const;

/**
 * A measurer for one editor: `rects(start, text)` gives the viewport rects of the phrase, or []
 * when it is not there. Ranges (or mirror rects) are built once per text change (`reset`), so a
 * scroll only asks the browser for rects again.
 */
export function measurer(el: HTMLElement, mirrorParent: Node): { reset(): void; rects(start: number, text: string): DOMRect[]; drop(): void } {
  const doc = el.ownerDocument;
  let cache = new Map<string, Range | null>();
  let model: ReturnType<typeof extractText> | null = null;
  let mirror: HTMLDivElement | null = null;
  let mirrorText: Text | null = null;
  const field = isField(el) ? el : null;
  const measureField = (f: HTMLTextAreaElement | HTMLInputElement, start: number, text: string): DOMRect[] => {
    if (!mirror) {
      mirror = doc.createElement('div');
      mirrorText = doc.createTextNode('');
      mirror.append(mirrorText);
      mirrorParent.appendChild(mirror);
    }
    const cs = getComputedStyle(f);
    const st = mirror.style;
    for (const k of MIRRORED) st[k] = cs[k];
    Object.assign(st, { position: 'fixed', visibility: 'hidden', overflow: 'hidden', borderStyle: 'solid', whiteSpace: f instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre', overflowWrap: 'break-word', height: `${f.clientHeight}px` });
    // The field's scrollbar takes width from the text: the mirror wraps inside clientWidth.
    const r = f.getBoundingClientRect();
    st.boxSizing = 'border-box';
    st.width = `${r.width - (f.offsetWidth - f.clientWidth - f.clientLeft * 2)}px`;
    st.left = `${r.left - f.scrollLeft}px`;
    st.top = `${r.top - f.scrollTop}px`;
    mirrorText!.data = f.value;
    const at = nearest(f.value, text, start);
    if (at < 0) return [];
    const range = doc.createRange();
    range.setStart(mirrorText!, at);
    range.setEnd(mirrorText!, at + text.length);
    return [...range.getClientRects()];
  };
  return {
    reset() {
      cache = new Map();
      model = null;
    },
    rects(start, text) {
      if (field) return measureField(field, start, text);
      const key = `${start}:${text}`;
      let range = cache.get(key);
      if (range === undefined) {
        model ??= extractText(el);
        const at = nearest(model.text, text, start);
        range = at < 0 ? null : rangeFor(model, at, at + text.length, doc);
        cache.set(key, range);
      }
      return range ? [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0) : [];
    },
    drop() {
      (mirror as HTMLDivElement | null)?.remove();
      mirror = null;
    },
  };
}

/** The part of the viewport where the editor's text can be seen (its padding box, clipped by scrolling ancestors). */
export function visibleBox(el: HTMLElement): Box {
  const r = el.getBoundingClientRect();
  let x1 = Math.max(0, r.left + el.clientLeft);
  let y1 = Math.max(0, r.top + el.clientTop);
  let x2 = Math.min(innerWidth, x1 + (el.clientWidth || r.width));
  let y2 = Math.min(innerHeight, r.top + el.clientTop + (el.clientHeight || r.height));
  for (let a = el.parentElement; a && a !== el.ownerDocument.body; a = a.parentElement) {
    if (a.scrollHeight <= a.clientHeight && a.scrollWidth <= a.clientWidth) continue;
    const o = getComputedStyle(a).overflow;
    if (o === 'visible') continue;
    const b = a.getBoundingClientRect();
    x1 = Math.max(x1, b.left); y1 = Math.max(y1, b.top); x2 = Math.min(x2, b.right); y2 = Math.min(y2, b.bottom);
  }
  return { x: x1, y: y1, w: Math.max(0, x2 - x1), h: Math.max(0, y2 - y1) };
}
