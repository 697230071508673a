/**
 * What the worker keeps per tab in `storage.session`, and what sidebars read from there. The
 * worker may be stopped at any time; everything it needs to answer again lives in this record,
 * and sidebars render it straight from storage (so they show the same state after a restart).
 *
 * Reads are parsed (storage is a boundary too), with the engine's Analysis schema.
 */
import * as z from 'zod';
import { Analysis } from '../engine/analysis.ts';
import { SITE_IDS } from './messages.ts';

const SiteId = z.enum(SITE_IDS);

export const STATE_VERSION = 1;
/**
 * A page origin (`https://host[:port]`): DNS caps a host name at 253 characters, so this is room
 * to spare, there only to bound what a stored record may hold.
 */
export const MAX_ORIGIN_CHARS = 500;
export const TAB_KEY_PREFIX = 'tab:';
export const tabKey = (tabId: number): string => `${TAB_KEY_PREFIX}${tabId}`;

/** The engine's own schema: one definition, so a new field reaches the sidebar without a copy here. */
export const AnalysisSchema = Analysis;

export const TabState = z.object({
  version: z.literal(STATE_VERSION),
  tabId: z.number().int(),
  site: SiteId,
  /** Origin of the page that reported, to notice when the tab leaves the helpdesk. */
  origin: z.string().max(MAX_ORIGIN_CHARS),
  status: z.enum(['no-conversation', 'ready']),
  conversation: z.object({
    id: z.string(),
    customerName: z.string().optional(),
    messageCount: z.number().int(),
    hasEditor: z.boolean(),
    draftLength: z.number().int(),
    /** How much of the conversation was read (absent: the adapter does not report it). */
    coverage: z.object({
      read: z.number().int(),
      unread: z.number().int(),
      more: z.boolean(),
      expandable: z.boolean(),
      trimmed: z.number().int(),
      others: z.array(z.object({ name: z.string(), kind: z.enum(['side-conversation', 'automation', 'bot']) })),
    }).optional(),
    /** What the agent is writing: a customer reply (default), an internal note, a new message. */
    composer: z.enum(['reply', 'note', 'compose']).optional(),
  }).nullable(),
  analysis: AnalysisSchema.nullable(),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

export function parseTabState(raw: unknown): TabState | null {
  const r = TabState.safeParse(raw);
  return r.success ? r.data : null;
}
