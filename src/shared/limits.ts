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
