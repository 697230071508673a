/**
 * The next best steps: the playbook steps not yet covered, ordered by what the conversation needs
 * now, each with a ready-to-insert text from the pack, personalised with the customer's first
 * name. A calm or thankful customer gets no de-escalation (no validate, apologize, reiterate or
 * "tell me more"), only a warm close; an angry one gets the feeling acknowledged first; once
 * the reply has moved on (options offered, ownership taken), the steps after that point come
 * first. `reiterate` restates the problem from the customer's own words only when a clean noun
 * phrase of theirs can be found ("your order #4411"); otherwise it is a fill-in-the-blank.
 */
import nlp from 'compromise';
import type { MessageMood, MoodLevel, Step, Suggestion } from './analysis.ts';
import { compileMatcher, type Matcher } from './checks/matcher.ts';
import type { RuleSet } from './pack/ruleset.ts';
import type { StepId } from './pack/schema.ts';
import { segments } from './text/segments.ts';
import { fillTemplate } from './text/template.ts';

export const MAX_SUGGESTIONS = 3;
/** Only the start of a very long message is read for the paraphrase. */
const COMPLAINT_SCAN_CHARS = 600;
/** A customer who wrote this much has already explained: inviting details is not what they need. */
export const DETAILED_CHARS = 160;

/** What the conversation needs now, as read by the analysis. */
export interface Moment {
  /** Mood level of the latest customer message; null before the customer wrote. */
  level: MoodLevel | null;
  /** The highest level among the customer's last few messages: one calm line after an angry one is not a calm customer. */
  recent: MoodLevel | null;
  /** The customer's latest message thanks the agent (read with the pack's own `thank` rules). */
  thankful: boolean;
  /** Characters the customer has written in the messages read. */
  customerChars: number;
}

const CALM_MOMENT: Moment = { level: null, recent: null, thankful: false, customerChars: 0 };
/** Steps that calm someone down; wrong for a customer who is calm or thanking us. */
const DE_ESCALATING: ReadonlySet<StepId> = new Set(['listen', 'validate', 'apologize', 'reiterate']);
const FEELINGS_FIRST: readonly StepId[] = ['validate', 'apologize'];

const SKIP_NOUNS = new Set(['wife', 'husband', 'partner', 'son', 'daughter', 'mum', 'mom', 'mother', 'dad', 'father', 'brother', 'sister', 'kids', 'children', 'child', 'baby', 'family', 'friend', 'friends', 'neighbour', 'neighbor', 'boss', 'i', 'me', 'you', 'we', 'us', 'it', 'this', 'that', 'they', 'them', 'he', 'she', 'anyone', 'someone', 'nobody', 'no one', 'everyone', 'anything', 'nothing', 'something', 'hours', 'days', 'weeks', 'minutes', 'time', 'times', 'back', 'joke', 'way', 'thing', 'things', 'lot', 'help', 'hello', 'hi', 'thanks', 'problem', 'issue']);
const SWAP: Record<string, string> = { my: 'your', mine: 'yours', our: 'your', your: 'our', yours: 'ours', me: 'you', i: 'you', myself: 'yourself' };
/** Tags of words that are never part of a clean paraphrase: people's names, and words that end a phrase. */
const NAME_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'];

const LEVELS: readonly MoodLevel[] = ['calm', 'upset', 'angry', 'furious'];

/** The highest of some mood levels, or null when there are none. */
export function highestLevel(levels: readonly MoodLevel[]): MoodLevel | null {
  return levels.reduce<MoodLevel | null>((top, l) => (top === null || LEVELS.indexOf(l) > LEVELS.indexOf(top) ? l : top), null);
}

const thankMatchers = new WeakMap<RuleSet, Matcher>();
/** Sentences of a customer message read for thanks: thanks open or close a message. */
const THANKS_SENTENCES = 2;
const THANKS_SENTENCE_CHARS = 500;

/**
 * Whether a customer message thanks the agent, read with the pack's own `thank` step rules on its
 * first and last sentences only (a long message costs no more than a short one).
 */
export function customerThanks(text: string, rules: RuleSet): boolean {
  let matcher = thankMatchers.get(rules);
  if (!matcher) {
    matcher = compileMatcher(rules.reply.rules.filter((r) => r.kind === 'step' && r.step === 'thank'));
    thankMatchers.set(rules, matcher);
  }
  const all = segments(text);
  const read = all.length <= 2 * THANKS_SENTENCES ? all : [...all.slice(0, THANKS_SENTENCES), ...all.slice(-THANKS_SENTENCES)];
  const m = matcher;
  return read.some((seg) => m.match(seg.text.slice(0, THANKS_SENTENCE_CHARS)).length > 0);
}

