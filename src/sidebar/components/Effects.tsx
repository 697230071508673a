/** "Is it working?": after each agent reply, did the customer's next message cool down or heat up? (The body of its section.) */
import { t } from '../../shared/i18n.ts';
import { signed, verdictWord, type ReplyEffect } from '../summary.ts';

const MARK = { cooler: '↓', hotter: '↑', same: '→' } as const;

export function Effects({ effects }: { effects: ReplyEffect[] }) {
  return (
    <ol class="effects">
      {effects.map((e) => (
        <li key={e.agentIndex} class={`effect effect-${e.verdict}`} data-testid="effect" data-verdict={e.verdict} data-agent-index={String(e.agentIndex)}>
          <span class="mark" aria-hidden="true">{MARK[e.verdict]}</span>
          {t('effectLine', [e.agentIndex + 1, verdictWord(t, e.verdict)])}
          {' '}<span class="muted">({e.before.score} → {e.after.score}, {signed(e.delta)})</span>
        </li>
      ))}
    </ol>
  );
}
