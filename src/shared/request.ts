/**
 * The one way an extension page asks the worker something: the reply comes back typed by the
 * request's kind (`ReplyMap`). No answer (the worker failed, or dropped the message) is
 * `undefined`, never a cast guess; callers say what that means for them.
 */
import browser from './browser.ts';
import type { MessageKind, MessageOf, Reply } from './messages.ts';

export type PageRequestKind = Extract<MessageKind, `sidebar/${string}` | `options/${string}`>;

export async function request<K extends PageRequestKind>(message: MessageOf<K>): Promise<Reply<K> | undefined> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    return reply === undefined || reply === null ? undefined : reply as Reply<K>;
  } catch {
    return undefined;
  }
}
