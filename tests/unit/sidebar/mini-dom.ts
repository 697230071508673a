/**
 * Just enough DOM for Preact to render the sidebar in Node (no jsdom in this repository): elements
 * with attributes, children and listeners, text nodes, a `document`, and a click that bubbles.
 * Element properties that Preact sets directly (`hidden`, `disabled`, …) are not modelled, so
 * Preact falls back to attributes, which is what the tests read. Queries take one compound
 * selector per step, space-separated: `tag`, `[attr]`, `[attr="value"]`, `.class`.
 */

type Listener = (event: FakeEvent) => void;

export class FakeEvent {
  target: FakeNode | null = null;
  currentTarget: FakeNode | null = null;
  defaultPrevented = false;
  stopped = false;
  constructor(public type: string, public bubbles = true) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
  stopPropagation(): void {
    this.stopped = true;
  }
}

export class FakeNode {
  parentNode: FakeElement | null = null;
  childNodes: FakeNode[] = [];
  private listeners = new Map<string, Set<Listener>>();
  constructor(public nodeType: number, public ownerDocument: FakeDocument | null) {}

  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  get nextSibling(): FakeNode | null {
    const siblings = this.parentNode?.childNodes;
    if (!siblings) return null;
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    for (const c of [...this.childNodes]) this.removeChild(c);
    if (text) this.appendChild(new FakeText(text, this.ownerDocument!));
  }
  insertBefore(node: FakeNode, ref: FakeNode | null): FakeNode {
    node.parentNode?.removeChild(node);
    const at = ref ? this.childNodes.indexOf(ref) : -1;
    if (at < 0) this.childNodes.push(node);
    else this.childNodes.splice(at, 0, node);
    node.parentNode = this as unknown as FakeElement;
    return node;
  }
  appendChild(node: FakeNode): FakeNode {
    return this.insertBefore(node, null);
  }
  removeChild(node: FakeNode): FakeNode {
    const at = this.childNodes.indexOf(node);
    if (at >= 0) this.childNodes.splice(at, 1);
    node.parentNode = null;
    return node;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
  contains(node: FakeNode | null): boolean {
    for (let n = node; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
  addEventListener(type: string, fn: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: Listener): void {
    this.listeners.get(type)?.delete(fn);
  }
  dispatchEvent(event: FakeEvent): boolean {
    event.target ??= this;
    const path: FakeNode[] = [this];
    if (event.bubbles) for (let p = this.parentNode; p; p = p.parentNode) path.push(p);
    for (const n of path) {
      if (event.stopped) break;
      event.currentTarget = n;
      for (const fn of [...(n.listeners.get(event.type) ?? [])]) fn.call(n, event);
    }
    return !event.defaultPrevented;
  }
}

export class FakeText extends FakeNode {
  constructor(public data: string, doc: FakeDocument) {
    super(3, doc);
  }
  override get textContent(): string {
    return this.data;
  }
  override set textContent(text: string) {
    this.data = text;
  }
  get nodeValue(): string {
    return this.data;
  }
}

const SELECTOR_PART = /^([a-z0-9-]*)((?:\[[^\]]+\]|\.[\w-]+|:[\w-]+)*)$/i;

export class FakeElement extends FakeNode {
  attributes = new Map<string, string>();
  style: Record<string, string> & { setProperty(k: string, v: string): void; cssText: string } =
    Object.assign(Object.create(null) as Record<string, string>, { cssText: '', setProperty(this: Record<string, string>, k: string, v: string) { this[k] = v; } });
  constructor(public localName: string, doc: FakeDocument, public namespaceURI: string | null = null) {
    super(1, doc);
  }
  get tagName(): string {
    return this.localName.toUpperCase();
  }
  get nodeName(): string {
    return this.tagName;
  }
  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  setAttributeNS(_ns: string | null, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  removeAttributeNS(_ns: string | null, name: string): void {
    this.removeAttribute(name);
  }
  get children(): FakeElement[] {
    return this.childNodes.filter((c): c is FakeElement => c instanceof FakeElement);
  }
  /** Hidden as a browser would not paint it: this element or an ancestor has `hidden`. */
  get isHidden(): boolean {
    if (this.hasAttribute('hidden')) return true;
    for (let n = this.parentNode; n instanceof FakeElement; n = n.parentNode) if (n.hasAttribute('hidden')) return true;
    return false;
  }
  click(): void {
    if (this.hasAttribute('disabled')) return;
    this.dispatchEvent(new FakeEvent('click'));
  }
  matches(part: string): boolean {
    const m = SELECTOR_PART.exec(part.trim());
    if (!m) throw new Error(`mini-dom: unsupported selector ${part}`);
    if (m[1] && m[1].toLowerCase() !== this.localName) return false;
    for (const x of Array.from(m[2]!.matchAll(/\[([\w-]+)(=("|')?(.*?)\3)?\]/g))) {
      const [attr, value] = [x[1]!, x[4]];
      if (!this.hasAttribute(attr)) return false;
      if (value !== undefined && this.getAttribute(attr) !== value) return false;
    }
    for (const [, cls] of Array.from(m[2]!.matchAll(/\.([\w-]+)/g))) {
      if (!(this.getAttribute('class') ?? '').split(/\s+/).includes(cls!)) return false;
    }
    return true;
  }
  querySelectorAll(selector: string): FakeElement[] {
    const parts = selector.trim().split(/\s+(?![^[]*\])/);
    let scope: FakeElement[] = [this];
    for (const part of parts) {
      const next = new Set<FakeElement>();
      for (const s of scope) for (const d of s.descendants()) if (d.matches(part)) next.add(d);
      scope = [...next];
    }
    return scope;
  }
  querySelector(selector: string): FakeElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
  private *descendants(): Generator<FakeElement> {
    for (const c of this.children) {
      yield c;
      yield* c.descendants();
    }
  }
}

export class FakeDocument extends FakeNode {
  body: FakeElement;
  constructor() {
    super(9, null);
    this.body = new FakeElement('body', this);
    this.appendChild(this.body);
  }
  createElement(name: string): FakeElement {
    return new FakeElement(name.toLowerCase(), this);
  }
  createElementNS(ns: string | null, name: string): FakeElement {
    return new FakeElement(name, this, ns);
  }
  createTextNode(text: string): FakeText {
    return new FakeText(String(text), this);
  }
}

/** A fresh document installed as the global one (Preact creates nodes through it). */
export function installDocument(): FakeDocument {
  const doc = new FakeDocument();
  (globalThis as { document?: unknown }).document = doc;
  return doc;
}
