/** True when the error means the extension was reloaded or removed under a live page. */
export function isContextInvalidated(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err);
  return /Extension context invalidated|context invalidated|Receiving end does not exist/i.test(msg);
}
