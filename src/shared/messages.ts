/**
 * Every runtime message between the extension's parts, as one discriminated union. Kinds are
 * named by sender: `content/…` from the content script, `sidebar/…` from a sidebar or pop-out,
 * `background/…` from the worker to a tab. Every receiver parses with `parseMessage` before use:
 * a message crossed a process boundary, so its type alone proves nothing.
 *
 * It uses `zod/mini` and the extension's transport caps (limits.ts, within the engine's) instead
 * of importing the engine's schema; the compile-time check below keeps the message shape equal to the engine's
 * `Message`, and the worker parses with the engine's own `Conversation` schema again before
 * analysing. The content script does not bundle this file: it receives only the worker's three
 * commands, checked by worker-commands.ts, a guard tested against this schema.
 */
import * as z from 'zod/mini';
import type { Message as EngineMessage } from '../engine/conversation.ts';
import { BUILT_IN_SITE_IDS } from '../sites/registry.ts';
import { clampSnapshotMessage } from './snapshot-trim.ts';
import type { PackStatus, StoredPack } from './packs-store.ts';
import { SectionId } from './sections.ts';
import { SITE_PATTERN } from './site-pattern.ts';
import {
  MAX_CONVERSATION_ID_CHARS, MAX_DRAFT_CHARS, MAX_EDIT_DETAIL_CHARS, MAX_INSERT_CHARS, MAX_MESSAGE_CHARS, MAX_NAME_CHARS, MAX_OTHERS,
  MAX_PACK_FILE_NAME_CHARS, MAX_PACK_KEY_CHARS, MAX_RULE_ID_CHARS, MAX_SNAPSHOT_MESSAGES, MAX_TIMESTAMP_CHARS,
} from './limits.ts';

/** Registered sites (src/sites/registry.ts) plus the generic fallback. */
export const SITE_IDS = [...BUILT_IN_SITE_IDS, 'generic'] as const;
export const SiteId = z.enum(SITE_IDS);
export type SiteId = z.infer<typeof SiteId>;

export * from './limits.ts';

const str = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const count = () => z.int().check(z.nonnegative());
const TabId = count();
const InsertText = str(1, MAX_INSERT_CHARS);

/** Pack texts are capped by the engine (1 MB, in bytes) after parsing; this only bounds the message. */
const MAX_PACK_MESSAGE_CHARS = 2_000_000;
const PackKey = str(1, MAX_PACK_KEY_CHARS);
const optionalBool = () => z.optional(z.boolean());
/** A settings change as the options page sends it; `settings.ts` (full zod) checks the values. */
const SettingsPatchSchema = z.object({
  typingPauseMs: z.optional(z.int()),
  compact: optionalBool(),
  sites: z.optional(z.object({ gmail: optionalBool(), zendesk: optionalBool() })),
  wellbeing: z.optional(z.object({ breakTip: optionalBool(), breakAfter: z.optional(z.int()), callTip: optionalBool() })),
});
/** A site pattern `https://host/*`: a host name (at most 253 characters) and its scheme, with room to spare. */
const MAX_SITE_PATTERN_CHARS = 300;
const SiteOrigin = z.string().check(z.maxLength(MAX_SITE_PATTERN_CHARS), z.regex(SITE_PATTERN));

/** A pack as the options page lists it: its identity and its rules' ids and kinds. */
export interface PackSummary {
  id: string;
  name: string;
  version: string;
  rules: { id: string; kind: string }[];
}

/** One stored pack with the worker's verdict on it (`layerPacks`), for the options page. */
export interface PacksViewEntry {
  entry: StoredPack;
  /** `describeSource(entry.source)`: "file team.json", the URL, "managed: …". */
  source: string;
  status: PackStatus;
  pack: PackSummary | null;
  problems: PackReply['problems'];
  managed: boolean;
  locked: boolean;
}

/** The worker's answer to `options/packs-view`. */
export interface PacksView {
  core: PackSummary;
  entries: PacksViewEntry[];
  /** The agent's own switched-off rules, and the administrator's. */
  disabledRules: string[];
  policyDisabled: string[];
  policyProblems: string[];
  /** The stored record was written by a newer Cooldown ('newer') or partly unreadable ('invalid'). */
  problem: null | 'newer' | 'invalid';
}

/** The worker's answer to an `options/…` pack request: refusals carry the problems by JSON path. */
export interface PackReply {
  ok: boolean;
  message: string;
  problems: { path: string; message: string; hint?: string }[];
}

