/** How the draft sounds (curt ↔ warm), with the phrases that push it either way. */
import type { Tone as ToneT } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';

const TONE_KEY = { curt: 'toneCurt', neutral: 'toneNeutral', warm: 'toneWarm' } as const;

export function Tone({ tone }: { tone: ToneT }) {
  const drivers = [...tone.drivers].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, 3);
  return (
    <p class={`tone tone-${tone.label}`} data-testid="tone" data-tone={tone.label} data-score={String(tone.score)}>
      {t('toneLabel')} <strong>{t(TONE_KEY[tone.label])}</strong>
      {drivers.length > 0 && (
        <> — {drivers.map((d, i) => (
          <span key={`${d.id}-${d.span.start}`}>{i > 0 ? ', ' : ''}<q>{d.span.text}</q></span>
        ))}</>
      )}
    </p>
  );
}
