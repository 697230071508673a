/** How the draft sounds (curt ↔ warm), with the phrases that push it either way. */
import type { Tone as ToneT } from '../../engine/analysis.ts';

export function Tone({ tone }: { tone: ToneT }) {
  const drivers = [...tone.drivers].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, 3);
  return (
    <p class={`tone tone-${tone.label}`} data-testid="tone" data-tone={tone.label} data-score={String(tone.score)}>
      Your tone: <strong>{tone.label}</strong>
      {drivers.length > 0 && (
        <> — {drivers.map((d, i) => (
          <span key={`${d.id}-${d.span.start}`}>{i > 0 ? ', ' : ''}<q>{d.span.text}</q></span>
        ))}</>
      )}
    </p>
  );
}
