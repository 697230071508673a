/** Empty states that say why there is nothing to show and what to do about it. */
import { t, type MessageKey } from '../../shared/i18n.ts';

export type EmptyReason = 'loading' | 'no-tab' | 'not-helpdesk' | 'no-conversation' | 'not-connected' | 'site-off';

const TEXT: Record<EmptyReason, { title: MessageKey; body: MessageKey | null }> = {
  'loading': { title: 'emptyLoading', body: null },
  'no-tab': { title: 'emptyNoTabTitle', body: 'emptyNoTabBody' },
  'not-helpdesk': { title: 'emptyNotHelpdeskTitle', body: 'emptyNotHelpdeskBody' },
  'no-conversation': { title: 'emptyNoConversationTitle', body: 'emptyNoConversationBody' },
  'not-connected': { title: 'emptyNotConnectedTitle', body: 'emptyNotConnectedBody' },
  'site-off': { title: 'emptySiteOffTitle', body: 'emptySiteOffBody' },
};

export function Empty({ reason, onRetry }: { reason: EmptyReason; onRetry?: () => void }) {
  const text = TEXT[reason];
  return (
    <section class="empty" data-testid="empty" data-reason={reason} aria-labelledby="empty-h">
      <h2 id="empty-h">{t(text.title)}</h2>
      {text.body && <p>{t(text.body)}</p>}
      {onRetry && <button type="button" onClick={onRetry}>{t('emptyRetry')}</button>}
    </section>
  );
}
