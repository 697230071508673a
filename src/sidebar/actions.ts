/** Intents the sidebar sends to the worker, through the one typed `request`. The sidebar never touches the page itself. */
import type { EditResult, MessageOf } from '../shared/messages.ts';
import { request } from '../shared/request.ts';

async function editRequest(message: MessageOf<'sidebar/insert'> | MessageOf<'sidebar/replace'> | MessageOf<'sidebar/expand'>): Promise<EditResult> {
  return (await request(message)) ?? { ok: false, detail: 'no reply' };
}

export const insertText = (tabId: number, text: string): Promise<EditResult> =>
  editRequest({ kind: 'sidebar/insert', tabId, text });

export const replaceText = (tabId: number, start: number, end: number, expected: string, text: string): Promise<EditResult> =>
  editRequest({ kind: 'sidebar/replace', tabId, start, end, expected, text });

export function popOut(tabId: number): void {
  void request({ kind: 'sidebar/pop-out', tabId });
}

export function refresh(tabId: number): void {
  void request({ kind: 'sidebar/refresh', tabId });
}

/** The one click that expands collapsed messages or loads older comments in the tab. */
export const expandConversation = (tabId: number): Promise<EditResult> => editRequest({ kind: 'sidebar/expand', tabId });
