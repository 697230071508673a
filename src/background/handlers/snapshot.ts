/** `content/snapshot` and `content/no-conversation`: analyse and remember, per tab. */
import type { Runtime } from 'webextension-polyfill';
import type { MessageOf, Reply } from '../../shared/messages.ts';
import { STATE_VERSION, type TabState } from '../../shared/state.ts';
import { sessionFor } from '../engine-host.ts';
import { writeTab } from '../store.ts';
import { inEditorReply, withoutDismissed } from './in-editor.ts';
import { recordWorked } from './wellbeing.ts';

function originOf(sender: Runtime.MessageSender): string {
  try {
    return new URL(sender.url ?? sender.tab?.url ?? '').origin;
  } catch {
    return '';
  }
}

/**
 * The latest report per tab. Two snapshots of one tab can be in flight at once (the engine is
 * being built after a worker start or a pack change, and the agent keeps typing); the older may
 * finish last, so a report writes only if no newer one arrived meanwhile. Found by
 * tests/e2e/faults.spec.ts: the sidebar kept an older draft's analysis.
 */
const latest = new Map<number, number>();
let reports = 0;
const begin = (tabId: number): (() => boolean) => {
  const mine = ++reports;
  latest.set(tabId, mine);
  return () => latest.get(tabId) === mine;
};

export async function onSnapshot(msg: MessageOf<'content/snapshot'>, sender: Runtime.MessageSender): Promise<Reply<'content/snapshot'>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: true };
  // A marks-only send does not take the tab's turn: the pause's send in flight still stores.
  const current = msg.marksOnly ? () => true : begin(tabId);
  const s = msg.snapshot;
  const session = await sessionFor(tabId, s.id);
  if (!current()) return { ok: true };
  // An internal note is not a reply the customer reads: it is not coached (no flags, no steps
  // drafted), while the customer's messages are still read for their mood.
  const note = s.composer === 'note';
  const analysed = session.update({
    id: s.id,
    site: s.site,
    messages: s.messages,
    draft: note ? '' : s.draft,
    ...(s.customerName ? { customerName: s.customerName } : {}),
    ...(s.caret !== undefined && !note ? { caret: s.caret } : {}),
  });
  // "Not here" from the in-editor card hides that flag for this draft, in the sidebar too.
  const analysis = withoutDismissed(analysed, s.dismissed);
  // A word-boundary send is for the composer's marks only: the sidebar's copy (and the wellbeing
  // record) waits for the typing pause's send, so the sidebar re-renders once per pause.
  if (msg.marksOnly) return { ok: true, inEditor: inEditorReply(s.draft, analysis) };
  const state: TabState = {
    version: STATE_VERSION,
    tabId,
    site: s.site,
    origin: originOf(sender),
    status: 'ready',
    conversation: {
      id: s.id,
      ...(s.customerName ? { customerName: s.customerName } : {}),
      messageCount: s.messages.length,
      hasEditor: s.hasEditor,
      draftLength: s.draft.length,
      ...(s.coverage ? { coverage: s.coverage } : {}),
      ...(s.composer ? { composer: s.composer } : {}),
    },
    analysis,
    updatedAt: Date.now(),
  };
  if (!current()) return { ok: true };
  // The sidebar's copy is stored before the reply, not after it: Firefox keeps an event page
  // that has been idle past its timeout alive only while a listener's promise is pending, and
  // suspends it the moment the reply settles; a storage write still in flight then is lost, and
  // the sidebar kept the previous draft's analysis until the agent typed again (faults.spec.ts in
  // Firefox, issue 14). The write takes a few milliseconds; the flags then go back to the tab that
  // sent the draft, for its underlines and chip. Writes land in order (one extension context,
  // storage calls queue in order). The agent's wellbeing record is written before the reply for
  // the same reason. Neither delays the underlines: those come from the word-boundary sends,
  // which store nothing (marksOnly above); this is the typing pause's send.
  await Promise.all([
    writeTab(state).catch((err: unknown) => console.error('Cooldown: could not store the tab state', err)),
    recordWorked(state),
  ]);
  return { ok: true, inEditor: inEditorReply(s.draft, analysis) };
}

export async function onNoConversation(msg: MessageOf<'content/no-conversation'>, sender: Runtime.MessageSender): Promise<Reply<'content/no-conversation'>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: true };
  begin(tabId);
  await writeTab({
    version: STATE_VERSION, tabId, site: msg.site, origin: originOf(sender),
    status: 'no-conversation', conversation: null, analysis: null, updatedAt: Date.now(),
  });
  return { ok: true };
}
