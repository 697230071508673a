/**
 * Named caps for what crosses between the extension's parts. Plain constants with no imports, so
 * the content script can use them without pulling a schema library into every helpdesk tab.
 * The message/draft/name caps mirror src/engine/conversation.ts.
 */
export const MAX_SNAPSHOT_MESSAGES = 500;
export const MAX_MESSAGE_CHARS = 100_000;
export const MAX_DRAFT_CHARS = 2_000_000;
export const MAX_NAME_CHARS = 200;
export const MAX_CONVERSATION_ID_CHARS = 500;
export const MAX_INSERT_CHARS = 10_000;

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
