/**
 * One content-script session: watch the page through the adapter, send the conversation and
 * draft to the worker after a typing pause, and carry out the worker's insert/replace requests.
 * All state lives in this closure and dies with `signal` (a page can hold two copies of the
 * script after an update; the newer one aborts the older).
 */
import type { SiteAdapter } from '../adapters/adapter.ts';
import type { EditResult, Message, Snapshot } from '../shared/messages.ts';
import { parseWorkerCommand } from '../shared/worker-commands.ts';
import { trimSnapshot } from '../shared/snapshot-trim.ts';
import { DEFAULT_TYPING_PAUSE_MS, SETTINGS_KEY, typingPauseOf } from '../shared/limits.ts';
import { followLocal, onMessage, runtimeAlive, sendMessage } from './runtime.ts';
import { startCoach } from './overlay/coach.ts';
import { parseInEditor } from './overlay/reply.ts';

/**
 * Quiet time after the last change before the draft is sent: a typing pause, not a keystroke.
 * The agent may change it in the options (settings.typingPauseMs); this is the default.
 */
export const DEBOUNCE_MS = DEFAULT_TYPING_PAUSE_MS;
/** Longest a steady stream of changes (fast typing, a busy page) can postpone a send. */
export const MAX_WAIT_MS = 2_000;
/**
 * A send that failed because the worker was stopped while handling it (Chrome kills idle
 * workers; the port closes without an answer) is retried after these waits, so the sidebar does
 * not keep showing the analysis of an older draft until the agent types again.
 */
export const RETRY_MS = [250, 1_000, 2_000, 4_000, 8_000] as const;

const NOTE_REFUSED: EditResult = { ok: false, detail: 'the composer is an internal note: nothing was inserted' };

