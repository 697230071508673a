/**
 * What the sidebar's first screen holds (issue 13): it answers "what should I do now?" in one
 * look at 420 × 900 px. The mood, the draft's open flags and the first next steps are always
 * there; so are safety cues (a threat or abuse, and the prompt to document it), which must never
 * wait behind a closed section. Everything else folds away. Pure: no DOM, no extension API.
 */
import type { Cue, Prompt, Suggestion } from '../engine/analysis.ts';

/** Next steps on the first screen. The engine orders suggestions by what the conversation needs now. */
export const FIRST_NEXT_STEPS = 2;

const SAFETY_CUES: ReadonlySet<Cue['type']> = new Set(['threat', 'abuse']);
const SAFETY_PROMPTS: ReadonlySet<Prompt['id']> = new Set(['document']);

export const isSafetyCue = (c: Cue): boolean => SAFETY_CUES.has(c.type);
export const isSafetyPrompt = (p: Prompt): boolean => SAFETY_PROMPTS.has(p.id);

export interface Split<T> {
  /** On the first screen. */
  now: T[];
  /** In a folding section: shown there and only there, so nothing appears twice. */
  later: T[];
}

export function split<T>(items: readonly T[], onFirstScreen: (item: T, index: number) => boolean): Split<T> {
  const now: T[] = [];
  const later: T[] = [];
  items.forEach((item, i) => (onFirstScreen(item, i) ? now : later).push(item));
  return { now, later };
}

export const splitCues = (cues: readonly Cue[]): Split<Cue> => split(cues, isSafetyCue);
export const splitPrompts = (prompts: readonly Prompt[]): Split<Prompt> => split(prompts, isSafetyPrompt);
export const splitNext = (next: readonly Suggestion[]): Split<Suggestion> => split(next, (_s, i) => i < FIRST_NEXT_STEPS);
