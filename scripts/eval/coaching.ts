/**
 * The coaching measurement: whole labelled conversations (../shared/eval/coaching/*.jsonl) run
 * through the same `createEngine().analyze()` the worker calls, scored on everything the coach
 * shows, by the rules in that folder's README: mood level, customers who are not furious called
 * furious, cues (threat and abuse apart), the document prompt, each playbook step, flags, and
 * suggestions that are wrong at that moment.
 */
import type { Analysis, ConversationInput, Engine } from '../../src/engine/index.ts';

export const SCORED_CUES = ['threat', 'abuse', 'escalation', 'churn', 'exaggeration', 'sarcasm'] as const;
const SERIOUS = new Set(['threat', 'abuse']);
type StepLabel = 'done' | 'drafted' | 'todo' | 'any';

export interface CoachingRecord {
  id: string;
  conversation: ConversationInput;
  expect: {
    mood?: string[];
    cues?: string[];
    cuesOptional?: string[];
    document?: boolean;
    steps?: Record<string, StepLabel>;
    flags?: string[];
    flagsOptional?: string[];
    nextNot?: string[];
  };
}

interface Count { hit: number; n: number }
interface PR { tp: number; fp: number; fn: number }

export interface CoachingScore {
  set: string;
  n: number;
  mood: Count;
  /** Conversations whose labels do not allow "furious" but read furious. */
  furiousFalse: Count;
  cues: PR;
  serious: PR;
  document: Count;
  steps: PR;
  perStep: Record<string, PR>;
  flags: PR;
  suggestions: Count & { wrong: number };
  /** Per-record misses, for the report's "worst" lists. */
  misses: Array<{ id: string; what: string }>;
}

const pr = (): PR => ({ tp: 0, fp: 0, fn: 0 });
export const precision = (p: PR): number => (p.tp + p.fp ? p.tp / (p.tp + p.fp) : 1);
export const recall = (p: PR): number => (p.tp + p.fn ? p.tp / (p.tp + p.fn) : 1);
export const rate = (c: Count): number => (c.n ? c.hit / c.n : 0);

/** Scores one set. `analyze` is the engine's one-off analysis, the same the CLI runs. */
export function scoreCoaching(set: string, records: readonly CoachingRecord[], engine: Pick<Engine, 'analyze'>): CoachingScore {
  const s: CoachingScore = {
    set, n: records.length, mood: { hit: 0, n: 0 }, furiousFalse: { hit: 0, n: 0 }, cues: pr(), serious: pr(),
    document: { hit: 0, n: 0 }, steps: pr(), perStep: {}, flags: pr(), suggestions: { hit: 0, n: 0, wrong: 0 }, misses: [],
  };
  for (const r of records) {
    const a = engine.analyze(r.conversation);
    scoreOne(s, r, a);
  }
  return s;
}

function scoreOne(s: CoachingScore, r: CoachingRecord, a: Analysis): void {
  const e = r.expect;
  const miss = (what: string) => s.misses.push({ id: r.id, what });

  if (e.mood?.length) {
    s.mood.n++;
    const level = a.mood.level ?? 'calm';
    if (e.mood.includes(level)) s.mood.hit++;
    else miss(`mood ${level} (${a.mood.latest}), want ${e.mood.join('/')}`);
    if (!e.mood.includes('furious')) {
      s.furiousFalse.n++;
      if (level === 'furious') s.furiousFalse.hit++;
    }
  }

  if (e.cues) {
    const found = new Set(a.cues.map((c) => c.type as string).filter((t) => (SCORED_CUES as readonly string[]).includes(t)));
    const allowed = new Set([...e.cues, ...(e.cuesOptional ?? [])]);
    for (const want of e.cues) {
      const ok = found.has(want);
      bump(s.cues, ok);
      if (SERIOUS.has(want)) bump(s.serious, ok);
      if (!ok) miss(`cue ${want} missed`);
    }
    for (const got of found) {
      if (allowed.has(got)) continue;
      s.cues.fp++;
      if (SERIOUS.has(got)) s.serious.fp++;
      const cue = a.cues.find((c) => c.type === got);
      miss(`cue ${got} false: "${cue?.span.text}"`);
    }
  }

  if (e.document !== undefined) {
    s.document.n++;
    const shown = a.prompts.some((p) => p.id === 'document');
    if (shown === e.document) s.document.hit++;
    else miss(`document ${shown ? 'shown' : 'missing'}`);
  }

  const stepLabels = e.steps ?? {};
  for (const [id, label] of Object.entries(stepLabels)) {
    if (label === 'any') continue;
    const step = a.steps.find((x) => x.id === id);
    const ticked = step !== undefined && step.status !== 'todo';
    const want = label === 'done' || label === 'drafted';
    const per = (s.perStep[id] ??= pr());
    if (want && ticked) { s.steps.tp++; per.tp++; }
    else if (want) { s.steps.fn++; per.fn++; miss(`step ${id} missed (${label})`); }
    else if (ticked) { s.steps.fp++; per.fp++; miss(`step ${id} false: "${step?.evidence?.span.text}"`); }
  }

  if (e.flags) {
    const draft = r.conversation.draft ?? '';
    const spans = (phrases: readonly string[]) => phrases.map((p) => ({ p, at: draft.indexOf(p) })).filter((x) => x.at >= 0).map((x) => ({ p: x.p, start: x.at, end: x.at + x.p.length }));
    const wanted = spans(e.flags);
    const optional = spans(e.flagsOptional ?? []);
    const overlaps = (f: { start: number; end: number }, x: { start: number; end: number }) => f.start < x.end && x.start < f.end;
    for (const w of wanted) {
      const ok = a.flags.some((f) => overlaps(f, w));
      bump(s.flags, ok);
      if (!ok) miss(`flag missed: "${w.p}"`);
    }
    for (const f of a.flags) {
      if (wanted.some((w) => overlaps(f, w)) || optional.some((o) => overlaps(f, o))) continue;
      s.flags.fp++;
      miss(`flag false (${f.ruleId}): "${f.text}"`);
    }
  }

  const wrongSteps = new Set([...(e.nextNot ?? []), ...Object.entries(stepLabels).filter(([, l]) => l === 'done' || l === 'drafted').map(([id]) => id)]);
  for (const sug of a.next) {
    s.suggestions.n++;
    if (wrongSteps.has(sug.step)) {
      s.suggestions.wrong++;
      miss(`suggestion ${sug.step} wrong now: "${sug.text}"`);
    } else s.suggestions.hit++;
  }
}

function bump(p: PR, ok: boolean): void {
  if (ok) p.tp++;
  else p.fn++;
}

/** The figures that the floors and the README table use, by name. */
export function figures(s: CoachingScore): Record<string, number> {
  return {
    'mood level': rate(s.mood),
    'not furious called furious': rate(s.furiousFalse),
    'cue recall': recall(s.cues),
    'cue precision': precision(s.cues),
    'threat/abuse recall': recall(s.serious),
    'document prompt right': rate(s.document),
    'step recall': recall(s.steps),
    'step precision': precision(s.steps),
    'flag recall': recall(s.flags),
    'flag precision': precision(s.flags),
    'inappropriate suggestions': s.suggestions.n ? s.suggestions.wrong / s.suggestions.n : 0,
  };
}

/** Figures where lower is better: a floor on them is a ceiling. */
export const LOWER_IS_BETTER = new Set(['not furious called furious', 'inappropriate suggestions']);
