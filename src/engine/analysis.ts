/**
 * The engine's output. Every finding carries the span of text that caused it, so the UI can
 * always say why. Offsets are UTF-16 code-unit offsets into the message text or the draft,
 * `end` exclusive.
 */
import type { CueType, Severity, StepId } from './pack/schema.ts';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Where a span lives: a message of the thread, by index, or the agent's current draft. */
export type Source = { in: 'message'; index: number } | { in: 'draft' };

export type MoodLevel = 'calm' | 'upset' | 'angry' | 'furious';
export type Trend = 'rising' | 'steady' | 'falling';

export interface Driver {
  /** Rule id for pack signals, or a built-in signal name (`afinn`, `shouting`, `exclamations`...). */
  id: string;
  label: string;
  /** Contribution to the raw anger sum; negative values calm the reading. */
  weight: number;
  span: Span;
}

export interface MessageMood {
  index: number;
  score: number;
  level: MoodLevel;
  drivers: Driver[];
}

export interface Mood {
  messages: MessageMood[];
  /** Score of the latest customer message, or null when the customer has not written yet. */
  latest: number | null;
  level: MoodLevel | null;
  trend: Trend;
  /** Change of the latest score against the customer's previous message. */
  delta: number | null;
}

export interface Cue {
  type: CueType;
  ruleId: string;
  messageIndex: number;
  span: Span;
  tip: string;
}

export interface CustomerType {
  id: string;
  name: string;
  tip: string;
  /** The cues that made the guess. */
  because: CueType[];
}

export type PromptId = 'document' | 'pause';
export interface Prompt {
  id: PromptId;
  text: string;
  /** Message whose content triggered it. */
  messageIndex: number;
}

export type StepStatus = 'done' | 'drafted' | 'todo';
export interface Evidence {
  ruleId: string;
  source: Source;
  span: Span;
}
export interface Step {
  id: StepId;
  title: string;
  status: StepStatus;
  /** The span that satisfied the step: from a sent message when done, else from the draft. */
  evidence: Evidence | null;
}

export interface Flag {
  ruleId: string;
  severity: Severity;
  start: number;
  end: number;
  text: string;
  message: string;
  replacements: string[];
}

export interface Suggestion {
  step: StepId;
  title: string;
  text: string;
  why: string;
}

/** Parts of a long input the engine did not read, so the UI can say so. */
export interface Skipped {
  messages: number;
  draftChars: number;
}

export type ToneLabel = 'curt' | 'neutral' | 'warm';

/** How the agent's draft sounds, from curt (0) to warm (100), with the phrases that drive it. */
export interface Tone {
  score: number;
  label: ToneLabel;
  /** Positive weights warm the reading, negative ones make it curt; spans are in the draft. */
  drivers: Driver[];
}

export interface Analysis {
  mood: Mood;
  /**
   * The draft's tone; null while the draft is empty. analyze() always sets it; the key is optional
   * in the type only so that consumers written before it (the worker's state schema) still compile.
   */
  tone?: Tone | null;
  cues: Cue[];
  customerType: CustomerType | null;
  prompts: Prompt[];
  steps: Step[];
  flags: Flag[];
  next: Suggestion[];
  skipped: Skipped;
}