const ConversationMessage = z.object({
  role: z.enum(['customer', 'agent']),
  text: str(0, MAX_MESSAGE_CHARS),
  at: z.optional(str(0, MAX_TIMESTAMP_CHARS)),
});
type _SameAsEngine = [z.infer<typeof ConversationMessage>] extends [EngineMessage]
  ? [EngineMessage] extends [z.infer<typeof ConversationMessage>] ? true : never : never;
const _sameAsEngine: _SameAsEngine = true;
void _sameAsEngine;

/**
 * How much of the conversation the adapter could read (issue 12): the coach never presents part
 * of a thread as the whole. Counts are of messages on screen; `trimmed` counts what the content
 * script cut to fit the caps.
 */
export const Coverage = z.object({
  /** Messages whose text was read. */
  read: count(),
  /** Messages shown but not readable now (collapsed, hidden behind "N older messages"). */
  unread: count(),
  /** Older messages wait behind a loader whose count the page does not say ("show more"). */
  more: z.boolean(),
  /** The page offers a control that loads or expands what was not read (one click for the agent). */
  expandable: z.boolean(),
  /** Messages left out or shortened to fit the caps. */
  trimmed: count(),
  /** Third parties shown in the conversation but neither customer nor agent, so not scored. */
  others: z.array(z.object({ name: str(0, MAX_NAME_CHARS), kind: z.enum(['side-conversation', 'automation', 'bot']) })).check(z.maxLength(MAX_OTHERS)),
});
export type Coverage = z.infer<typeof Coverage>;

/** What the agent is writing: a reply the customer reads, an internal note, or a new message on its own. */
export const Composer = z.enum(['reply', 'note', 'compose']);
export type Composer = z.infer<typeof Composer>;

/** Most flags one draft can have dismissed at once ("not here" in the in-editor card). */
export const MAX_DISMISSED = 100;

