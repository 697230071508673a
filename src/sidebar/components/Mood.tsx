/**
 * The customer's mood, readable at a glance and never by colour alone: the latest score with its
 * level in words, the trend as an arrow and a word, and a per-message sparkline (inline SVG)
 * whose points are labelled for screen readers and drawn with a different shape per level. The
 * gauge is on the first screen; what drove the score (`MoodWhy`) folds into its own section.
 */
import type { MessageMood, Mood as MoodT } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';
import { levelWord, signed } from '../summary.ts';

const TREND_ARROW = { rising: '↑', steady: '→', falling: '↓' } as const;
const TREND_KEY = { rising: 'trendRising', steady: 'trendSteady', falling: 'trendFalling' } as const;

const W = 240;
const H = 44;
const PAD = 6;

/** Marker shape per level, so the line reads without colour: calm ○, upset ◇, angry △, furious ■. */
function Marker({ m, x, y }: { m: MessageMood; x: number; y: number }) {
  const common = { class: `pt level-${m.level}`, 'data-testid': 'mood-point', 'data-score': String(m.score), 'data-level': m.level };
  const label = <title>{t('moodPointTitle', [m.index + 1, m.score, levelWord(t, m.level)])}</title>;
  switch (m.level) {
    case 'calm': return <circle {...common} cx={x} cy={y} r={3.5}>{label}</circle>;
    case 'upset': return <polygon {...common} points={`${x},${y - 4.5} ${x + 4.5},${y} ${x},${y + 4.5} ${x - 4.5},${y}`}>{label}</polygon>;
    case 'angry': return <polygon {...common} points={`${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`}>{label}</polygon>;
    case 'furious': return <rect {...common} x={x - 4} y={y - 4} width={8} height={8}>{label}</rect>;
  }
}

export function Sparkline({ messages }: { messages: MessageMood[] }) {
  const n = messages.length;
  const xOf = (i: number): number => (n === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (n - 1));
  const yOf = (score: number): number => H - PAD - (score / 100) * (H - 2 * PAD);
  const points = messages.map((m, i) => `${xOf(i)},${yOf(m.score)}`).join(' ');
  const summary = t('moodSparklineLabel', messages.map((m) => `${m.score} ${levelWord(t, m.level)}`).join(', '));
  return (
    <svg class="sparkline" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-testid="sparkline" preserveAspectRatio="none">
      <line class="mid" x1={0} x2={W} y1={yOf(50)} y2={yOf(50)} />
      <polyline class="line" points={points} fill="none" />
      {messages.map((m, i) => <Marker key={m.index} m={m} x={xOf(i)} y={yOf(m.score)} />)}
    </svg>
  );
}

export function Mood({ mood }: { mood: MoodT }) {
  const score = mood.latest;
  const level = mood.level ? levelWord(t, mood.level) : '';
  return (
    <section class="card" aria-labelledby="mood-h">
      <h2 id="mood-h">{t('moodHeading')}</h2>
      <div
        class={`gauge level-${mood.level ?? 'none'}`}
        data-testid="mood"
        {...(score !== null ? { 'data-score': String(score), 'data-level': mood.level ?? '' } : {})}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={score ?? undefined}
        aria-valuetext={score !== null ? t('moodValueText', [score, level]) : undefined}
        aria-label={t('moodGaugeLabel')}
      >
        <div class="gauge-track" aria-hidden="true"><div class="gauge-fill" style={{ width: `${score ?? 0}%` }} /></div>
        <div class="gauge-legend">
          {score === null ? <span>{t('moodNoCustomer')}</span> : (
            <>
              <strong>{score}</strong><span class="level" data-testid="mood-level">{level}</span>
              <span class={`trend trend-${mood.trend}`} data-testid="mood-trend">
                <span aria-hidden="true">{TREND_ARROW[mood.trend]}</span> {t(TREND_KEY[mood.trend])}
                {mood.delta !== null && mood.messages.length > 1 ? <> ({t('moodDelta', signed(mood.delta))})</> : null}
              </span>
            </>
          )}
        </div>
      </div>
      {mood.messages.length > 1 && <Sparkline messages={mood.messages} />}
    </section>
  );
}

/** The customer's words that drove the latest score (the body of the "Why this mood" section; compact mode leaves it out). */
export function MoodWhy({ mood }: { mood: MoodT }) {
  const latest = mood.messages[mood.messages.length - 1];
  if (!latest || latest.drivers.length === 0) return null;
  return (
    <p class="why" data-testid="mood-why">
      {t('moodWhy')} {latest.drivers.slice(0, 4).map((d, i) => (
        <span key={`${d.id}-${d.span.start}`}>{i > 0 ? ', ' : ''}<q>{d.span.text}</q> <small>({d.label})</small></span>
      ))}
    </p>
  );
}
