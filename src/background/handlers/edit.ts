/** `sidebar/insert` and `sidebar/replace`: forward the agent's click to the tab's content script. */
import browser from '../../shared/browser.ts';
import { EditResult, type Message, type MessageOf, type Reply } from '../../shared/messages.ts';

async function forward(tabId: number, message: Message): Promise<EditResult> {
  try {
    const reply = EditResult.safeParse(await browser.tabs.sendMessage(tabId, message));
    return reply.success ? reply.data : { ok: false, detail: 'no reply from the page' };
  } catch {
    return { ok: false, detail: 'the page is not connected (reload the tab)' };
  }
}

export function onInsert(msg: MessageOf<'sidebar/insert'>): Promise<Reply<'sidebar/insert'>> {
  return forward(msg.tabId, { kind: 'background/insert', text: msg.text });
}

export function onReplace(msg: MessageOf<'sidebar/replace'>): Promise<Reply<'sidebar/replace'>> {
  const { start, end, expected, text } = msg;
  return forward(msg.tabId, { kind: 'background/replace', start, end, expected, text });
}

/** `sidebar/expand`: the agent asked to open what was not read (collapsed messages, older comments). */
export function onExpand(msg: MessageOf<'sidebar/expand'>): Promise<Reply<'sidebar/expand'>> {
  return forward(msg.tabId, { kind: 'background/expand' });
}

export async function onRefresh(msg: MessageOf<'sidebar/refresh'>): Promise<Reply<'sidebar/refresh'>> {
  try {
    await browser.tabs.sendMessage(msg.tabId, { kind: 'background/resend' } satisfies Message);
    return { ok: true };
  } catch {
    return { ok: false };
  }
}
