/**
 * The rule-pack format, defined once. Packs are data, never code: every field is checked here,
 * unknown fields are refused (a typo must not silently disable a rule), and sizes are capped by
 * the named constants below so that a pack cannot make matching slow or the worker heavy.
 */
import * as z from 'zod';
import { MAX_PACK_VERSION_CHARS, MAX_RULE_ID_CHARS } from '../limits.ts';

/** The pack format this build understands. Packs declare the format they were written for. */
export const FORMAT_VERSION = 1;

/** Caps other parts check too are defined in ../limits.ts, without imports. */
export { MAX_PACK_BYTES, MAX_PACK_VERSION_CHARS, MAX_RULE_ID_CHARS } from '../limits.ts';
export const MAX_RULES = 5_000;
export const MAX_PHRASES_PER_RULE = 200;
export const MAX_PATTERNS_PER_RULE = 50;
export const MAX_PHRASE_CHARS = 200;
export const MAX_PATTERN_CHARS = 300;
export const MAX_TEXT_CHARS = 1_000;
export const MAX_EXAMPLES = 50;
export const MAX_EXAMPLE_CHARS = 2_000;
export const MAX_VOCAB_WORDS = 500;
/**
 * `%name%` expands a vocab list in place, so a 300-character pattern of references to a
 * 500-word list would be tens of kilobytes, and a pack of them hundreds of megabytes of parsing.
 * These cap what patterns become once expanded: one pattern, and all of a pack's together.
 * (Core's longest is about 500 characters, all of core's about 32,000.)
 */
export const MAX_EXPANDED_PATTERN_CHARS = 2_000;
export const MAX_EXPANDED_PACK_CHARS = 100_000;

export const STEP_IDS = ['listen', 'validate', 'apologize', 'reiterate', 'own', 'options', 'follow-up', 'thank'] as const;
export const StepId = z.enum(STEP_IDS);
export type StepId = z.infer<typeof StepId>;

export const CUE_TYPES = [
  'threat', 'abuse', 'escalation', 'exaggeration', 'churn',
  'sarcasm', 'expertise', 'entitlement', 'cooperation',
] as const;
export const CueType = z.enum(CUE_TYPES);
export type CueType = z.infer<typeof CueType>;

export const Severity = z.enum(['info', 'warning', 'error']);

/**
 * How far one piece of customer evidence can take the mood on its own, the way a support lead
 * reads it: a problem or a hurt feeling is `upset`, hostility (sarcasm, "ridiculous", a demand)
 * is `angry`, and only rage (abuse, threats of harm) is `furious`. A message is capped at the
 * highest band of its evidence, so a pile of mild complaints never reads as rage; `furious`
 * evidence also lifts the message into that band.
 */
export const MOOD_BANDS = ['upset', 'angry', 'furious'] as const;
export const MoodBand = z.enum(MOOD_BANDS);
export type MoodBand = z.infer<typeof MoodBand>;
export type Severity = z.infer<typeof Severity>;

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

export const RuleIdSchema = z.string().min(1).max(MAX_RULE_ID_CHARS).regex(ID, 'use lowercase letters, digits, "-" and "." (e.g. "no-policy-talk")');
const Text = z.string().min(1).max(MAX_TEXT_CHARS);
const Phrase = z.string().trim().min(1).max(MAX_PHRASE_CHARS);
const Pattern = z.string().trim().min(1).max(MAX_PATTERN_CHARS);
/**
 * A vocab word is spliced into patterns as an alternative, where compromise would read `/x/`,
 * `#Tag`, `(a|b)` or `.*` as syntax: so it must be plain words (letters, digits, inner
 * apostrophes and hyphens, single spaces), never pattern syntax.
 */
