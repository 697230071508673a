/**
 * Named caps for what crosses between the extension's parts. Plain constants, importing only
 * src/engine/limits.ts (plain constants too), so the content script can use them without pulling
 * a schema library into every helpdesk tab.
 *
 * Two kinds of cap, not to be confused:
 * - the engine's input caps (engine/limits.ts: what the engine accepts at all). Where a value
 *   means the same here (a name, a conversation id, a timestamp, a rule id) it is imported, not
 *   repeated;
 * - the extension's transport caps below: what the content script trims a snapshot to before
 *   sending it (snapshot-trim.ts), and what the worker's message schema accepts. A snapshot is a
 *   runtime message sent after every typing pause, so it carries little more than the engine
 *   reads (analyze.ts: the latest MAX_ANALYZED_MESSAGES messages, the first MAX_MESSAGE_WINDOW
 *   characters of each). They must never exceed the engine's caps, or the worker would accept a
 *   snapshot the engine then refuses, nor fall below what it reads, or trimming would change the
 *   analysis: tests/unit/extension/limits.test.ts checks both.
 */
export {
  MAX_CONVERSATION_ID_CHARS, MAX_NAME_CHARS, MAX_RULE_ID_CHARS, MAX_TIMESTAMP_CHARS,
} from '../engine/limits.ts';

/** Messages in one snapshot: the latest are kept, as the engine reads the latest. */
export const MAX_SNAPSHOT_MESSAGES = 500;
/** Characters of one message in a snapshot: its opening is kept, as the engine reads the opening. */
export const MAX_MESSAGE_CHARS = 100_000;
/**
 * Characters of the draft in a snapshot. Higher than a message's: the engine reads the draft
 * around the caret, wherever it is, so the draft travels whole up to this and is cut only at the
 * end (which keeps every flag offset).
 */
export const MAX_DRAFT_CHARS = 2_000_000;
/** Third parties (side conversations, bots, automations) one snapshot lists by name. */
export const MAX_OTHERS = 50;
/** Text the sidebar can put into the editor at once (Insert, Replace): a suggestion, never a document. */
export const MAX_INSERT_CHARS = 10_000;
/** The reason an edit in the page succeeded or failed (`EditResult.detail`): a short code or error message. */
export const MAX_EDIT_DETAIL_CHARS = 200;

/** A pack URL an agent or administrator gives (https), as typed into the options page or policy. */
export const MAX_PACK_URL_CHARS = 2_000;
/** A stored pack's key: its URL, or `file:` / `policy:` and a pack id (so a URL and a short prefix). */
export const MAX_PACK_KEY_CHARS = MAX_PACK_URL_CHARS + 10;
/** The file name an imported pack came from, kept to show its source ("file team.json"). */
export const MAX_PACK_FILE_NAME_CHARS = 300;

/** Settings the content script reads itself (schema in settings.ts, which it does not bundle). */
export const SETTINGS_KEY = 'settings';
/** How long the agent must stop typing before the draft is read again (content script debounce). */
export const MIN_TYPING_PAUSE_MS = 150;
export const MAX_TYPING_PAUSE_MS = 3000;
export const DEFAULT_TYPING_PAUSE_MS = 400;

/** The typing pause from a stored settings record; anything missing or out of range reads as the default. */
export function typingPauseOf(settings: unknown): number {
  const ms = (settings as { typingPauseMs?: unknown } | null | undefined)?.typingPauseMs;
  return typeof ms === 'number' && Number.isInteger(ms) && ms >= MIN_TYPING_PAUSE_MS && ms <= MAX_TYPING_PAUSE_MS ? ms : DEFAULT_TYPING_PAUSE_MS;
}
