/** Empty states that say why there is nothing to show and what to do about it. */
export type EmptyReason = 'loading' | 'no-tab' | 'not-helpdesk' | 'no-conversation' | 'not-connected';

const TEXT: Record<EmptyReason, { title: string; body: string }> = {
  'loading': { title: 'Loading…', body: '' },
  'no-tab': { title: 'No tab to coach', body: 'The tab this coach was opened for is closed.' },
  'not-helpdesk': {
    title: 'No helpdesk tab',
    body: 'Open a Zendesk ticket or a Gmail thread in this window. Other sites can be enabled in the options.',
  },
  'no-conversation': {
    title: 'No conversation yet',
    body: 'Open a ticket or a thread (or start a reply): the coach reads the conversation that is on screen.',
  },
  'not-connected': {
    title: 'Waiting for the page',
    body: 'This tab was open before Cooldown was installed or updated. Reload it to start coaching.',
  },
};

export function Empty({ reason, onRetry }: { reason: EmptyReason; onRetry?: () => void }) {
  const t = TEXT[reason];
  return (
    <section class="empty" data-testid="empty" data-reason={reason}>
      <h2>{t.title}</h2>
      {t.body && <p>{t.body}</p>}
      {onRetry && <button type="button" onClick={onRetry}>Check again</button>}
    </section>
  );
}
