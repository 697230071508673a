/**
 * Fits a conversation snapshot into the message caps instead of refusing it (issue 12): the
 * latest MAX_SNAPSHOT_MESSAGES messages, each at most MAX_MESSAGE_CHARS, names and ids cut to
 * their caps, the draft cut at MAX_DRAFT_CHARS (a cut at the end keeps every flag offset), and
 * how many messages were left out or shortened added to `coverage.trimmed`, so the sidebar can
 * say so. The content script trims before sending; the worker clamps again before parsing, so
 * an oversized snapshot is never dropped whole. Plain code, no schema library: the content
 * script bundles it. Wrong types are left alone for the schema to refuse.
 */
import {
  MAX_CONVERSATION_ID_CHARS, MAX_DRAFT_CHARS, MAX_MESSAGE_CHARS, MAX_NAME_CHARS, MAX_OTHERS, MAX_SNAPSHOT_MESSAGES, MAX_TIMESTAMP_CHARS,
} from './limits.ts';

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const cut = (x: unknown, max: number): unknown => (typeof x === 'string' && x.length > max ? x.slice(0, max) : x);

/** A copy of `snapshot` within the caps; unknown shapes pass through unchanged. */
export function trimSnapshot<T>(snapshot: T): T {
  if (!isRec(snapshot)) return snapshot;
  const out: Rec = { ...snapshot };
  let trimmed = 0;
  if (Array.isArray(out.messages)) {
    let messages = out.messages as unknown[];
    if (messages.length > MAX_SNAPSHOT_MESSAGES) {
      trimmed += messages.length - MAX_SNAPSHOT_MESSAGES;
      messages = messages.slice(-MAX_SNAPSHOT_MESSAGES); // the latest matter most
    }
    out.messages = messages.map((m) => {
      if (!isRec(m)) return m;
      const copy: Rec = { ...m };
      if (typeof copy.text === 'string' && copy.text.length > MAX_MESSAGE_CHARS) {
        trimmed++;
        copy.text = copy.text.slice(0, MAX_MESSAGE_CHARS);
      }
      if (typeof copy.at === 'string') copy.at = copy.at.slice(0, MAX_TIMESTAMP_CHARS);
      return copy;
    });
  }
  out.customerName = cut(out.customerName, MAX_NAME_CHARS);
  if (out.customerName === undefined) delete out.customerName;
  out.id = cut(out.id, MAX_CONVERSATION_ID_CHARS);
  if (typeof out.draft === 'string' && out.draft.length > MAX_DRAFT_CHARS) {
    out.draft = out.draft.slice(0, MAX_DRAFT_CHARS);
    if (typeof out.caret === 'number') out.caret = Math.min(out.caret, MAX_DRAFT_CHARS);
  }
  if (isRec(out.coverage)) {
    const c: Rec = { ...out.coverage };
    if (Array.isArray(c.others)) c.others = (c.others as unknown[]).slice(0, MAX_OTHERS).map((o) => (isRec(o) ? { ...o, name: cut(o.name, MAX_NAME_CHARS) } : o));
    if (typeof c.trimmed === 'number') c.trimmed += trimmed;
    out.coverage = c;
  } else if (trimmed && out.coverage === undefined && Array.isArray(out.messages)) {
    const n = (out.messages as unknown[]).length;
    out.coverage = { read: n, unread: 0, more: false, expandable: false, trimmed, others: [] };
  }
  return out as T;
}

/** A `content/snapshot` runtime message with its snapshot trimmed; anything else unchanged. */
export function clampSnapshotMessage(raw: unknown): unknown {
  if (!isRec(raw) || raw.kind !== 'content/snapshot' || !isRec(raw.snapshot)) return raw;
  return { ...raw, snapshot: trimSnapshot(raw.snapshot) };
}