/** What an adapter read from the page: the active conversation plus the agent's draft. */
export const Snapshot = z.object({
  site: SiteId,
  id: str(1, MAX_CONVERSATION_ID_CHARS),
  customerName: z.optional(str(0, MAX_NAME_CHARS)),
  messages: z.array(ConversationMessage).check(z.maxLength(MAX_SNAPSHOT_MESSAGES)),
  draft: str(0, MAX_DRAFT_CHARS),
  caret: z.optional(count()),
  /** True when an editor for the reply was found (false: the agent cannot type yet). */
  hasEditor: z.boolean(),
  coverage: z.optional(Coverage),
  composer: z.optional(Composer),
  /** Flags the agent dismissed for this draft from the in-editor card ("not here", issue 13). */
  dismissed: z.optional(z.array(z.object({ ruleId: str(1, MAX_RULE_ID_CHARS), text: str(1, MAX_DRAFT_CHARS) })).check(z.maxLength(MAX_DISMISSED))),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const EditResult = z.object({
  ok: z.boolean(),
  /** How the text went in (`execCommand`, `ckeditor`, `textarea`…) or why it did not. */
  detail: str(0, MAX_EDIT_DETAIL_CHARS),
});
export type EditResult = z.infer<typeof EditResult>;

export const Message = z.discriminatedUnion('kind', [
  /** Content script: the conversation or the draft changed (debounced, never per keystroke). */
  // `marksOnly`: a word-boundary send for the composer's underlines; analysed and answered, but
  // the sidebar's stored state waits for the typing pause (one write per pause, not per word).
  z.object({ kind: z.literal('content/snapshot'), snapshot: Snapshot, marksOnly: z.optional(z.literal(true)) }),
  /** Content script: this page has no conversation open (inbox list, ticket still loading…). */
  z.object({ kind: z.literal('content/no-conversation'), site: SiteId }),
  /** Content script: the agent clicked the mood chip in the composer; open the coach for this tab (issue 13). */
  z.object({ kind: z.literal('content/open-coach') }),

  /** Sidebar: put text into the tab's editor at the caret. */
  z.object({ kind: z.literal('sidebar/insert'), tabId: TabId, text: InsertText }),
  /** Sidebar: swap the draft's [start, end) — which must still read `expected` — for `text`. */
  z.object({
    kind: z.literal('sidebar/replace'), tabId: TabId,
    start: count(), end: count(), expected: InsertText, text: InsertText,
  }),
  /** Sidebar: open the sidebar for `tabId` in its own tab (pop-out). */
  z.object({ kind: z.literal('sidebar/pop-out'), tabId: TabId }),
  /** Sidebar: ask the tab to read its conversation again (e.g. after the worker restarted). */
  z.object({ kind: z.literal('sidebar/refresh'), tabId: TabId }),
  /** Sidebar: the agent's one click to expand collapsed messages / load older comments. */
  z.object({ kind: z.literal('sidebar/expand'), tabId: TabId }),

  /** Options page (rule packs, issue 4): the worker validates, plans and writes; see packs-store.ts. */
  z.object({ kind: z.literal('options/import-text'), text: str(1, MAX_PACK_MESSAGE_CHARS), name: z.optional(str(0, MAX_PACK_FILE_NAME_CHARS)) }),
  z.object({ kind: z.literal('options/import-url'), url: str(1, MAX_PACK_KEY_CHARS) }),
  z.object({ kind: z.literal('options/update-pack'), key: PackKey }),
  z.object({ kind: z.literal('options/set-pack-enabled'), key: PackKey, enabled: z.boolean() }),
  z.object({ kind: z.literal('options/move-pack'), key: PackKey, delta: z.union([z.literal(-1), z.literal(1)]) }),
  z.object({ kind: z.literal('options/remove-pack'), key: PackKey }),
  z.object({ kind: z.literal('options/set-rule-disabled'), ruleId: str(1, MAX_RULE_ID_CHARS), disabled: z.boolean() }),
  /** Options page: change some settings (ranges are checked by the worker's planSettings). */
  z.object({ kind: z.literal('options/save-settings'), patch: SettingsPatchSchema }),
  /** Sidebar: the agent dismissed the break tip. */
  z.object({ kind: z.literal('sidebar/dismiss-break') }),
  /** Sidebar: the agent opened or closed one folding section; every sidebar remembers it (sections.ts). */
  z.object({ kind: z.literal('sidebar/set-section'), section: SectionId, open: z.boolean() }),
  /** Options page: the packs as the worker layers them (the page bundles no engine to work it out). */
  z.object({ kind: z.literal('options/packs-view') }),
  /** Options page, other sites: coach (or stop coaching) on one granted origin, `https://host/*`. */
  z.object({ kind: z.literal('options/site-add'), origin: SiteOrigin }),
  z.object({ kind: z.literal('options/site-remove'), origin: SiteOrigin }),

  /** Worker → content script. */
  z.object({ kind: z.literal('background/insert'), text: InsertText }),
  z.object({
    kind: z.literal('background/replace'),
    start: count(), end: count(), expected: InsertText, text: InsertText,
  }),
  z.object({ kind: z.literal('background/resend') }),
  z.object({ kind: z.literal('background/expand') }),
]);
export type Message = z.infer<typeof Message>;
export type MessageKind = Message['kind'];
export type MessageOf<K extends MessageKind> = Extract<Message, { kind: K }>;

/** What the content script draws in the composer: only for the tab that sent the snapshot. */
export interface InEditorReply {
  /** The draft these flags index into (the snapshot's own). */
  draft: string;
  flags: { ruleId: string; severity: 'info' | 'warning' | 'error'; start: number; end: number; text: string; message: string; replacements: string[] }[];
  mood: { level: 'calm' | 'upset' | 'angry' | 'furious' | null; trend: 'rising' | 'steady' | 'falling' };
}

/** Replies, typed per request kind so a response is never `any`. */
export interface ReplyMap {
  /** With the draft's open flags and the mood, for the underlines and chip in the composer (issue 13). */
  'content/snapshot': { ok: true; inEditor?: InEditorReply };
  'content/open-coach': { ok: boolean; how?: string };
  'content/no-conversation': { ok: true };
  'sidebar/insert': EditResult;
  'sidebar/replace': EditResult;
  'sidebar/pop-out': { ok: boolean };
  'sidebar/refresh': { ok: boolean };
  'sidebar/expand': EditResult;
  'options/import-text': PackReply;
  'options/import-url': PackReply;
  'options/update-pack': PackReply;
  'options/set-pack-enabled': PackReply;
  'options/move-pack': PackReply;
  'options/remove-pack': PackReply;
  'options/set-rule-disabled': PackReply;
  'options/packs-view': PacksView;
  'options/save-settings': { ok: boolean; message?: string };
  'sidebar/dismiss-break': { ok: boolean };
  'sidebar/set-section': { ok: boolean };
  'options/site-add': { ok: boolean };
  'options/site-remove': { ok: boolean };
  'background/insert': EditResult;
  'background/replace': EditResult;
  'background/resend': { ok: true };
  'background/expand': EditResult;
}
export type Reply<K extends MessageKind> = ReplyMap[K];

export function parseMessage(raw: unknown): Message | null {
  // A large conversation is trimmed to the caps, never refused whole (issue 12): otherwise a
  // customer could switch coaching off for their own ticket by writing a lot.
  const r = Message.safeParse(clampSnapshotMessage(raw));
  return r.success ? r.data : null;
}

export function assertNever(x: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(x)}`);
}
