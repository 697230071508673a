/**
 * Zendesk Support, Agent Workspace (`<sub>.zendesk.com/agent/tickets/<id>`).
 *
 * Zendesk keeps every open ticket tab mounted and only hides the inactive ones, so every query
 * is scoped to the active ticket's pane (dom-notes 1.0). Roles come from the `type` attribute of
 * the message element, internal notes and automation are dropped, and the composer is CKEditor 5,
 * which is edited through the MAIN-world bridge (dom-notes 1.a, 1.e). Sources: dom-notes.md §1
 * (ZT, CR, FM, WH, AC, TX, LS, TS are the public scripts listed there).
 */
import type { Message } from '../engine/conversation.ts';
import { MAX_NAME_CHARS, MAX_TIMESTAMP_CHARS } from '../shared/limits.ts';
import type { Coverage } from '../shared/messages.ts';
import type { ConversationRead, EditorHandle, SiteAdapter } from './adapter.ts';
import { ckeditorEditor } from './dom/editors.ts';
import { observeDocument } from './dom/observe.ts';
import { readableText } from './dom/text.ts';
import { isVisible } from './dom/visibility.ts';

/** Ticket id in the path (ZT, WH, CR; dom-notes 1.c). `#/agent/tickets/<id>` covers file:// copies. */
const TICKET_PATH = /\/agent\/tickets\/(\d+)/;
/** Per-ticket pane (TS [VERIFIED-IN-CODE], dom-notes 1.0). */
const PANE_BY_ID = (id: string): string => `[data-ticket-id="${id}"]`;
/** All ticket panes are children of this (WH, dom-notes 1.0). */
const PANES = 'main#main_panes, #main_panes';
/** The conversation log of a ticket (TS: `[data-ticket-id] [data-test-id="omni-log-container"]`; dom-notes 1.b). */
const LOG = '[data-test-id="omni-log-container"]';
/** One comment/message in the conversation log (FM, TX, ZT; dom-notes 1.b). */
const ITEM = '[data-test-id="omni-log-comment-item"]';
/** The message inside an item; `type` is "end-user" or "agent" — "the canonical agent-vs-customer signal" (ZT, TX; dom-notes 1.b). */
const ITEM_MESSAGE = '[data-test-id="omni-log-item-message"]';
/** The message body (dom-notes 1.b); `data-originated-from` names the channel or automation. */
const ITEM_CONTENT = '[data-test-id="omni-log-message-content"]';
/** Present only on internal notes (TX, FM: `omni-log-internal-note-tag`; dom-notes 1.b), matched by its stem so a renamed tag still counts. */
const INTERNAL_NOTE = '[data-test-id="omni-log-internal-note-tag"], [data-test-id*="internal-note"]';
/** Channels that are automation, not a person (FM; dom-notes 1.b, role signal 4). */
const AUTOMATED_ORIGINS = new Set(['Trigger', 'Automation', 'ApiInteraction', 'Rule']);
/** Not the author's words: quoted history, signatures, read indicators, buttons (ZT, TX; dom-notes 1.b "Text"). */
const NOT_AUTHORED = 'blockquote, .signature, [data-test-id^="convo-log-item-"], button, [data-zes-id]';
/** A bot shows as a sender name containing "Bot" (TX; dom-notes 1.b, role signal 4). */
const BOT_NAME = /\b(bot|answer bot|auto-?reply)\b/i;
/** Requester (customer) name, best first (FM; dom-notes 1.c). */
const REQUESTER = [
  '[data-test-id="ticket-system-field-requester-select"]',
  '[data-test-id="tooltip-requester-name"]',
  '[data-test-id="tabs-nav-item-users"]',
];
/** Sender name inside an item (LS; dom-notes 1.b). */
const SENDER = '[data-test-id="omni-log-item-sender"]';
/** Where an item came from: "via side conversation" in an aria-label (ZD Styling userscript), or the "via …" line (LS); dom-notes §7. */
const ORIGINATED_FROM = '[data-test-id="omni-log-item-originated-from"], [data-test-id="omni-log-item-via"]';
const VIA_SIDE_CONVERSATION = /via side conversation/i;
/** "via API", "via Trigger"… on an agent-typed item: a machine, not the agent (FM, LS; dom-notes 1.b, §7). */
const VIA_MACHINE = /\bvia (api|trigger|automation|answer bot|bot|rule)\b/i;
/** A bot's avatar badge (the agent one is `omni-log-avatar-badge-AgentBadge`, FM/LS); bots can carry brand names, so the badge decides (dom-notes §7). */
const BOT_BADGE = '[data-test-id*="BotBadge"], [data-test-id*="bot-badge"]';
/** Older comments wait behind this button (Liferay `permalink.ts`, dom-notes §7). */
const SHOW_MORE = '[data-test-id="convolog-show-more-button"]';
/** The composer's channel; `internal` is an internal note (Liferay userscript, a public Cypress suite; dom-notes 1.a, §7). */
const CHANNEL_SWITCHER = '[data-test-id="omnichannel-channel-switcher-button"][data-channel]';
/** The editable's label names the mode: "Internal note composer" (localized; dom-notes §7). */
const NOTE_LABEL = /internal note/i;
/** The ticket composer can live outside the `[data-ticket-id]` pane (Liferay, Briskine; dom-notes §7). */
const EDITOR_VIEW = (id: string): string => `[data-side-conversations-anchor-id="${id}"] #editor-view, [data-side-conversations-anchor-id="${id}"] [data-test-id="editor-view"]`;
/** The side-conversation pane has its own composer, which writes to a third party, not to this ticket (dom-notes §7). */
const SIDE_CONVERSATION_PANE = '[data-test-id^="side-conversation"], [data-test-id^="side_conversation"], [data-side-conversation-id]';
/** The composer's contenteditable, best first (ZT, SA, AC, CR; dom-notes 1.a). */
const EDITORS = [
  '[contenteditable="true"][data-test-id="omnicomposer-rich-text-ckeditor"]',
  '[contenteditable="true"][data-test-id="omnicomposer-plain-text-ckeditor"]',
  '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"][role="textbox"]',
  '.zendesk-editor--rich-text-container [contenteditable="true"]',
  '.ck-editor__editable[contenteditable="true"]',
];

