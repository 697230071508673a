/**
 * The protocol between the content script (isolated world) and the MAIN-world bridge, which
 * can reach page objects such as CKEditor 5's `ckeditorInstance`. Requests are CustomEvents
 * dispatched on the editor element itself (so no marker attribute is needed, which CKEditor's
 * renderer could strip); replies come back on `window`. Details are JSON strings: primitives
 * cross the world boundary in both Chrome and Firefox without cloning rules.
 */
import { MAX_INSERT_CHARS } from '../../shared/limits.ts';

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

/**
 * What a bridge reply may say. The page can see each request (it is an event on its own DOM)
 * and answer it first with the same id, so a reply is never trusted for more than success or
 * failure and one of these codes: free text from the page never reaches the sidebar (issue 14, L4).
 */
export const BRIDGE_DETAILS = ['ckeditor', 'no-instance', 'read-only', 'draft changed', 'no model position', 'bridge error'] as const;
export type BridgeDetail = (typeof BRIDGE_DETAILS)[number];

/** A reply event's detail → success and a known code, or null when it is not a reply to `id`. */
export function readBridgeResponse(detail: unknown, id: string): { ok: boolean; detail: BridgeDetail } | null {
  if (typeof detail !== 'string' || detail.length > 2_000) return null;
  let res: Partial<Record<keyof BridgeResponse, unknown>>;
  try {
    res = JSON.parse(detail) as Partial<Record<keyof BridgeResponse, unknown>>;
  } catch {
    return null;
  }
  if (!res || res.id !== id) return null;
  const known = (BRIDGE_DETAILS as readonly unknown[]).includes(res.detail) ? res.detail as BridgeDetail : 'bridge error';
  return { ok: res.ok === true, detail: known };
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * A request event's detail → the request, or null. The bridge checks the whole shape, not only
 * the id (issue 14, I2): an op it knows, texts within the cap, offsets that are a range.
 */
export function readBridgeRequest(detail: unknown): BridgeRequest | null {
  if (typeof detail !== 'string' || detail.length > 4 * MAX_INSERT_CHARS) return null;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || typeof raw.id !== 'string' || !/^[a-z0-9]{1,20}-[a-z0-9]{1,20}$/.test(raw.id)) return null;
  const text = raw.text;
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_INSERT_CHARS) return null;
  if (raw.op === 'insert') return { op: 'insert', text, id: raw.id };
  if (raw.op === 'replace' && isCount(raw.start) && isCount(raw.end) && raw.start <= raw.end && typeof raw.expected === 'string' && raw.expected.length <= MAX_INSERT_CHARS) {
    return { op: 'replace', start: raw.start, end: raw.end, expected: raw.expected, text, id: raw.id };
  }
  return null;
}
