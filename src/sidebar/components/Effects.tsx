/** "Is it working?": after each agent reply, did the customer's next message cool down or heat up? */
import type { Mood } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';
import { replyEffects, signed, verdictWord } from '../summary.ts';

const MARK = { cooler: '↓', hotter: '↑', same: '→' } as const;

export function Effects({ mood }: { mood: Mood }) {
  const effects = replyEffects(mood);
  if (!effects.length) return null;
  return (
    <section class="card" aria-labelledby="effects-h">
      <h2 id="effects-h">{t('effectsHeading')}</h2>
      <ol class="effects">
        {effects.map((e) => (
          <li key={e.agentIndex} class={`effect effect-${e.verdict}`} data-testid="effect" data-verdict={e.verdict} data-agent-index={String(e.agentIndex)}>
            <span class="mark" aria-hidden="true">{MARK[e.verdict]}</span>
            {t('effectLine', [e.agentIndex + 1, verdictWord(t, e.verdict)])}
            {' '}<span class="muted">({e.before.score} → {e.after.score}, {signed(e.delta)})</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
