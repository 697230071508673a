/** Looking after the agent: a dismissible break tip after heated conversations, and the offer-a-call tip (in the Tips section, under its heading). */
import { t } from '../../shared/i18n.ts';

export function BreakTip({ streak, onDismiss }: { streak: number; onDismiss: () => void }) {
  return (
    <aside class="card tip-card" data-testid="break-tip" aria-labelledby="break-h">
      <h3 id="break-h">{t('breakHeading')}</h3>
      <p>{t('breakBody', streak)}</p>
      <button type="button" data-testid="dismiss-break" onClick={onDismiss}>{t('breakDismiss')}</button>
    </aside>
  );
}

export function CallTip() {
  return (
    <aside class="card tip-card" data-testid="call-tip" aria-labelledby="call-h">
      <h3 id="call-h">{t('callHeading')}</h3>
      <p>{t('callBody')}</p>
    </aside>
  );
}
