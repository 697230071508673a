/** Layout checks shared by adapters (the apps keep hidden copies of conversations mounted). */
export function isVisible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true });
  const html = el as HTMLElement;
  return !!(html.offsetParent || html.getClientRects().length);
}

export function firstVisible<T extends Element>(root: ParentNode, selectors: readonly string[]): T | null {
  for (const sel of selectors) {
    for (const el of Array.from(root.querySelectorAll<T>(sel))) if (isVisible(el)) return el;
  }
  return null;
}

/** First match by selector priority (not document order): `a, b` would return whichever comes first in the page. */
export function queryFirst<T extends Element = Element>(root: ParentNode, selectors: readonly string[]): T | null {
  for (const sel of selectors) {
    const el = root.querySelector<T>(sel);
    if (el) return el;
  }
  return null;
}
