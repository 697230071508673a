/**
 * Every runtime message lands here, is parsed against the one schema, checked for the right
 * sender, and handed to its handler. Exhaustive by construction (`assertNever`).
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser.ts';
import { assertNever, parseMessage } from '../shared/messages.ts';
import { countDropped } from './dropped.ts';
import { onInsert, onRefresh, onReplace } from './handlers/edit.ts';
import { onImportText, onImportUrl, onMovePack, onRemovePack, onSetPackEnabled, onSetRuleDisabled, onUpdatePack } from './handlers/packs.ts';
import { onSiteAdd, onSiteRemove } from './handlers/generic-sites.ts';
import { onPopOut } from './handlers/sidebar.ts';
import { ifSiteOn } from './handlers/site-switch.ts';
import { onNoConversation, onSnapshot } from './handlers/snapshot.ts';

const fromOurPages = (sender: Runtime.MessageSender): boolean =>
  sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(''));
/** Content scripts run in the top frame only (no all_frames), so a message from a subframe is not one of ours. */
const fromContentScript = (sender: Runtime.MessageSender): boolean =>
  sender.id === browser.runtime.id && sender.tab?.id !== undefined && sender.frameId === 0 && !fromOurPages(sender);

/**
 * Handler failures are logged where a developer looks (the worker's console), then rethrown to
 * the sender. A message that is malformed, oversized or from the wrong sender gets no answer and
 * is counted (dropped.ts); it never reaches a handler.
 */
export function route(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  const reply = dispatch(raw, sender);
  if (!reply) {
    void countDropped();
    return undefined;
  }
  return reply.catch((err: unknown) => {
    console.error('Cooldown: message handler failed', err);
    throw err;
  });
}

function dispatch(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  const msg = parseMessage(raw);
  if (!msg) return undefined;
  switch (msg.kind) {
    case 'content/snapshot':
      return fromContentScript(sender) ? ifSiteOn(msg.snapshot.site, () => onSnapshot(msg, sender), { ok: true } as const) : undefined;
    case 'content/no-conversation':
      return fromContentScript(sender) ? onNoConversation(msg, sender) : undefined;
    case 'sidebar/insert':
      return fromOurPages(sender) ? onInsert(msg) : undefined;
    case 'sidebar/replace':
      return fromOurPages(sender) ? onReplace(msg) : undefined;
    case 'sidebar/pop-out':
      return fromOurPages(sender) ? onPopOut(msg) : undefined;
    case 'sidebar/refresh':
      return fromOurPages(sender) ? onRefresh(msg) : undefined;
    case 'options/import-text':
      return fromOurPages(sender) ? onImportText(msg) : undefined;
    case 'options/import-url':
      return fromOurPages(sender) ? onImportUrl(msg) : undefined;
    case 'options/update-pack':
      return fromOurPages(sender) ? onUpdatePack(msg) : undefined;
    case 'options/set-pack-enabled':
      return fromOurPages(sender) ? onSetPackEnabled(msg) : undefined;
    case 'options/move-pack':
      return fromOurPages(sender) ? onMovePack(msg) : undefined;
    case 'options/remove-pack':
      return fromOurPages(sender) ? onRemovePack(msg) : undefined;
    case 'options/set-rule-disabled':
      return fromOurPages(sender) ? onSetRuleDisabled(msg) : undefined;
    case 'options/site-add':
      return fromOurPages(sender) ? onSiteAdd(msg) : undefined;
    case 'options/site-remove':
      return fromOurPages(sender) ? onSiteRemove(msg) : undefined;
    case 'background/insert':
    case 'background/replace':
    case 'background/resend':
      return undefined; // addressed to content scripts
    default:
      return assertNever(msg);
  }
}
