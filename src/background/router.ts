/**
 * Every runtime message lands here, is parsed against the one schema, checked for the right
 * sender, and handed to its handler. The table below is the whole protocol as the worker sees it:
 * for each kind, who may send it and what handles it, with the handler's reply type checked
 * against `ReplyMap` (a missing kind, or a handler answering the wrong type, does not compile).
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser.ts';
import { parseMessage, type MessageKind, type MessageOf, type Reply } from '../shared/messages.ts';
import { countDropped } from './dropped.ts';
import { onExpand, onInsert, onRefresh, onReplace } from './handlers/edit.ts';
import { onSiteAdd, onSiteRemove } from './handlers/generic-sites.ts';
import { onImportText, onImportUrl, onMovePack, onPacksView, onRemovePack, onSetPackEnabled, onSetRuleDisabled, onUpdatePack } from './handlers/packs.ts';
import { onSetSection } from './handlers/sections.ts';
import { onSaveSettings } from './handlers/settings.ts';
import { onPopOut } from './handlers/sidebar.ts';
import { onOpenCoach } from './handlers/open-coach.ts';
import { ifSiteOn } from './handlers/site-switch.ts';
import { onNoConversation, onSnapshot } from './handlers/snapshot.ts';
import { onDismissBreak } from './handlers/wellbeing.ts';

/** Who may send a kind: the content script in a tab's top frame, or one of our own pages. */
type From = 'content' | 'page';

const fromOurPages = (sender: Runtime.MessageSender): boolean =>
  sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(''));
/** Content scripts run in the top frame only (no all_frames), so a message from a subframe is not one of ours. */
const fromContentScript = (sender: Runtime.MessageSender): boolean =>
  sender.id === browser.runtime.id && sender.tab?.id !== undefined && sender.frameId === 0 && !fromOurPages(sender);
const ALLOWED: Record<From, (sender: Runtime.MessageSender) => boolean> = { content: fromContentScript, page: fromOurPages };

interface Route<K extends MessageKind> {
  from: From;
  handle(msg: MessageOf<K>, sender: Runtime.MessageSender): Promise<Reply<K>>;
}

/** `null`: addressed to content scripts (the worker sends these, never receives them). */
const ROUTES: { [K in MessageKind]: Route<K> | null } = {
  'content/snapshot': { from: 'content', handle: (msg, sender) => ifSiteOn(msg.snapshot.site, () => onSnapshot(msg, sender), { ok: true } as const) },
  'content/no-conversation': { from: 'content', handle: onNoConversation },
  'content/open-coach': { from: 'content', handle: (_msg, sender) => onOpenCoach(sender) },
  'sidebar/insert': { from: 'page', handle: onInsert },
  'sidebar/replace': { from: 'page', handle: onReplace },
  'sidebar/pop-out': { from: 'page', handle: onPopOut },
  'sidebar/refresh': { from: 'page', handle: onRefresh },
  'sidebar/expand': { from: 'page', handle: onExpand },
  'options/import-text': { from: 'page', handle: onImportText },
  'options/import-url': { from: 'page', handle: onImportUrl },
  'options/update-pack': { from: 'page', handle: onUpdatePack },
  'options/set-pack-enabled': { from: 'page', handle: onSetPackEnabled },
  'options/move-pack': { from: 'page', handle: onMovePack },
  'options/remove-pack': { from: 'page', handle: onRemovePack },
  'options/set-rule-disabled': { from: 'page', handle: onSetRuleDisabled },
  'options/packs-view': { from: 'page', handle: onPacksView },
  'options/save-settings': { from: 'page', handle: onSaveSettings },
  'sidebar/dismiss-break': { from: 'page', handle: onDismissBreak },
  'sidebar/set-section': { from: 'page', handle: onSetSection },
  'options/site-add': { from: 'page', handle: onSiteAdd },
  'options/site-remove': { from: 'page', handle: onSiteRemove },
  'background/insert': null,
  'background/replace': null,
  'background/resend': null,
  'background/expand': null,
};

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
  const entry = ROUTES[msg.kind] as Route<MessageKind> | null;
  if (!entry || !ALLOWED[entry.from](sender)) return undefined;
  return entry.handle(msg, sender);
}