/** The order in which the steps still to do are suggested. */
export function suggestionOrder(steps: readonly Step[], moment: Moment): StepId[] {
  const todo = steps.filter((s) => s.status === 'todo').map((s) => s.id);
  const covered = steps.filter((s) => s.status !== 'todo').map((s) => s.id);
  const calm = (moment.recent ?? 'calm') === 'calm' || (moment.thankful && moment.level !== 'angry' && moment.level !== 'furious');
  if (calm) {
    // A warm close, and following up if that is still open; nothing that treats them as upset.
    return todo.filter((id) => !DE_ESCALATING.has(id) && id !== 'options').sort((a, b) => Number(b === 'thank') - Number(a === 'thank'));
  }
  const order = steps.map((s) => s.id);
  const furthest = Math.max(-1, ...covered.map((id) => order.indexOf(id)));
  const detailed = moment.customerChars >= DETAILED_CHARS;
  const out: StepId[] = [];
  const add = (id: StepId) => {
    if (todo.includes(id) && !out.includes(id)) out.push(id);
  };
  // Inviting details only while there is something to draw out, and before any solution.
  const wanted = todo.filter((id) => id !== 'listen' || (!detailed && furthest < order.indexOf('options')));
  // Feelings first while none has been acknowledged yet, or while the customer is furious. A
  // customer who is only upset needs one acknowledgement, not a stack of them: validating comes last.
  const feelings = moment.level === 'upset' ? FEELINGS_FIRST.filter((id) => id !== 'validate') : FEELINGS_FIRST;
  const later = wanted.filter((id) => !(moment.level === 'upset' && id === 'validate'));
  const acknowledged = FEELINGS_FIRST.some((id) => covered.includes(id));
  if (!acknowledged || moment.level === 'furious') for (const id of feelings) if (later.includes(id)) add(id);
  // Then what comes after the furthest step the reply already took, then what it skipped.
  for (const id of later) if (order.indexOf(id) > furthest) add(id);
  for (const id of wanted) add(id);
  return out;
}

export function buildNext(steps: readonly Step[], rules: RuleSet, name: string | undefined, complaint: string | undefined, moment: Moment = CALM_MOMENT): Suggestion[] {
  const out: Suggestion[] = [];
  for (const id of suggestionOrder(steps, moment)) {
    if (out.length >= MAX_SUGGESTIONS) break;
    const def = rules.playbook.get(id);
    if (!def?.suggestions.length) continue;
    const template = complaint ? def.suggestions[0]! : def.suggestions.find((s) => !s.includes('{{complaint}}')) ?? def.suggestions[0]!;
    out.push({ step: id, title: def.title, text: fillTemplate(template, { name, complaint }), why: def.why });
  }
  return out;
}

/** The text of the customer's angriest message among the last three, the one to paraphrase. */
export function angriestRecent(texts: ReadonlyMap<number, string>, moods: readonly MessageMood[]): string | undefined {
  const angriest = moods.slice(-3).reduce<MessageMood | undefined>((best, m) => (!best || m.score > best.score ? m : best), undefined);
  return angriest ? texts.get(angriest.index) : undefined;
}

/**
 * The customer's own thing the complaint is about, seen from the agent's side ("my order #4411"
 * → "your order #4411"), or undefined when no clean phrase can be found: only a noun phrase that
 * starts with the customer's "my"/"our" and ends on a noun, with no person's name in it, so a
 * suggestion never reads "the problem is with a text and your daughter's" or carries a name.
 */
export function complaintSkeleton(text: string): string | undefined {
  const doc = nlp(text.slice(0, COMPLAINT_SCAN_CHARS));
  for (const np of doc.nouns().json({ offset: true }) as Array<{ terms: Array<{ text: string; normal: string; tags: string[] }> }>) {
    const terms = np.terms.filter((t) => t.text);
    const first = terms[0];
    if (!first || !['my', 'our'].includes(first.normal)) continue;
    const words = [SWAP[first.normal]!];
    let clean = true;
    let head = false;
    for (const t of terms.slice(1)) {
      const tags = new Set(t.tags);
      const norm = t.normal.replace(/[^\p{L}\p{N}#'-]+/gu, '');
      if (!norm) continue;
      if (NAME_TAGS.some((n) => tags.has(n)) || tags.has('Ordinal')) { clean = false; break; }
      const noun = tags.has('Noun') && !tags.has('Pronoun') && !tags.has('Possessive');
      // Adjectives only before the head noun ("my new router"), then nouns and numbers ("my order #4411").
      const fits = tags.has('Value') ? head : noun ? !SKIP_NOUNS.has(norm) : !head && (tags.has('Adjective') || tags.has('Possessive'));
      if (!fits || tags.has('Date') || tags.has('Verb') || tags.has('Adverb')) break;
      if (noun) head = true;
      words.push(tags.has('Value') ? t.text.replace(/[^\p{L}\p{N}#-]+/gu, '') : tags.has('ProperNoun') && t.text !== t.text.toUpperCase() ? t.text.replace(/[^\p{L}\p{N}'-]+/gu, '') : norm);
    }
    if (!clean || !head || words.length > 5) continue;
    return words.join(' ');
  }
  return undefined;
}