const VocabWord = z.string().min(1).max(60)
  .regex(/^[\p{L}\p{N}]+(?:['’ -][\p{L}\p{N}]+)*$/u, 'a vocab word is plain words: letters, digits, inner apostrophes or hyphens, single spaces');

const Examples = z.strictObject({
  match: z.array(z.string().min(1).max(MAX_EXAMPLE_CHARS)).max(MAX_EXAMPLES).default([]),
  noMatch: z.array(z.string().min(1).max(MAX_EXAMPLE_CHARS)).max(MAX_EXAMPLES).default([]),
});

/** What every rule kind shares: how it finds text, and the examples that are its own tests. */
const matcherFields = {
  id: RuleIdSchema.describe('Unique id, kebab-case. A later pack that reuses it replaces this rule.'),
  description: z.string().max(MAX_TEXT_CHARS).optional().describe('What the rule is for, for pack authors.'),
  phrases: z.array(Phrase).max(MAX_PHRASES_PER_RULE).optional()
    .describe('Literal phrases, matched case-insensitively on word boundaries; curly quotes fold to straight.'),
  patterns: z.array(Pattern).max(MAX_PATTERNS_PER_RULE).optional()
    .describe('compromise match patterns, e.g. "(i am|i\'m) #Adverb? sorry"; %name% expands a vocab list.'),
  unless: z.array(Pattern).max(MAX_PATTERNS_PER_RULE).optional()
    .describe('compromise patterns that cancel a match they overlap, e.g. "things will calm down".'),
  examples: Examples.describe('The rule\'s own tests: every match sentence must fire it, every noMatch sentence must not.'),
};

export const AvoidRule = z.strictObject({
  ...matcherFields,
  kind: z.literal('avoid'),
  scope: z.literal('draft').default('draft'),
  severity: Severity.default('warning'),
  message: Text.describe('Why the phrase hurts; {{match}} is the matched text, {{name}} the customer\'s first name.'),
  replacements: z.array(z.string().min(1).max(MAX_TEXT_CHARS)).max(20).default([]).describe('What to say instead; the sidebar offers each as a one-click Replace.'),
});

export const StepRule = z.strictObject({
  ...matcherFields,
  kind: z.literal('step'),
  /** Agent rules read both the sent agent replies (step done) and the draft (step drafted). */
  scope: z.literal('agent').default('agent'),
  step: StepId.describe('The playbook step this wording satisfies.'),
  message: Text.optional(),
});

export const CueRule = z.strictObject({
  ...matcherFields,
  kind: z.literal('cue'),
  scope: z.literal('customer').default('customer'),
  cue: CueType,
  /** Contribution to the customer's raw anger when the cue is present in a message. */
  weight: z.number().min(-10).max(10).default(0),
  reads: MoodBand.optional().describe('The mood band this cue can bring a message to (default: furious for threat and abuse, else angry).'),
  onlyWithComplaint: z.boolean().optional()
    .describe('Counts only in a message that also complains (another cue or signal that adds anger): "Brilliant." is praise alone, sarcasm after "lost my bag again".'),
  /** The tip shown beside the cue. */
  message: Text,
});

export const SignalRule = z.strictObject({
  ...matcherFields,
  kind: z.literal('signal'),
  scope: z.literal('customer').default('customer'),
  /** Contribution to the raw anger; negative values calm the reading (thanks, "no rush"). */
  weight: z.number().min(-10).max(10),
  reads: MoodBand.optional().describe('The mood band this signal can bring a message to: upset (default), angry or furious.'),
  onlyWithComplaint: z.boolean().optional()
    .describe('Counts only in a message that also complains (another cue or signal that adds anger).'),
  /** Short label the sidebar shows as the driver, e.g. "complaint about waiting". */
  message: Text,
});

export const ToneRule = z.strictObject({
  ...matcherFields,
  kind: z.literal('tone'),
  /** Tone rules read the agent's draft: how warm or curt it sounds. */
  scope: z.literal('draft').default('draft'),
  /** Warmth: positive for politeness markers ("could you", "thanks"), negative for curt ones ("obviously", "you need to"). */
  weight: z.number().min(-10).max(10),
  /** Short label the sidebar shows as the driver, e.g. "thanks" or "bare command". */
  message: Text,
});

export const Rule = z.discriminatedUnion('kind', [AvoidRule, StepRule, CueRule, SignalRule, ToneRule]);
export type Rule = z.infer<typeof Rule>;
export type RuleInput = z.input<typeof Rule>;
export type RuleKind = Rule['kind'];

export const PlaybookStep = z.strictObject({
  id: StepId,
  title: z.string().min(1).max(100),
  why: Text,
  /**
   * Ready-to-insert texts. `{{name}}` is the customer's first name (dropped with its comma when
   * unknown); `{{complaint}}` a paraphrase skeleton of the customer's complaint.
   */
  suggestions: z.array(Text).min(1).max(20),
});
export type PlaybookStep = z.infer<typeof PlaybookStep>;

export const CustomerTypeDef = z.strictObject({
  id: RuleIdSchema,
  name: z.string().min(1).max(100),
  tip: Text,
  /** The guess picks the type with the most of these cues present; ties go to pack order. */
  cues: z.array(CueType).min(1).max(CUE_TYPES.length),
});
export type CustomerTypeDef = z.infer<typeof CustomerTypeDef>;

export const Prompts = z.strictObject({
  document: Text.optional(),
  pause: Text.optional(),
});

export const MoodLexicon = z.strictObject({
  /**
   * AFINN words that mislead on customer text ("help", "please", "support", "united") and so
   * score zero here. See guidance/mood-signals.md §3.
   */
  neutral: z.array(z.string().min(1).max(50)).max(MAX_VOCAB_WORDS).default([]),
});

export const Pack = z.strictObject({
  $schema: z.string().max(500).optional(),
  format: z.number().int().min(1).describe(`The pack format this pack is written for; this build reads ${FORMAT_VERSION}.`),
  id: RuleIdSchema.describe('Unique pack id, kebab-case.'),
  name: z.string().min(1).max(100).describe('Name shown to agents and leads.'),
  version: z.string().max(MAX_PACK_VERSION_CHARS).regex(SEMVER, 'use a semantic version such as "1.2.0"').describe('Semantic version of this pack, e.g. "1.2.0".'),
  description: z.string().max(MAX_TEXT_CHARS).optional(),
  /** Named word lists; `%name%` in a pattern expands to `(word|word|...)`. */
  vocab: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(VocabWord).min(1).max(MAX_VOCAB_WORDS)).optional(),
  rules: z.array(Rule).max(MAX_RULES).default([]),
  disable: z.array(RuleIdSchema).max(MAX_RULES).default([]).describe('Rule ids of earlier packs that this pack turns off.'),
  playbook: z.array(PlaybookStep).max(STEP_IDS.length).optional(),
  customerTypes: z.array(CustomerTypeDef).max(50).optional(),
  prompts: Prompts.optional(),
  mood: MoodLexicon.optional(),
});
export type Pack = z.infer<typeof Pack>;
export type PackInput = z.input<typeof Pack>;
