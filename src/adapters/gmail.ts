/**
 * Gmail (mail.google.com): the thread view with an inline reply, and compose windows.
 *
 * Gmail's class names are obfuscated and change; this adapter keys on the stable attributes
 * (`g_editable`, `data-message-id`, `data-thread-perm-id`, `email`/`name` on sender chips) and
 * uses the class names only where no attribute exists (the message body `.a3s`, quoted text
 * `.gmail_quote`, which is also Gmail's own serialisation class). Sources: dom-notes.md §2
 * (GJ = gmail.js, GX = Gmail extension snippets).
 */
import type { Message } from '../engine/conversation.ts';
import { MAX_NAME_CHARS, MAX_TIMESTAMP_CHARS } from '../shared/limits.ts';
import type { ConversationRead, EditorHandle, SiteAdapter } from './adapter.ts';
import { contentEditableEditor } from './dom/editors.ts';
import { observeDocument } from './dom/observe.ts';
import { readableText } from './dom/text.ts';
import { isVisible, queryFirst } from './dom/visibility.ts';

/** Thread header with the thread id; "only the visible header of the visible email is a H2" (GJ, dom-notes 2.b/2.c). */
const THREAD_HEADER = 'h2[data-thread-perm-id], [data-thread-perm-id]';
/** One message of the thread, expanded or collapsed (GJ: `div.adn.ads[data-message-id]`, dom-notes 2.b). */
const MESSAGE = '[data-message-id]';
/** The sender chip carries the address and display name as attributes (GJ: `span.gD[email][name]`, dom-notes 2.b); recipients are `span.g2[email]`, so the generic form is the fallback. */
const SENDER = ['.gD[email]', '[email][name]:not(.g2)'];
/** Absolute date in the title; the text is relative (GJ: `span.g3[title]`, dom-notes 2.b). */
const TIMESTAMP = '.g3[title]';
/** Message body, best first; only expanded messages have one (GJ/GX: `div.a3s` inside `div.ii.gt`, dom-notes 2.b). */
const BODY = ['.a3s', '.ii.gt'];
/** Messages the signed-in user sent have ids in the `#msg-a:` space, received ones `#msg-f:` (GJ; dom-notes 2.a/2.b). Used only when the account address is unknown. */
const OWN_MESSAGE_ID = /^#?msg-a:/;
/**
 * Not the author's own words: quoted history, signature, trimmed-content toggles
 * (GX: `div.gmail_quote`, `blockquote.gmail_quote`, `.gmail_signature[data-smartmail]`, `.ajR`; dom-notes 2.a/2.b).
 */
const NOT_AUTHORED = '.gmail_quote, .gmail_quote_container, .gmail_extra, blockquote, .gmail_signature, [data-smartmail="gmail_signature"], .gmail_signature_prefix, .ajR';
/** The reply/compose body: stable and not localized (GX [VERIFIED-IN-CODE], dom-notes 2.a). */
const EDITOR = 'div[g_editable="true"][contenteditable="true"], [contenteditable="true"][role="textbox"][aria-multiline="true"]';
/** A compose window's hidden id fields (GJ, dom-notes 2.a). */
const COMPOSE_ID = 'input[name="composeid"], input[name="draft"]';
/** Account button whose label ends "(<email>)" (GX fixture, dom-notes 2.b); the page title also holds the address. */
const ACCOUNT = 'a[aria-label*="@"]';
/** The compose's From: the send-as identity the agent writes from (InboxSDK `from-manager.ts`, dom-notes §7). */
const FROM_INPUT = 'input[name="from"]';
/** A collapsed message: sender and snippet only, body not in the DOM (InboxSDK `getViewState()`: `kv`/`ky`, dom-notes §7). */
const COLLAPSED = '.kv, .ky';
/** Messages hidden behind "N older messages" (InboxSDK: `kQ`/`kx`), and that bar (`.adv`), dom-notes §7. */
const HIDDEN = '.kQ, .kx';
const OLDER_BAR = '.adv';
/** A compose window of its own (new message, popped out): children of `div.AD` or a dialog, not the inline `.M9` reply (GJ, InboxSDK; dom-notes 2.a, §7). */
const COMPOSE_WINDOW = '.AD, [role="dialog"]';

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

/** The signed-in agent's address: from the account button, else from the title (`… - me@x.com - Gmail`). */
function agentEmail(doc: Document): string | null {
  for (const a of Array.from(doc.querySelectorAll(ACCOUNT))) {
    const m = /\(([^()\s]+@[^()\s]+)\)/.exec(a.getAttribute('aria-label') ?? '');
    if (m?.[1]) return m[1].toLowerCase();
  }
  const t = EMAIL.exec(doc.title);
  return t ? t[0].toLowerCase() : null;
}

/**
 * Every address this mailbox sends as: the account, the From of any open compose (a send-as
 * alias such as support@shop.com), and the sender of every message the thread marks as sent
 * from this mailbox (`#msg-a:` ids). A personal account answering as support@ is the agent.
 */
