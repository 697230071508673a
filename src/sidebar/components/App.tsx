/** The sidebar: renders the bound tab's state; user actions become intents for the worker. */
import { useState } from 'preact/hooks';
import type { Flag, Suggestion } from '../../engine/analysis.ts';
import type { EditResult } from '../../shared/messages.ts';
import type { TabState } from '../../shared/state.ts';
import { insertText, popOut, refresh, replaceText } from '../actions.ts';
import { useBoundTab, useTabState } from '../binding.ts';
import { Cues } from './Cues.tsx';
import { Empty, type EmptyReason } from './Empty.tsx';
import { Flags } from './Flags.tsx';
import { Mood } from './Mood.tsx';
import { Playbook } from './Playbook.tsx';
import { Suggestions } from './Suggestions.tsx';

const HELPDESK = /^https:\/\/(mail\.google\.com|[a-z0-9-]+\.zendesk\.com)\//;

function emptyReason(tabId: number | null, url: string | null, state: TabState | null, loaded: boolean): EmptyReason | null {
  if (!loaded) return 'loading';
  if (tabId === null) return 'no-tab';
  if (state?.status === 'ready' && state.analysis) return null;
  if (state?.status === 'no-conversation') return 'no-conversation';
  return url && HELPDESK.test(url) ? 'not-connected' : 'not-helpdesk';
}

export function App() {
  const { tabId, url, pinned } = useBoundTab();
  const { state, loaded } = useTabState(tabId);
  const [notice, setNotice] = useState<EditResult | null>(null);
  const reason = emptyReason(tabId, url, state, loaded);

  const report = (r: EditResult): void => setNotice(r.ok ? null : r);
  const onInsert = (s: Suggestion): void => {
    if (tabId !== null) void insertText(tabId, s.text).then(report);
  };
  const onReplace = (f: Flag, replacement: string): void => {
    if (tabId !== null) void replaceText(tabId, f.start, f.end, f.text, replacement).then(report);
  };

  return (
    <main data-testid="sidebar" data-tab-id={tabId ?? ''} data-conversation={state?.conversation?.id ?? ''}>
      <header class="top">
        <h1>Cooldown</h1>
        {state?.conversation?.customerName && <span class="customer" data-testid="customer">{state.conversation.customerName}</span>}
        {!pinned && tabId !== null && (
          <button type="button" class="link" onClick={() => popOut(tabId)} title="Open this coach in its own tab">Pop out</button>
        )}
      </header>
      {notice && <p class="notice" role="status" data-testid="notice">Could not edit the reply: {notice.detail}</p>}
      {reason ? (
        <Empty reason={reason} {...(reason === 'not-connected' && tabId !== null ? { onRetry: () => refresh(tabId) } : {})} />
      ) : state?.analysis ? (
        <>
          <Mood mood={state.analysis.mood} />
          <Cues cues={state.analysis.cues} customerType={state.analysis.customerType} prompts={state.analysis.prompts} />
          <Flags flags={state.analysis.flags} tone={state.analysis.tone ?? null} onReplace={onReplace} />
          <Suggestions next={state.analysis.next} canInsert={!!state.conversation?.hasEditor} onInsert={onInsert} />
          <Playbook steps={state.analysis.steps} />
          {!state.conversation?.hasEditor && <p class="muted">Open the reply editor to get live feedback on your draft.</p>}
        </>
      ) : null}
      <footer class="privacy">Analysed on this device. Nothing you type leaves the browser.</footer>
    </main>
  );
}
