/** The customer's mood: a 0–100 gauge for the latest message and the per-message trend. */
import type { Mood as MoodT } from '../../engine/analysis.ts';

const TREND_LABEL = { rising: 'rising', steady: 'steady', falling: 'easing' } as const;
const TREND_ARROW = { rising: '↑', steady: '→', falling: '↓' } as const;

export function Mood({ mood }: { mood: MoodT }) {
  const score = mood.latest;
  const latest = mood.messages[mood.messages.length - 1];
  return (
    <section class="card" aria-labelledby="mood-h">
      <h2 id="mood-h">Customer mood</h2>
      <div
        class={`gauge level-${mood.level ?? 'none'}`}
        data-testid="mood"
        {...(score !== null ? { 'data-score': String(score) } : {})}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={score ?? undefined}
        aria-label="Anger in the customer's latest message"
      >
        <div class="gauge-track"><div class="gauge-fill" style={{ width: `${score ?? 0}%` }} /></div>
        <div class="gauge-legend">
          {score === null ? <span>The customer has not written yet.</span> : (
            <>
              <strong>{score}</strong><span class="level">{mood.level}</span>
              <span class={`trend trend-${mood.trend}`} title={mood.delta !== null ? `${mood.delta > 0 ? '+' : ''}${mood.delta} since their previous message` : undefined}>
                {TREND_ARROW[mood.trend]} {TREND_LABEL[mood.trend]}
              </span>
            </>
          )}
        </div>
      </div>
      {mood.messages.length > 1 && (
        <ol class="sparkline" aria-label="Mood per customer message, oldest first">
          {mood.messages.map((m) => (
            <li key={m.index} data-testid="mood-point" data-score={String(m.score)} title={`Message ${m.index + 1}: ${m.score} (${m.level})`}>
              <span class={`bar level-${m.level}`} style={{ height: `${Math.max(4, m.score)}%` }} />
            </li>
          ))}
        </ol>
      )}
      {latest && latest.drivers.length > 0 && (
        <p class="why">
          Why: {latest.drivers.slice(0, 4).map((d, i) => (
            <span key={`${d.id}-${d.span.start}`}>{i > 0 ? ', ' : ''}<q>{d.span.text}</q> <small>({d.label})</small></span>
          ))}
        </p>
      )}
    </section>
  );
}