function identities(doc: Document, scope: Element | null): Set<string> {
  const out = new Set<string>();
  const me = agentEmail(doc);
  if (me) out.add(me);
  for (const input of Array.from(doc.querySelectorAll<HTMLInputElement>(FROM_INPUT))) {
    const m = EMAIL.exec(input.value);
    if (m) out.add(m[0].toLowerCase());
  }
  for (const node of scope ? Array.from(scope.querySelectorAll(MESSAGE)) : []) {
    if (!OWN_MESSAGE_ID.test(node.getAttribute('data-message-id') ?? '')) continue;
    const email = queryFirst(node, SENDER)?.getAttribute('email')?.toLowerCase();
    if (email) out.add(email);
  }
  return out;
}

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);
/** Free-mail domains: sharing one with the agent says nothing about being on their team. */
const PUBLIC_DOMAINS = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de']);

/** One of this mailbox's identities, or a teammate on one of their own (non-public) domains (dom-notes 2.b). */
function isAgentAddress(email: string, mine: ReadonlySet<string>): boolean {
  if (!email) return false;
  if (mine.has(email)) return true;
  for (const me of mine) {
    const domain = domainOf(me);
    if (!PUBLIC_DOMAINS.has(domain) && domainOf(email) === domain) return true;
  }
  return false;
}

/** The visible thread header, if a thread is open. */
function threadHeader(doc: Document): Element | null {
  return Array.from(doc.querySelectorAll(THREAD_HEADER)).find((h) => threadIdOf(h) && isVisible(h)) ?? null;
}

/** The thread id; InboxSDK notes `data-thread-perm-id` can be the string "undefined" (dom-notes §7). */
function threadIdOf(header: Element): string | null {
  for (const attr of ['data-thread-perm-id', 'data-legacy-thread-id']) {
    const v = header.getAttribute(attr);
    if (v && v !== 'undefined' && v !== 'null') return v;
  }
  return null;
}

/** The smallest ancestor of the header that holds the thread's messages (nesting varies by view mode). */
function threadScope(header: Element): Element {
  for (let el: Element | null = header.parentElement; el; el = el.parentElement) {
    if (el.querySelector(MESSAGE)) return el;
    if (el.matches('[role="main"]') || el === header.ownerDocument.body) return el;
  }
  return header.ownerDocument.body;
}

function isAuthoredOut(el: Element): boolean {
  return el.matches(NOT_AUTHORED);
}

/** "N older messages": the count the bar shows, else the hidden messages in the DOM. */
function hiddenCount(scope: Element): { count: number; bar: Element | null } {
  const bar = Array.from(scope.querySelectorAll(OLDER_BAR)).find((b) => isVisible(b)) ?? null;
  const n = Number(/\d+/.exec(bar?.textContent ?? '')?.[0] ?? NaN);
  const inDom = Array.from(scope.querySelectorAll(HIDDEN)).filter((h) => !h.parentElement?.closest(HIDDEN)).length;
  return { count: Number.isFinite(n) && n > 0 ? n : bar ? Math.max(inDom, 1) : 0, bar };
}

function readMessages(scope: Element, mine: ReadonlySet<string>): Pick<ConversationRead, 'messages' | 'customerName' | 'coverage'> {
  const messages: Message[] = [];
  let customerName: string | undefined;
  let unread = 0;
  const anyMine = mine.size > 0;
  const fromAgentNode = (node: Element, email: string): boolean =>
    isAgentAddress(email, mine) || (!anyMine && OWN_MESSAGE_ID.test(node.getAttribute('data-message-id') ?? ''));
  const nodes = Array.from(scope.querySelectorAll(MESSAGE))
    // Outermost message elements only, and never the compose area's own markup.
    .filter((m) => !m.parentElement?.closest(MESSAGE) && !m.closest(EDITOR) && !m.querySelector(EDITOR) && isVisible(m));
  for (const node of nodes) {
    const sender = queryFirst(node, SENDER);
    const email = sender?.getAttribute('email')?.toLowerCase() ?? '';
    const fromAgent = fromAgentNode(node, email);
    const body = queryFirst(node, BODY);
    if (!body || node.closest(COLLAPSED)) {
      // Collapsed: Gmail renders only a snippet, not the message. Counted, never read as whole.
      unread++;
      continue;
    }
    const text = readableText(body, isAuthoredOut);
    if (!text) continue;
    const at = node.querySelector(TIMESTAMP)?.getAttribute('title') ?? undefined;
    messages.push({ role: fromAgent ? 'agent' : 'customer', text, ...(at ? { at: at.slice(0, MAX_TIMESTAMP_CHARS) } : {}) });
    if (!fromAgent && !customerName) customerName = sender?.getAttribute('name') ?? undefined;
  }
  // Collapsed messages still show who wrote them.
  if (!customerName) {
    const chip = Array.from(scope.querySelectorAll(MESSAGE))
      .map((m) => ({ m, s: queryFirst(m, SENDER) }))
      .find(({ m, s }) => s && !fromAgentNode(m, s.getAttribute('email')?.toLowerCase() ?? ''));
    customerName = chip?.s?.getAttribute('name') ?? undefined;
  }
  const hidden = hiddenCount(scope);
  const coverage = {
    read: messages.length,
    unread: unread + hidden.count,
    more: false,
    expandable: unread + hidden.count > 0,
    trimmed: 0,
    others: [],
  };
  return customerName ? { messages, customerName: customerName.slice(0, MAX_NAME_CHARS), coverage } : { messages, coverage };
}

