/**
 * The sidebar: renders the bound tab's state; user actions become intents for the worker.
 * Landmarks: a banner (header), the main coaching area, and a contentinfo footer; a polite live
 * region announces flags that are new since the last analysis (the worker analyses after typing
 * pauses, so this is never per keystroke). What the coaching shows, first screen and folding
 * sections, is Coaching.tsx.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Flag, Suggestion } from '../../engine/analysis.ts';
import { t } from '../../shared/i18n.ts';
import type { EditResult } from '../../shared/messages.ts';
import { siteEnabled } from '../../shared/settings.ts';
import { siteForUrl } from '../../sites/registry.ts';
import type { TabState } from '../../shared/state.ts';
import { heatedStreak, suggestBreak, suggestCall } from '../../shared/wellbeing.ts';
import { expandConversation, insertText, popOut, refresh, replaceText } from '../actions.ts';
import { dismissBreakTip, useBoundTab, useSections, useSettings, useTabState, useWellbeing } from '../binding.ts';
import { Coaching } from './Coaching.tsx';
import { Coverage } from './Coverage.tsx';
import { Empty, type EmptyReason } from './Empty.tsx';

/** The registered helpdesk whose agent pages the tab shows (src/sites/registry.ts). */
const siteOf = siteForUrl;

function emptyReason(tabId: number | null, url: string | null, state: TabState | null, loaded: boolean, siteOn: boolean): EmptyReason | null {
  if (!loaded) return 'loading';
  if (tabId === null) return 'no-tab';
  if (!siteOn) return 'site-off';
  if (state?.status === 'ready' && state.analysis) return null;
  if (state?.status === 'no-conversation') return 'no-conversation';
  return siteOf(url) ? 'not-connected' : 'not-helpdesk';
}

/** Text for flags that were not there in the previous analysis of the same conversation. */
function useFlagAnnouncement(conversation: string | null, flags: Flag[] | null): string {
  const seen = useRef<{ conversation: string | null; keys: Set<string> }>({ conversation: null, keys: new Set() });
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!flags) return;
    const keys = new Set(flags.map((f) => `${f.ruleId}:${f.text.toLowerCase()}`));
    const before = seen.current;
    const fresh = before.conversation === conversation ? flags.filter((f) => !before.keys.has(`${f.ruleId}:${f.text.toLowerCase()}`)) : flags;
    seen.current = { conversation, keys };
    if (fresh.length === 1) setMessage(t('announceFlag', [fresh[0]!.text, fresh[0]!.message]));
    else if (fresh.length > 1) setMessage(t('announceFlags', [fresh.length, fresh.map((f) => `“${f.text}”`).join(', ')]));
  }, [conversation, flags]);
  return message;
}

export function App() {
  const { tabId, url, pinned } = useBoundTab();
  const { state, loaded } = useTabState(tabId);
  const settings = useSettings();
  const wellbeing = useWellbeing();
  const sections = useSections();
  const [notice, setNotice] = useState<EditResult | null>(null);
  const [expanding, setExpanding] = useState(false);
  const site = state?.site ?? siteOf(url);
  const siteOn = site === null || siteEnabled(settings, site);
  const reason = emptyReason(tabId, url, state, loaded, siteOn);
  const analysis = !reason ? state?.analysis ?? null : null;
  const announcement = useFlagAnnouncement(state?.conversation?.id ?? null, analysis?.flags ?? null);

  const report = (r: EditResult): void => setNotice(r.ok ? null : r);
  const onInsert = (s: Suggestion): void => {
    if (tabId !== null) void insertText(tabId, s.text).then(report);
  };
  const onReplace = (f: Flag, replacement: string): void => {
    if (tabId !== null) void replaceText(tabId, f.start, f.end, f.text, replacement).then(report);
  };
  const onExpand = (): void => {
    if (tabId === null) return;
    setExpanding(true);
    void expandConversation(tabId).then(report).finally(() => setExpanding(false));
  };
  const compact = settings.compact;
  // An internal note is not written to the customer: no customer phrasing is offered for it.
  const note = state?.conversation?.composer === 'note';

  return (
    <div class={compact ? 'app compact' : 'app'} data-testid="sidebar" data-tab-id={tabId ?? ''} data-conversation={state?.conversation?.id ?? ''}>
      <header class="top">
        <h1>Cooldown</h1>
        {state?.conversation?.customerName && <span class="customer" data-testid="customer">{state.conversation.customerName}</span>}
        {!pinned && tabId !== null && (
          <button type="button" class="link" onClick={() => popOut(tabId)} title={t('popOutTitle')}>{t('popOut')}</button>
        )}
      </header>
      <main>
        <p class="sr-only" role="status" aria-live="polite" data-testid="announcer">{announcement}</p>
        {notice && <p class="notice" role="alert" data-testid="notice">{t('editFailed', notice.detail)}</p>}
        {reason ? (
          <Empty reason={reason} {...(reason === 'not-connected' && tabId !== null ? { onRetry: () => refresh(tabId) } : {})} />
        ) : analysis && state ? (
          <>
            {state.conversation && <Coverage conversation={state.conversation} onExpand={onExpand} busy={expanding} />}
            <Coaching
              analysis={analysis} compact={compact} note={note} canInsert={!!state.conversation?.hasEditor}
              customerName={state.conversation?.customerName} messageCount={state.conversation?.messageCount ?? 0}
              breakStreak={suggestBreak(wellbeing, settings) ? heatedStreak(wellbeing) : null} callTip={suggestCall(analysis.mood, settings)}
              sections={sections.open} onToggle={sections.setOpen}
              onInsert={onInsert} onReplace={onReplace} onDismissBreak={() => void dismissBreakTip()}
              editorHint={!state.conversation?.hasEditor}
            />
          </>
        ) : null}
      </main>
      <footer class="privacy">{t('privacyShort')}</footer>
    </div>
  );
}
