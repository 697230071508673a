/**
 * The engine's output, defined once as a zod schema: the types below are inferred from it, and
 * the worker and the sidebar parse stored analyses with the same schema (storage is a boundary).
 * Every finding carries the span of text that caused it, so the UI can always say why. Offsets
 * are UTF-16 code-unit offsets into the message text or the draft, `end` exclusive.
 */
import * as z from 'zod';
import { CueType, Severity, StepId } from './pack/schema.ts';

export const Span = z.object({ start: z.number(), end: z.number(), text: z.string() });
export type Span = z.infer<typeof Span>;

/** Where a span lives: a message of the thread, by index, or the agent's current draft. */
export const Source = z.discriminatedUnion('in', [z.object({ in: z.literal('message'), index: z.number() }), z.object({ in: z.literal('draft') })]);
export type Source = z.infer<typeof Source>;

export const MoodLevel = z.enum(['calm', 'upset', 'angry', 'furious']);
export type MoodLevel = z.infer<typeof MoodLevel>;
export const Trend = z.enum(['rising', 'steady', 'falling']);
export type Trend = z.infer<typeof Trend>;

export const Driver = z.object({
  /** Rule id for pack rules, or a built-in signal name (`afinn`, `model`, `shouting`, `exclamations`...). */
  id: z.string(),
  label: z.string(),
  /** Contribution to the raw sum; for mood, negative values calm the reading; for tone, they make it curt. */
  weight: z.number(),
  span: Span,
});
export type Driver = z.infer<typeof Driver>;

export const MessageMood = z.object({ index: z.number(), score: z.number(), level: MoodLevel, drivers: z.array(Driver) });
export type MessageMood = z.infer<typeof MessageMood>;

export const Mood = z.object({
  messages: z.array(MessageMood),
  /** Score of the latest customer message, or null when the customer has not written yet. */
  latest: z.number().nullable(),
  level: MoodLevel.nullable(),
  trend: Trend,
  /** Change of the latest score against the customer's previous message. */
  delta: z.number().nullable(),
});
export type Mood = z.infer<typeof Mood>;

export const Cue = z.object({ type: CueType, ruleId: z.string(), messageIndex: z.number(), span: Span, tip: z.string() });
export type Cue = z.infer<typeof Cue>;

export const CustomerType = z.object({
  id: z.string(),
  name: z.string(),
  tip: z.string(),
  /** The cues that made the guess. */
  because: z.array(CueType),
});
export type CustomerType = z.infer<typeof CustomerType>;

export const PromptId = z.enum(['document', 'pause']);
export type PromptId = z.infer<typeof PromptId>;
export const Prompt = z.object({
  id: PromptId,
  text: z.string(),
  /** Message whose content triggered it. */
  messageIndex: z.number(),
});
export type Prompt = z.infer<typeof Prompt>;

export const StepStatus = z.enum(['done', 'drafted', 'todo']);
export type StepStatus = z.infer<typeof StepStatus>;
export const Evidence = z.object({ ruleId: z.string(), source: Source, span: Span });
export type Evidence = z.infer<typeof Evidence>;
export const Step = z.object({
  id: StepId,
  title: z.string(),
  status: StepStatus,
  /** The span that satisfied the step: from a sent message when done, else from the draft. */
  evidence: Evidence.nullable(),
});
export type Step = z.infer<typeof Step>;

export const Flag = z.object({
  ruleId: z.string(),
  severity: Severity,
  start: z.number(),
  end: z.number(),
  text: z.string(),
  message: z.string(),
  replacements: z.array(z.string()),
});
export type Flag = z.infer<typeof Flag>;

export const Suggestion = z.object({ step: StepId, title: z.string(), text: z.string(), why: z.string() });
export type Suggestion = z.infer<typeof Suggestion>;

/** Parts of a long input the engine did not read, so the UI can say so. */
export const Skipped = z.object({
  /** Older messages of the thread not read. */
  messages: z.number(),
  /** Characters of over-long messages not read (each is read from its opening). */
  messageChars: z.number().default(0),
  draftChars: z.number(),
  /** Characters not matched because matching ran past its time budget (see `MATCH_BUDGET_MS`). */
  unreadChars: z.number().optional(),
});
export type Skipped = z.infer<typeof Skipped>;

export const ToneLabel = z.enum(['curt', 'neutral', 'warm']);
export type ToneLabel = z.infer<typeof ToneLabel>;

/** How the agent's draft sounds, from curt (0) to warm (100), with the phrases that drive it. */
export const Tone = z.object({
  score: z.number(),
  label: ToneLabel,
  /** Positive weights warm the reading, negative ones make it curt; spans are in the draft. */
  drivers: z.array(Driver),
});
export type Tone = z.infer<typeof Tone>;

export const Analysis = z.object({
  mood: Mood,
  /** The draft's tone; null while the draft is empty. */
  tone: Tone.nullable(),
  cues: z.array(Cue),
  customerType: CustomerType.nullable(),
  prompts: z.array(Prompt),
  steps: z.array(Step),
  flags: z.array(Flag),
  next: z.array(Suggestion),
  skipped: Skipped,
});
export type Analysis = z.infer<typeof Analysis>;
