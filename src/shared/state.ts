/**
 * What the worker keeps per tab in `storage.session`, and what sidebars read from there. The
 * worker may be stopped at any time; everything it needs to answer again lives in this record,
 * and sidebars render it straight from storage (so they show the same state after a restart).
 *
 * Reads are parsed (storage is a boundary too). The Analysis schema mirrors the engine's
 * `Analysis` type; `satisfies` below keeps the two from drifting apart at compile time.
 */
import { z } from 'zod';
import type { Analysis } from '../engine/analysis.ts';
import { CueType, Severity, StepId } from '../engine/pack/schema.ts';
import { SITE_IDS } from './messages.ts';

const SiteId = z.enum(SITE_IDS);

export const STATE_VERSION = 1;
export const TAB_KEY_PREFIX = 'tab:';
export const tabKey = (tabId: number): string => `${TAB_KEY_PREFIX}${tabId}`;

const Span = z.object({ start: z.number(), end: z.number(), text: z.string() });
const MoodLevel = z.enum(['calm', 'upset', 'angry', 'furious']);

const Driver = z.object({ id: z.string(), label: z.string(), weight: z.number(), span: Span });

export const AnalysisSchema = z.object({
  mood: z.object({
    messages: z.array(z.object({
      index: z.number(), score: z.number(), level: MoodLevel,
      drivers: z.array(Driver),
    })),
    latest: z.number().nullable(),
    level: MoodLevel.nullable(),
    trend: z.enum(['rising', 'steady', 'falling']),
    delta: z.number().nullable(),
  }),
  tone: z.object({ score: z.number(), label: z.enum(['curt', 'neutral', 'warm']), drivers: z.array(Driver) }).nullable().optional(),
  cues: z.array(z.object({ type: CueType, ruleId: z.string(), messageIndex: z.number(), span: Span, tip: z.string() })),
  customerType: z.object({ id: z.string(), name: z.string(), tip: z.string(), because: z.array(CueType) }).nullable(),
  prompts: z.array(z.object({ id: z.enum(['document', 'pause']), text: z.string(), messageIndex: z.number() })),
  steps: z.array(z.object({
    id: StepId, title: z.string(), status: z.enum(['done', 'drafted', 'todo']),
    evidence: z.object({
      ruleId: z.string(),
      source: z.discriminatedUnion('in', [z.object({ in: z.literal('message'), index: z.number() }), z.object({ in: z.literal('draft') })]),
      span: Span,
    }).nullable(),
  })),
  flags: z.array(z.object({
    ruleId: z.string(), severity: Severity, start: z.number(), end: z.number(), text: z.string(),
    message: z.string(), replacements: z.array(z.string()),
  })),
  next: z.array(z.object({ step: StepId, title: z.string(), text: z.string(), why: z.string() })),
  skipped: z.object({ messages: z.number(), draftChars: z.number() }),
});
// Compile-time check that the schema's output is exactly the engine's Analysis.
type _SchemaMatchesEngine = [z.infer<typeof AnalysisSchema>] extends [Analysis]
  ? [Analysis] extends [z.infer<typeof AnalysisSchema>] ? true : never : never;
const _schemaMatchesEngine: _SchemaMatchesEngine = true;
void _schemaMatchesEngine;

export const TabState = z.object({
  version: z.literal(STATE_VERSION),
  tabId: z.number().int(),
  site: SiteId,
  /** Origin of the page that reported, to notice when the tab leaves the helpdesk. */
  origin: z.string().max(500),
  status: z.enum(['no-conversation', 'ready']),
  conversation: z.object({
    id: z.string(),
    customerName: z.string().optional(),
    messageCount: z.number().int(),
    hasEditor: z.boolean(),
    draftLength: z.number().int(),
  }).nullable(),
  analysis: AnalysisSchema.nullable(),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

export function parseTabState(raw: unknown): TabState | null {
  const r = TabState.safeParse(raw);
  return r.success ? r.data : null;
}
