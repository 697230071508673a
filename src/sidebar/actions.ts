/** Intents the sidebar sends to the worker. The sidebar never touches the page itself. */
import browser from '../shared/browser.ts';
import { EditResult, type MessageOf } from '../shared/messages.ts';

async function editRequest(message: MessageOf<'sidebar/insert'> | MessageOf<'sidebar/replace'> | MessageOf<'sidebar/expand'>): Promise<EditResult> {
  try {
    const r = EditResult.safeParse(await browser.runtime.sendMessage(message));
    return r.success ? r.data : { ok: false, detail: 'no reply' };
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}

export const insertText = (tabId: number, text: string): Promise<EditResult> =>
  editRequest({ kind: 'sidebar/insert', tabId, text });

export const replaceText = (tabId: number, start: number, end: number, expected: string, text: string): Promise<EditResult> =>
  editRequest({ kind: 'sidebar/replace', tabId, start, end, expected, text });

export function popOut(tabId: number): void {
  void browser.runtime.sendMessage({ kind: 'sidebar/pop-out', tabId } satisfies MessageOf<'sidebar/pop-out'>);
}

export function refresh(tabId: number): void {
  void browser.runtime.sendMessage({ kind: 'sidebar/refresh', tabId } satisfies MessageOf<'sidebar/refresh'>).catch(() => undefined);
}

/** The one click that expands collapsed messages or loads older comments in the tab. */
export const expandConversation = (tabId: number): Promise<EditResult> => editRequest({ kind: 'sidebar/expand', tabId });
