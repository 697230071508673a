/** Content-script side of the MAIN-world bridge (see bridge-protocol.ts). */
import type { EditResult } from '../../shared/messages.ts';
import { BRIDGE_REQUEST, BRIDGE_RESPONSE, readBridgeResponse, type BridgeOp } from './bridge-protocol.ts';

/** The bridge answers synchronously; this only guards against a page where it is missing. */
const BRIDGE_TIMEOUT_MS = 1_000;

export function callBridge(el: HTMLElement, op: BridgeOp): Promise<EditResult> {
  const win = el.ownerDocument.defaultView;
  if (!win) return Promise.resolve({ ok: false, detail: 'no-window' });
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return new Promise((resolve) => {
    const controller = new AbortController();
    const done = (r: EditResult): void => {
      controller.abort();
      resolve(r);
    };
    win.addEventListener(BRIDGE_RESPONSE, (event) => {
      // The page may answer first (see readBridgeResponse): only success and a known code count.
      const res = readBridgeResponse((event as CustomEvent<unknown>).detail, id);
      if (res) done(res);
    }, { signal: controller.signal });
    win.setTimeout(() => done({ ok: false, detail: 'timeout' }), BRIDGE_TIMEOUT_MS);
    el.dispatchEvent(new CustomEvent(BRIDGE_REQUEST, { bubbles: true, composed: true, detail: JSON.stringify({ ...op, id }) }));
  });
}
