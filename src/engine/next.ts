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

const SKIP_NOUNS = new Set(['i', 'me', 'you', 'we', 'us', 'it', 'this', 'that', 'they', 'them', 'he', 'she', 'anyone', 'someone', 'nobody', 'no one', 'everyone', 'anything', 'nothing', 'something', 'hours', 'days', 'weeks', 'minutes', 'time', 'times', 'back', 'joke', 'way', 'thing', 'things', 'lot', 'help', 'hello', 'hi', 'thanks', 'problem', 'issue']);
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
 * Noun phrases of a complaint, seen from the agent's side ("my order" → "your order"): the
 * customer's own things first ("my order #4411"), then what the first sentence is about.
 * "your order #4411", "the replacement and your money".
 */
export function complaintSkeleton(text: string): string | undefined {
  const doc = nlp(text.slice(0, COMPLAINT_SCAN_CHARS));
  const firstSentenceEnd = (doc.sentences().json({ offset: true }) as Array<{ offset: { start: number; length: number } }>)[0]?.offset;
  const candidates: Array<{ phrase: string; score: number; at: number }> = [];
  for (const np of doc.nouns().json({ offset: true }) as Array<{ terms: Array<{ text: string; normal: string; tags: string[]; offset: { start: number } }> }>) {
    const words: string[] = [];
    let head = false;
    let possessive = false;
    for (const t of np.terms) {
      if (!t.text) continue;
      const tags = new Set(t.tags);
      if (tags.has('Conjunction') || tags.has('Date') || tags.has('Preposition')) break;
      const norm = t.normal.replace(/[^\p{L}\p{N}#'-]+/gu, '');
      if (tags.has('Possessive')) {
        possessive = true;
        words.push(SWAP[norm] ?? norm);
      } else if (tags.has('Determiner')) {
        words.push(norm);
      } else if (tags.has('Value')) {
        words.push(t.text.replace(/[^\p{L}\p{N}#-]+/gu, ''));
      } else if (tags.has('Noun') && !tags.has('Pronoun') && !SKIP_NOUNS.has(norm)) {
        head = true;
        words.push(tags.has('ProperNoun') && t.text !== t.text.toUpperCase() ? t.text.replace(/[^\p{L}\p{N}'-]+/gu, '') : norm);
      }
    }
    if (!head) continue;
    const at = np.terms[0]!.offset.start;
    const inFirst = firstSentenceEnd ? at < firstSentenceEnd.start + firstSentenceEnd.length : false;
    candidates.push({ phrase: words.join(' '), score: (possessive ? 2 : 0) + (inFirst ? 1 : 0), at });
  }
  const picked: typeof candidates = [];
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.at - b.at)) {
    if (picked.length === 2) break;
    if (picked.some((p) => p.phrase === c.phrase)) continue;
    if (picked.length === 1 && c.score === 0) break;
    picked.push(c);
  }
  return picked.length ? picked.sort((a, b) => a.at - b.at).map((p) => p.phrase).join(' and ') : undefined;
}
