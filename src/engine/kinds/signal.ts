/**
 * How `signal` rules (and the mood weight of `cue` rules) are read. First, which customer-rule
 * matches are evidence, before mood and cues read them; then the band each one reads as. Two readings a
 * support lead makes without thinking, and a word list cannot:
 * - a complaint that is denied is not one: "I'm not angry", "the parcel wasn't late", "nothing
 *   is broken", "I'm not going to sue" (negation scoped to the clause, tokens.ts);
 * - some wording is evidence only beside a complaint: "Brilliant." is praise on its own and
 *   sarcasm after "they lost my bag again" (rules marked `onlyWithComplaint`).
 */
import type { RawMatch } from '../checks/matcher.ts';
import type { RuleSet } from '../pack/ruleset.ts';
import type { MoodBand, Rule } from '../pack/schema.ts';
import { scoreWords } from '../mood/afinn.ts';
import { readModel } from '../mood/model.ts';
import { isNegated, tokenize } from '../mood/tokens.ts';

export function customerEvidence(text: string, matches: readonly RawMatch[], rules: RuleSet): RawMatch[] {
  if (!matches.length) return [];
  const tokens = tokenize(text);
  const kept = matches.filter((m) => {
    const rule = rules.rules.get(m.ruleId)?.rule;
    if (!rule || (rule.kind !== 'cue' && rule.kind !== 'signal')) return true;
    const addsAnger = rule.weight > 0 || (rule.kind === 'cue' && rule.cue !== 'cooperation');
    return !(addsAnger && isNegated(tokens, m.start));
  });
  // A complaint: another rule that adds anger, a negative word, or the mood model reading upset.
  let words: boolean | undefined;
  const complainsInWords = () => (words ??= scoreWords(text, tokens, rules.neutral).some((w) => w.valence < 0) || readModel(tokens).raw > 0);
  const complains = (except: string) => kept.some((m) => {
    const rule = rules.rules.get(m.ruleId)?.rule;
    return m.ruleId !== except && (rule?.kind === 'cue' || rule?.kind === 'signal') && rule.weight > 0 && !rule.onlyWithComplaint;
  }) || complainsInWords();
  return kept.filter((m) => {
    const rule = rules.rules.get(m.ruleId)?.rule;
    return !((rule?.kind === 'cue' || rule?.kind === 'signal') && rule.onlyWithComplaint && !complains(m.ruleId));
  });
}

/** The band a customer rule's evidence reads as (see MoodBand). */
export function bandOf(rule: Extract<Rule, { kind: 'cue' | 'signal' }>): MoodBand {
  if (rule.reads) return rule.reads;
  if (rule.kind === 'signal') return 'upset';
  return rule.cue === 'threat' || rule.cue === 'abuse' ? 'furious' : 'angry';
}