function ticketIdFrom(loc: Location): string | null {
  return TICKET_PATH.exec(loc.pathname)?.[1] ?? TICKET_PATH.exec(loc.hash)?.[1] ?? null;
}

/** The active ticket's pane: the visible `[data-ticket-id=<url id>]` holding the conversation, else the visible child of main_panes. */
function activePane(doc: Document, ticketId: string): Element | null {
  const byId = Array.from(doc.querySelectorAll(PANE_BY_ID(ticketId))).filter((p) => isVisible(p));
  // The id can repeat on smaller things (a header tab, a nested wrapper): prefer elements that
  // hold the conversation log or the composer, and among those the outermost.
  const holding = byId.filter((p) => p.querySelector(`${LOG}, ${ITEM}, ${EDITORS.join(', ')}`));
  const pool = holding.length ? holding : byId;
  const pane = pool.find((p) => !pool.some((q) => q !== p && q.contains(p)));
  if (pane) return pane;
  const panes = doc.querySelector(PANES);
  if (panes) {
    const visible = Array.from(panes.children).filter((c) => isVisible(c));
    // Only trust the visible-child rule when it is unambiguous and not another ticket's pane.
    const only = visible.length === 1 ? visible[0] : undefined;
    const otherId = only?.getAttribute('data-ticket-id');
    if (only && (!otherId || otherId === ticketId)) return only;
    if (visible.length) return null;
  }
  // Last resort, for layouts with neither marker: the one visible conversation log, widened to
  // the smallest ancestor that also holds a composer.
  const logs = Array.from(doc.querySelectorAll(LOG)).filter((l) => isVisible(l));
  if (logs.length !== 1) return null;
  let scope: Element = logs[0]!;
  while (scope.parentElement && !scope.querySelector(EDITORS.join(', ')) && scope.parentElement !== doc.body) scope = scope.parentElement;
  return scope;
}

const notAuthored = (el: Element): boolean => el.matches(NOT_AUTHORED);

type Other = Coverage['others'][number];

