/**
 * The next best steps: the playbook steps not yet covered, in playbook order, each with a
 * ready-to-insert text from the pack, personalised with the customer's first name and, for
 * `reiterate`, a paraphrase skeleton built from the customer's own complaint.
 */
import nlp from 'compromise';
import type { MessageMood, Step, Suggestion } from './analysis.ts';
import type { RuleSet } from './pack/ruleset.ts';
import { fillTemplate } from './text/template.ts';

export const MAX_SUGGESTIONS = 3;
/** Only the start of a very long message is read for the paraphrase. */
const COMPLAINT_SCAN_CHARS = 600;

const SKIP_NOUNS = new Set(['i', 'me', 'you', 'we', 'us', 'it', 'this', 'that', 'they', 'them', 'he', 'she', 'anyone', 'someone', 'nobody', 'no one', 'everyone', 'anything', 'nothing', 'something', 'hours', 'days', 'weeks', 'minutes', 'time', 'times']);
const SWAP: Record<string, string> = { my: 'your', mine: 'yours', our: 'your', your: 'our', yours: 'ours', me: 'you', i: 'you', myself: 'yourself' };

export function buildNext(steps: readonly Step[], rules: RuleSet, name: string | undefined, complaint: string | undefined): Suggestion[] {
  const out: Suggestion[] = [];
  for (const step of steps) {
    if (out.length >= MAX_SUGGESTIONS) break;
    if (step.status !== 'todo') continue;
    const def = rules.playbook.get(step.id);
    if (!def) continue;
    const template = step.id === 'reiterate' && !complaint ? def.suggestions.find((s) => !s.includes('{{complaint}}')) ?? def.suggestions[0]! : def.suggestions[0]!;
    out.push({ step: step.id, title: def.title, text: fillTemplate(template, { name, complaint }), why: def.why });
  }
  return out;
}

/** The text of the customer's angriest message among the last three, the one to paraphrase. */
export function angriestRecent(texts: ReadonlyMap<number, string>, moods: readonly MessageMood[]): string | undefined {
  const angriest = moods.slice(-3).reduce<MessageMood | undefined>((best, m) => (!best || m.score > best.score ? m : best), undefined);
  return angriest ? texts.get(angriest.index) : undefined;
}

/**
 * Noun phrases of a complaint, seen from the agent's side ("my order" → "your order"):
 * "your order #4411 and the refund".
 */
export function complaintSkeleton(text: string): string | undefined {
  const phrases: string[] = [];
  for (const raw of nlp(text.slice(0, COMPLAINT_SCAN_CHARS)).nouns().out('array') as string[]) {
    const phrase = raw.replace(/[^\p{L}\p{N}#'\- ]+/gu, ' ').trim().split(/\s+/)
      .filter((w) => !/^(and|or|but)$/i.test(w))
      .map((w) => SWAP[w.toLowerCase()] ?? (w === w.toUpperCase() && w.length > 3 ? w.toLowerCase() : w))
      .join(' ');
    const key = phrase.toLowerCase();
    if (!phrase || SKIP_NOUNS.has(key) || phrase.split(' ').every((w) => SKIP_NOUNS.has(w.toLowerCase()))) continue;
    if (phrases.some((p) => p.toLowerCase() === key)) continue;
    phrases.push(phrase);
    if (phrases.length === 2) break;
  }
  return phrases.length ? phrases.join(' and ') : undefined;
}
