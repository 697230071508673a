/**
 * What the engine accepts at all: the one definition of every cap on its input. Plain constants
 * with no imports, so the parts of the extension that must not bundle a schema library (the
 * content script, the options page) can check against the same numbers; the extension's own,
 * smaller transport caps are in src/shared/limits.ts.
 *
 * These are caps against memory, far above any real ticket. Long input is not refused below
 * them: analyze.ts reads it in a window (the latest messages, the opening of a huge message, the
 * draft around the caret) and reports the rest in `skipped`, so a customer cannot switch coaching
 * off by writing a lot.
 */

/** Messages in one conversation. */
export const MAX_MESSAGES = 50_000;
/** Characters in one message. */
export const MAX_MESSAGE_CHARS = 10_000_000;
/** Characters in the agent's draft. */
export const MAX_DRAFT_CHARS = 10_000_000;
/** A display name is cut to this; the greeting only ever uses its first word. */
export const MAX_NAME_CHARS = 200;
/** A display name longer than this is refused rather than cut (it is no name, and cutting costs a copy). */
export const MAX_NAME_INPUT_CHARS = 100_000;
/** A conversation id (a helpdesk's ticket id or thread path): also the key wellbeing remembers. */
export const MAX_CONVERSATION_ID_CHARS = 500;
/** The site id a conversation came from ('gmail', 'zendesk', a CLI label). */
export const MAX_SITE_CHARS = 100;
/** A message's sent time as the site shows it (ISO-8601 is 24 characters; room for a page's own format). */
export const MAX_TIMESTAMP_CHARS = 64;

/** A rule pack's JSON, in bytes (UTF-8): checked before parsing, by the options page before sending. */
export const MAX_PACK_BYTES = 1_000_000;
/** A pack id or rule id (kebab-case); rule ids also travel in messages and in the stored pack record. */
export const MAX_RULE_ID_CHARS = 100;
/** A pack's semantic version string, as the pack schema accepts it and the stored update notes keep it. */
export const MAX_PACK_VERSION_CHARS = 100;