export function startSession(adapter: SiteAdapter, doc: Document, controller: AbortController): void {
  const { signal } = controller;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending: number | undefined;
  let lastSent = '';
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let pause: number = DEBOUNCE_MS;
  const stopFollowing = followLocal(SETTINGS_KEY, (settings) => {
    pause = typingPauseOf(settings);
  });
  signal.addEventListener('abort', stopFollowing, { once: true });

  let sent = 0;
  const send = (message: Message): void => {
    const mine = message.kind === 'content/snapshot' ? ++sent : 0;
    sendMessage(message).then((reply) => {
      failures = 0;
      // Issue 13: the flags of the draft just sent, for the underlines (only the latest send's).
      if (mine && mine === sent) coach.update(parseInEditor(reply));
    }, (err: unknown) => {
      // Extension updated or removed: go quiet. Judged by our own runtime, not the error text:
      // "Receiving end does not exist" also comes from a worker that is stopping right now.
      if (!runtimeAlive() || /Extension context invalidated/i.test(String(err))) return controller.abort();
      // A marks-only send is not retried: the typing pause's send follows anyway.
      if (message.kind === 'content/snapshot' && message.marksOnly) return;
      lastSent = ''; // worker not reachable right now: read and send again
      const wait = RETRY_MS[failures++];
      if (wait === undefined || signal.aborted) return; // the next change on the page sends again
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        if (timer === undefined) flush();
      }, wait);
    });
  };

  const flush = (): void => {
    timer = undefined;
    firstPending = undefined;
    if (signal.aborted) return;
    try {
      read();
    } catch (err) {
      // A page shape the adapter did not expect: stay quiet for this change, try again on the next.
      console.warn('Cooldown: could not read this page', err);
    }
  };

  const read = (): void => {
    const conversation = adapter.readConversation(doc);
    if (!conversation) {
      if (lastSent !== 'none') coach.update(undefined);
      if (lastSent !== 'none') send({ kind: 'content/no-conversation', site: adapter.id });
      lastSent = 'none';
      return;
    }
    const snapshot = snapshotOf(conversation);
    // The caret alone moving is not worth a new analysis.
    const key = JSON.stringify({ ...snapshot, caret: undefined });
    if (key === lastSent) return;
    lastSent = key;
    send({ kind: 'content/snapshot', snapshot });
  };

  /**
   * A phrase was just completed (space, punctuation, Enter in the editor): its marks now, from a
   * marks-only send. The pending pause send is left alone: it stores the sidebar's copy.
   */
  const marks = (): void => {
    if (signal.aborted || !runtimeAlive()) return;
    try {
      const conversation = adapter.readConversation(doc);
      if (conversation) send({ kind: 'content/snapshot', snapshot: snapshotOf(conversation), marksOnly: true });
    } catch (err) {
      console.warn('Cooldown: could not read this page', err);
    }
  };

  const snapshotOf = (conversation: NonNullable<ReturnType<SiteAdapter['readConversation']>>): Snapshot => {
    const editor = adapter.findEditor(doc);
    const draft = editor?.read() ?? { text: '' };
    // Trimmed to the caps here, with what was cut counted, so the worker never refuses it.
    const snapshot: Snapshot = trimSnapshot({
      site: adapter.id,
      id: conversation.id,
      messages: conversation.messages,
      draft: draft.text,
      hasEditor: !!editor,
      ...(conversation.customerName ? { customerName: conversation.customerName } : {}),
      ...(draft.caret !== undefined ? { caret: draft.caret } : {}),
      ...(conversation.coverage ? { coverage: conversation.coverage } : {}),
      ...(conversation.composer ? { composer: conversation.composer } : {}),
    });
    const dismissed = coach.dismissed(conversation.id, snapshot.draft);
    if (dismissed.length) snapshot.dismissed = dismissed.slice(-100);
    return snapshot;
  };

  const schedule = (): void => {
    // Orphaned by an extension update: this copy can no longer reach the worker, so it stops.
    if (!runtimeAlive()) return controller.abort();
    const now = Date.now();
    firstPending ??= now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.min(pause, Math.max(0, firstPending + MAX_WAIT_MS - now));
    timer = setTimeout(flush, wait);
  };
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    clearTimeout(retryTimer);
  }, { once: true });

  const edit = async (run: (e: NonNullable<ReturnType<SiteAdapter['findEditor']>>) => Promise<EditResult>): Promise<EditResult> => {
    const editor = adapter.findEditor(doc);
    if (!editor) return { ok: false, detail: 'no editor on this page' };
    const result = await run(editor);
    schedule();
    return result;
  };

  // Customer phrasing never goes into an internal note, even if the agent switched the composer
  // after the sidebar last rendered: checked again at the moment of the click.
  const intoNote = (): boolean => adapter.readConversation(doc)?.composer === 'note';

  const answer = (raw: unknown): Promise<unknown> | undefined => {
    const msg = parseWorkerCommand(raw);
    if (!msg || signal.aborted) return undefined;
    switch (msg.kind) {
      case 'background/insert':
        return intoNote() ? Promise.resolve(NOTE_REFUSED) : edit((e) => e.insert(msg.text));
      case 'background/replace':
        return intoNote() ? Promise.resolve(NOTE_REFUSED) : edit((e) => e.replace(msg.start, msg.end, msg.expected, msg.text));
      case 'background/expand': {
        const clicked = adapter.expand?.(doc) ?? false;
        schedule();
        return Promise.resolve(clicked ? { ok: true, detail: 'expanded' } : { ok: false, detail: 'nothing to expand' });
      }
      case 'background/resend':
        lastSent = '';
        flush();
        return Promise.resolve({ ok: true });
    }
  };
  // Issue 13: underlines, card and mood chip in the composer; see overlay/coach.ts.
  const coach = startCoach({
    doc, signal,
    editor: () => adapter.findEditor(doc),
    replace: async (editor, start, end, expected, text) => {
      if (intoNote()) return NOTE_REFUSED;
      const result = await editor.replace(start, end, expected, text);
      schedule();
      return result;
    },
    now: () => {
      clearTimeout(timer);
      flush();
    },
    boundary: marks,
    openCoach: () => void sendMessage({ kind: 'content/open-coach' } satisfies Message).catch(() => undefined),
  });
  const stopListening = onMessage(answer);
  signal.addEventListener('abort', stopListening, { once: true });

  adapter.observe(doc, signal, schedule);
  flush();
}
