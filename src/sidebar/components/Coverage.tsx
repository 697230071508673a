/**
 * How much of the conversation the coach read (issue 12): it never presents part of a thread as
 * the whole. Says what was not read and offers the one click that fixes it (expand collapsed
 * messages, load older comments), lists third parties shown but not scored, and says when the
 * draft is an internal note or a new message on its own.
 */
import { t } from '../../shared/i18n.ts';
import type { TabState } from '../../shared/state.ts';

type Conversation = NonNullable<TabState['conversation']>;

const KIND = { 'side-conversation': 'otherSideConversation', automation: 'otherAutomation', bot: 'otherBot' } as const;

export function Coverage({ conversation, onExpand, busy }: { conversation: Conversation; onExpand: () => void; busy: boolean }) {
  const c = conversation.coverage;
  const composer = conversation.composer ?? 'reply';
  return (
    <>
      {composer === 'note' && <p class="notice note" role="status" data-testid="composer-note">{t('composerNote')}</p>}
      {composer === 'compose' && <p class="muted" data-testid="composer-compose">{t('composerCompose')}</p>}
      {c && (
        <section class="coverage" data-testid="coverage" data-read={c.read} data-unread={c.unread} data-more={String(c.more)} data-trimmed={c.trimmed}>
          <p>{c.unread > 0 ? t('coverageRead', [c.read, c.read + c.unread]) : t('coverageReadAll', c.read)}</p>
          {c.unread > 0 && <p class="warn" data-testid="coverage-unread">{t('coverageUnread', c.unread)}</p>}
          {c.more && <p class="warn" data-testid="coverage-more">{t('coverageMore')}</p>}
          {c.expandable && (c.unread > 0 || c.more) && (
            <button type="button" data-testid="expand" disabled={busy} onClick={onExpand}>{t('coverageExpand')}</button>
          )}
          {c.trimmed > 0 && <p class="warn" data-testid="coverage-trimmed">{t('coverageTrimmed', c.trimmed)}</p>}
          {c.others.length > 0 && (
            // One line, not a list: the first screen is short (issue 13).
            <p data-testid="others">
              {t('coverageOthers')}{' '}
              {c.others.map((o, i) => (
                <span key={`${o.kind}:${o.name}`}>{i > 0 ? ', ' : ''}<span data-testid="other" data-kind={o.kind}>{o.name} ({t(KIND[o.kind])})</span></span>
              ))}
            </p>
          )}
        </section>
      )}
    </>
  );
}
