/**
 * The protocol between the content script (isolated world) and the MAIN-world bridge, which
 * can reach page objects such as CKEditor 5's `ckeditorInstance`. Requests are CustomEvents
 * dispatched on the editor element itself (so no marker attribute is needed, which CKEditor's
 * renderer could strip); replies come back on `window`. Details are JSON strings: primitives
 * cross the world boundary in both Chrome and Firefox without cloning rules.
 */
export const BRIDGE_REQUEST = 'cooldown:bridge-request';
export const BRIDGE_RESPONSE = 'cooldown:bridge-response';

export type BridgeOp =
  | { op: 'insert'; text: string }
  | { op: 'replace'; start: number; end: number; expected: string; text: string };

export type BridgeRequest = BridgeOp & { id: string };
export interface BridgeResponse {
  id: string;
  ok: boolean;
  detail: string;
}