/** Why an item is neither the customer nor the agent, or null when it is one of them. */
function thirdParty(item: Element, msg: Element, role: 'customer' | 'agent'): Other['kind'] | null {
  const via = Array.from(item.querySelectorAll(ORIGINATED_FROM)).map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`).join(' ');
  const viaLabels = Array.from(item.querySelectorAll(`${ORIGINATED_FROM} [aria-label]`)).map((el) => el.getAttribute('aria-label') ?? '').join(' ');
  if (VIA_SIDE_CONVERSATION.test(`${via} ${viaLabels}`)) return 'side-conversation';
  if (item.querySelector(BOT_BADGE) || BOT_NAME.test(item.querySelector(SENDER)?.textContent ?? '')) return role === 'agent' ? 'bot' : null;
  if (role !== 'agent') return null; // a web-form first comment can arrive via API: still the customer
  const content = msg.querySelector(ITEM_CONTENT) ?? msg;
  const origin = content.getAttribute('data-originated-from') ?? msg.querySelector('[data-originated-from]')?.getAttribute('data-originated-from');
  if (origin && AUTOMATED_ORIGINS.has(origin)) return 'automation';
  return VIA_MACHINE.test(via) ? 'automation' : null;
}

function readItems(pane: Element): { messages: Message[]; others: Other[] } {
  const out: Message[] = [];
  const others: Other[] = [];
  for (const item of Array.from(pane.querySelectorAll(ITEM))) {
    if (item.parentElement?.closest(ITEM)) continue; // nested items belong to their outer item
    if (item.getAttribute('aria-hidden') === 'true' || !isVisible(item) || item.querySelector(INTERNAL_NOTE)) continue;
    const at = item.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
    const sender = item.querySelector(SENDER)?.textContent?.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS) ?? '';
    // Messaging groups several bubbles of one author under one item; each is a message.
    for (const msg of Array.from(item.querySelectorAll(ITEM_MESSAGE)).filter((m) => m.closest(ITEM) === item)) {
      if (msg.getAttribute('aria-hidden') === 'true') continue;
      const type = msg.getAttribute('type');
      const role = type === 'end-user' ? 'customer' : type === 'agent' ? 'agent' : null;
      if (!role) continue; // internal, system event, or unknown: not part of the customer conversation
      const other = thirdParty(item, msg, role);
      if (other) {
        // Shown to the agent in the sidebar, never scored as either side.
        if (!others.some((o) => o.name === sender && o.kind === other)) others.push({ name: sender || other, kind: other });
        continue;
      }
      const text = readableText(msg.querySelector(ITEM_CONTENT) ?? msg, notAuthored);
      if (!text) continue;
      out.push({ role, text, ...(at ? { at: at.slice(0, MAX_TIMESTAMP_CHARS) } : {}) });
    }
  }
  return { messages: out, others };
}

function requesterName(pane: Element): string | undefined {
  for (const sel of REQUESTER) {
    const name = pane.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim();
    if (name) return name.slice(0, MAX_NAME_CHARS);
  }
  // Layouts where the properties panel sits outside the pane: accept it only when exactly one is on screen.
  for (const sel of REQUESTER) {
    const shown = Array.from(pane.ownerDocument.querySelectorAll(sel)).filter((el) => isVisible(el) && el.textContent?.trim());
    if (shown.length === 1) return shown[0]!.textContent!.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS);
  }
  // Fall back to the author of the first customer message.
  for (const msg of Array.from(pane.querySelectorAll(`${ITEM_MESSAGE}[type="end-user"]`))) {
    const name = msg.closest(ITEM)?.querySelector(SENDER)?.textContent?.replace(/\s+/g, ' ').trim();
    if (name) return name.slice(0, MAX_NAME_CHARS);
  }
  return undefined;
}

/** The visible composer's editable for ticket `id`: in its pane, else where Zendesk puts it outside, never a side conversation's. */
function ticketEditor(doc: Document, id: string, pane: Element): HTMLElement | null {
  const ours = (el: HTMLElement): boolean => {
    if (el.closest(SIDE_CONVERSATION_PANE)) return false;
    const owner = el.closest('[data-ticket-id]')?.getAttribute('data-ticket-id');
    return !owner || owner === id;
  };
  for (const root of [pane, ...Array.from(doc.querySelectorAll(EDITOR_VIEW(id)))]) {
    for (const sel of EDITORS) {
      const el = Array.from(root.querySelectorAll<HTMLElement>(sel)).find((e) => isVisible(e) && ours(e));
      if (el) return el;
    }
  }
  // Layouts where the composer is outside every marker: the one visible composer that is ours.
  const loose = EDITORS.flatMap((sel) => Array.from(doc.querySelectorAll<HTMLElement>(sel))).filter((e) => isVisible(e) && ours(e) && !e.closest('[data-ticket-id]'));
  return new Set(loose).size === 1 ? loose[0]! : null;
}

/** An internal note: the channel switcher near the composer says `internal`, or the editable is labelled so. */
function isNote(editor: HTMLElement | null, pane: Element): boolean {
  if (editor && NOTE_LABEL.test(editor.getAttribute('aria-label') ?? '')) return true;
  for (let el: Element | null = editor?.parentElement ?? null; el; el = el.parentElement) {
    const switcher = Array.from(el.querySelectorAll(CHANNEL_SWITCHER)).find((b) => isVisible(b) && !b.closest(SIDE_CONVERSATION_PANE));
    if (switcher) return switcher.getAttribute('data-channel') === 'internal';
    if (el === pane || el === el.ownerDocument.body) break;
  }
  const inPane = Array.from(pane.querySelectorAll(CHANNEL_SWITCHER)).find((b) => isVisible(b) && !b.closest(SIDE_CONVERSATION_PANE));
  return inPane?.getAttribute('data-channel') === 'internal';
}

export function createZendeskAdapter(): SiteAdapter {
  const pane = (doc: Document): Element | null => {
    const id = doc.defaultView ? ticketIdFrom(doc.defaultView.location) : null;
    return id ? activePane(doc, id) : null;
  };
  return {
    id: 'zendesk',
    // The whole agent app (a ticket can be opened later without a reload), never a help centre.
    matches: (url) => url.hostname.endsWith('.zendesk.com') && url.pathname.startsWith('/agent/'),
    conversationId(doc) {
      const id = doc.defaultView ? ticketIdFrom(doc.defaultView.location) : null;
      return id && activePane(doc, id) ? `zendesk:${id}` : null;
    },
    readConversation(doc): ConversationRead | null {
      const id = doc.defaultView ? ticketIdFrom(doc.defaultView.location) : null;
      const p = id ? activePane(doc, id) : null;
      if (!id || !p) return null;
      const customerName = requesterName(p);
      const { messages, others } = readItems(p);
      const more = Array.from(p.querySelectorAll(SHOW_MORE)).some((b) => isVisible(b));
      const coverage: Coverage = { read: messages.length, unread: 0, more, expandable: more, trimmed: 0, others };
      const composer = isNote(ticketEditor(doc, id, p), p) ? 'note' : 'reply';
      return { id: `zendesk:${id}`, messages, coverage, composer, ...(customerName ? { customerName } : {}) };
    },
    findEditor(doc): EditorHandle | null {
      const id = doc.defaultView ? ticketIdFrom(doc.defaultView.location) : null;
      const p = pane(doc);
      const el = id && p ? ticketEditor(doc, id, p) : null;
      return el ? ckeditorEditor(el) : null;
    },
    expand(doc) {
      const p = pane(doc);
      const button = p ? Array.from(p.querySelectorAll<HTMLElement>(SHOW_MORE)).find((b) => isVisible(b)) : undefined;
      button?.click();
      return !!button;
    },
    observe(doc, signal, onChange) {
      // No hashchange in Zendesk: the History API changes the path (caught by the URL poll) and
      // panes are shown/hidden; the selected header tab and the composer's channel say so
      // without watching every class and style change of the app (dom-notes 1.0, 1.d, §7).
      observeDocument(doc, signal, onChange, {
        windowEvents: ['popstate'],
        attributes: ['hidden', 'aria-hidden', 'data-ticket-id', 'data-entity-is-selected', 'type', 'data-channel'],
      });
    },
  };
}

// Checked against: ../shared/fixtures/zendesk-ticket.html (active pane 48213 beside a hidden
// mounted pane, internal note, trigger auto-reply, quoted history; #next-conversation pushes
// /agent/tickets/48227), and a real CKEditor 5 mounted in its composer (tests/e2e/zendesk.spec.ts).

/** The named selectors, for tests/e2e/selectors.spec.ts: each must match on the site's fixture pages (src/sites/registry.ts). */
export const SELECTORS: Record<string, string | readonly string[]> = {
  PANES, LOG, ITEM, ITEM_MESSAGE, ITEM_CONTENT, INTERNAL_NOTE, NOT_AUTHORED, REQUESTER, SENDER, ORIGINATED_FROM, BOT_BADGE, SHOW_MORE,
  CHANNEL_SWITCHER, EDITOR_VIEW: EDITOR_VIEW('5150'), SIDE_CONVERSATION_PANE, EDITORS,
};
