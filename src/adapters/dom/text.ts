/**
 * Plain text out of a DOM subtree, with a map back to the DOM. The draft the engine sees is
 * built here, and flag offsets come back against that same string, so the map is what lets
 * Replace find the flagged words in the editor again.
 *
 * Rules (close to `innerText`, but layout-free so it works on hidden and detached nodes):
 * - each block element ends with one "\n" (an empty paragraph is an empty line);
 * - `<br>` is "\n", except a trailing placeholder `<br>` at the end of a block and CKEditor's
 *   `<br data-cke-filler>`;
 * - U+2060 (CKEditor's inline filler) is dropped, U+00A0 reads as a space (same length);
 * - `exclude(el)` drops a subtree (quoted history, signatures).
 */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IMG']);
const FILLER = '\u2060';

export type Exclude = (el: Element) => boolean;

export interface Piece {
  node: Text;
  /** Offset of this node's first emitted character in the text. */
  start: number;
  /** Number of characters emitted for this node. */
  length: number;
}

export interface TextModel {
  text: string;
  pieces: Piece[];
}

const isBlock = (el: Element): boolean => BLOCK.has(el.tagName.toUpperCase());

function isFillerBr(el: Element): boolean {
  return el.hasAttribute('data-cke-filler');
}

/** A `<br>` with nothing meaningful after it before its block ends only holds the line open. */
function isTrailingBr(br: Element, root: Node, exclude: Exclude): boolean {
  let n: Node | null = br;
  while (n && n !== root) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType === Node.TEXT_NODE && (s as Text).data.replace(/[\s\u2060]/g, '') !== '') return false;
      if (s.nodeType === Node.ELEMENT_NODE && !exclude(s as Element) && !SKIP.has((s as Element).tagName)) {
        return isBlock(s as Element) ? true : false;
      }
    }
    n = n.parentNode;
    if (n && n.nodeType === Node.ELEMENT_NODE && isBlock(n as Element)) return true;
  }
  return true;
}

export interface ExtractOptions {
  exclude?: Exclude;
  /** Collapse white space like rendered HTML (for message bodies); drafts keep it exact. */
  collapse?: boolean;
}

export function extractText(root: Node, options: ExtractOptions = {}): TextModel {
  const exclude = options.exclude ?? (() => false);
  const collapse = options.collapse ?? false;
  let text = '';
  const pieces: Piece[] = [];

  const walk = (node: Node, frames: { lastChildBlockEnd: number }[]): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node as Text;
      let data = t.data;
      if (collapse) data = data.replace(/[\s]+/g, ' ');
      else if (/\n/.test(data) && data.trim() === '') return; // source formatting between tags
      data = data.split(FILLER).join('').replace(/\u00a0/g, ' ');
      if (!data) return;
      pieces.push({ node: t, start: text.length, length: data.length });
      text += data;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (SKIP.has(el.tagName) || exclude(el)) return;
    if (el.tagName === 'BR') {
      if (!isFillerBr(el) && !isTrailingBr(el, root, exclude)) text += '\n';
      return;
    }
    const block = el !== root && isBlock(el);
    if (block && text.length > 0 && !text.endsWith('\n')) text += '\n';
    const frame = { lastChildBlockEnd: -1 };
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c, block ? [...frames, frame] : frames);
    if (block) {
      if (frame.lastChildBlockEnd !== text.length) text += '\n';
      const parent = frames[frames.length - 1];
      if (parent) parent.lastChildBlockEnd = text.length;
    }
  };
  const top = { lastChildBlockEnd: -1 };
  for (let c = root.firstChild; c; c = c.nextSibling) walk(c, [top]);
  return { text, pieces };
}

/**
 * Readable text of a message body: collapsed white space, trimmed lines, at most one blank line,
 * without ">"-quoted lines. Quoted history without a blockquote (an Outlook header block, an
 * "On … wrote:" line, Zendesk's delimiter) is left in: the engine folds it from its header on, the
 * same way for every adapter and the CLI (engine/text/quoted-history.ts).
 */
export function readableText(root: Node, exclude?: Exclude): string {
  const { text } = extractText(root, exclude ? { exclude, collapse: true } : { collapse: true });
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => !l.startsWith('>'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** DOM offset inside `piece.node` for the `k`-th emitted character (fillers were dropped). */
function domOffset(piece: Piece, k: number): number {
  const data = piece.node.data;
  if (!data.includes(FILLER)) return k;
  let seen = 0;
  for (let i = 0; i < data.length; i++) {
    if (seen === k) return i;
    if (data[i] !== FILLER) seen++;
  }
  return data.length;
}

/** A DOM Range covering text [start, end), or null when the offsets fall outside text nodes. */
export function rangeFor(model: TextModel, start: number, end: number, doc: Document): Range | null {
  const a = model.pieces.find((p) => start >= p.start && start < p.start + p.length)
    ?? model.pieces.find((p) => start === p.start + p.length);
  const b = model.pieces.find((p) => end > p.start && end <= p.start + p.length);
  if (!a || !b) return null;
  const range = doc.createRange();
  range.setStart(a.node, domOffset(a, start - a.start));
  range.setEnd(b.node, domOffset(b, end - b.start));
  return range;
}

/** Text offset of a DOM position, when it is inside one of the model's text nodes. */
export function offsetOf(model: TextModel, node: Node, offset: number): number | undefined {
  const piece = model.pieces.find((p) => p.node === node);
  if (!piece) return undefined;
  const data = piece.node.data.slice(0, offset);
  return piece.start + data.split(FILLER).join('').length;
}
