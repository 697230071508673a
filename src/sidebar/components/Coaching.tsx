/**
 * The coaching for one analysed conversation (issue 13): a first screen that answers "what
 * should I do now?" — the mood, safety cues, the draft's open flags, the first next steps — and
 * below it, one click away each, the sections that fold (the agent's choice is remembered).
 * Every piece of information and every action of the sidebar is here, once.
 */
import type { Analysis, Flag, Suggestion } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';
import type { OpenSections, SectionId } from '../../shared/sections.ts';
import { splitCues, splitNext, splitPrompts } from '../first-screen.ts';
import { replyEffects } from '../summary.ts';
import { Cues, Safety } from './Cues.tsx';
import { Effects } from './Effects.tsx';
import { Flags } from './Flags.tsx';
import { Mood, MoodWhy } from './Mood.tsx';
import { Note } from './Note.tsx';
import { Playbook } from './Playbook.tsx';
import { Section } from './Section.tsx';
import { NextSteps, Suggestions } from './Suggestions.tsx';
import { Tone } from './Tone.tsx';
import { BreakTip, CallTip } from './Wellbeing.tsx';

const TONE_KEY = { curt: 'toneCurt', neutral: 'toneNeutral', warm: 'toneWarm' } as const;

export interface CoachingProps {
  analysis: Analysis;
  compact: boolean;
  /** The draft is an internal note: no customer phrasing is offered for it. */
  note: boolean;
  canInsert: boolean;
  /** No reply editor open: say so beside the (disabled) Insert buttons. */
  editorHint: boolean;
  customerName?: string | undefined;
  messageCount: number;
  /** The break tip's streak when it is due, else null. */
  breakStreak: number | null;
  callTip: boolean;
  sections: OpenSections;
  onToggle: (id: SectionId, open: boolean) => void;
  onInsert: (s: Suggestion) => void;
  onReplace: (f: Flag, replacement: string) => void;
  onDismissBreak: () => void;
}

export function Coaching(p: CoachingProps) {
  const { analysis: a, compact } = p;
  const cues = splitCues(a.cues);
  const prompts = splitPrompts(a.prompts);
  const next = p.note ? { now: [], later: [] } : splitNext(a.next);
  const effects = replyEffects(a.mood);
  const tips = (p.breakStreak !== null ? 1 : 0) + (p.callTip ? 1 : 0);
  const otherCues = cues.later.length + prompts.later.length + (a.customerType ? 1 : 0);
  const done = a.steps.filter((s) => s.status === 'done').length;
  const list = { canInsert: p.canInsert, compact, onInsert: p.onInsert };
  const fold = (id: SectionId) => ({ id, open: p.sections[id], onToggle: p.onToggle });
  return (
    <>
      <div class="first-screen" data-testid="first-screen">
        <Mood mood={a.mood} />
        <Safety cues={cues.now} prompts={prompts.now} />
        <Flags flags={a.flags} onReplace={p.onReplace} />
        <NextSteps next={next.now} {...list} />
        {p.editorHint && <p class="muted">{t('openEditorHint')}</p>}
      </div>
      {next.later.length > 0 && (
        <Section {...fold('more-next')} title={t('sectionMoreNext')} summary={t('sectionCount', next.later.length)}>
          <Suggestions next={next.later} {...list} />
        </Section>
      )}
      {!compact && (a.mood.messages.at(-1)?.drivers.length ?? 0) > 0 && (
        <Section {...fold('mood-why')} title={t('sectionMoodWhy')}>
          <MoodWhy mood={a.mood} />
        </Section>
      )}
      {otherCues > 0 && (
        <Section {...fold('cues')} title={t('cuesHeading')} summary={t('sectionCount', otherCues)}>
          <Cues cues={cues.later} customerType={a.customerType} prompts={prompts.later} />
        </Section>
      )}
      {tips > 0 && (
        <Section {...fold('tips')} title={t('tipsHeading')} summary={t('sectionCount', tips)}>
          {p.breakStreak !== null && <BreakTip streak={p.breakStreak} onDismiss={p.onDismissBreak} />}
          {p.callTip && <CallTip />}
        </Section>
      )}
      <Section {...fold('playbook')} title={t('playbookHeading')} summary={t('playbookSummary', [done, a.steps.length])}>
        <Playbook steps={a.steps} compact={compact} />
      </Section>
      {a.tone && (
        <Section {...fold('tone')} title={t('toneHeading')} summary={t(TONE_KEY[a.tone.label])}>
          <Tone tone={a.tone} />
        </Section>
      )}
      {effects.length > 0 && (
        <Section {...fold('effects')} title={t('effectsHeading')} summary={t('sectionCount', effects.length)}>
          <Effects effects={effects} />
        </Section>
      )}
      <Section {...fold('note')} title={t('noteHeading')}>
        <Note analysis={a} customerName={p.customerName} messageCount={p.messageCount} />
      </Section>
    </>
  );
}