/** Clicks "N older messages", then every collapsed message's header, as the agent would. */
function expandThread(scope: Element): boolean {
  let clicked = false;
  const click = (el: Element): void => {
    (el as HTMLElement).click();
    clicked = true;
  };
  const { bar } = hiddenCount(scope);
  if (bar) click(bar);
  for (const row of Array.from(scope.querySelectorAll(COLLAPSED))) if (isVisible(row)) click(row);
  return clicked;
}

function visibleEditors(doc: Document): HTMLElement[] {
  return Array.from(doc.querySelectorAll<HTMLElement>(EDITOR)).filter((e) => isVisible(e));
}

/** A compose window (no thread): identified by its hidden compose id. */
function composeId(editor: HTMLElement): string | null {
  for (let el: Element | null = editor.parentElement; el; el = el.parentElement) {
    const input = el.querySelector<HTMLInputElement>(COMPOSE_ID);
    if (input?.value) return input.value;
  }
  return null;
}

/** True when the editor is a compose window of its own (a new message, a popped-out compose), not the thread's reply. */
function isComposeWindow(editor: HTMLElement, doc: Document): boolean {
  if (editor.closest(COMPOSE_WINDOW)) return true;
  const header = threadHeader(doc);
  return !header || !threadScope(header).contains(editor);
}

export function createGmailAdapter(): SiteAdapter {
  const findEditorElement = (doc: Document): HTMLElement | null => {
    const editors = visibleEditors(doc);
    const focused = editors.find((e) => e.contains(doc.activeElement));
    if (focused) return focused;
    const header = threadHeader(doc);
    const scope = header ? threadScope(header) : null;
    return editors.find((e) => scope?.contains(e)) ?? editors[editors.length - 1] ?? null;
  };
  const conversationId = (doc: Document): string | null => {
    const editor = findEditorElement(doc);
    // A new message beside a thread is coached on its own, without the thread (issue 12).
    if (editor && isComposeWindow(editor, doc)) return `gmail:compose:${composeId(editor) ?? 'new'}`;
    const header = threadHeader(doc);
    const id = header ? threadIdOf(header) : null;
    return id ? `gmail:${id}` : null;
  };
  return {
    id: 'gmail',
    matches: (url) => url.hostname === 'mail.google.com',
    conversationId,
    readConversation(doc): ConversationRead | null {
      const id = conversationId(doc);
      if (!id) return null;
      const header = threadHeader(doc);
      if (!header || id.startsWith('gmail:compose:')) return { id, messages: [], composer: 'compose' }; // a new message: nothing to read yet
      const scope = threadScope(header);
      return { id, ...readMessages(scope, identities(doc, scope)), composer: 'reply' };
    },
    findEditor(doc): EditorHandle | null {
      const el = findEditorElement(doc);
      return el ? contentEditableEditor(el, isAuthoredOut) : null;
    },
    observe(doc, signal, onChange) {
      // Gmail routes with the hash; the thread DOM is replaced after it changes (dom-notes 2.d).
      // Attributes are watched only for the few that show, hide or expand a message, and only
      // on elements that carry them (no whole-document class/style/characterData watching).
      observeDocument(doc, signal, onChange, { windowEvents: ['hashchange', 'popstate'], attributes: ['hidden', 'aria-hidden', 'aria-expanded'] });
    },
    expand(doc) {
      const header = threadHeader(doc);
      return header ? expandThread(threadScope(header)) : false;
    },
  };
}

// Checked against: ../shared/fixtures/gmail-thread.html (thread view + inline reply, next
// thread via hash). Live-app evidence for each selector: dom-notes.md §2.

/** The named selectors, for tests/e2e/selectors.spec.ts: each must match on the site's fixture pages (src/sites/registry.ts). */
export const SELECTORS: Record<string, string | readonly string[]> = {
  THREAD_HEADER, MESSAGE, SENDER, TIMESTAMP, BODY, NOT_AUTHORED, EDITOR, COMPOSE_ID, ACCOUNT, FROM_INPUT, COLLAPSED, HIDDEN, OLDER_BAR, COMPOSE_WINDOW,
};
