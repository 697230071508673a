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

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);
/** Free-mail domains: sharing one with the agent says nothing about being on their team. */
const PUBLIC_DOMAINS = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de']);

/** The agent, or a teammate on the agent's own (non-public) domain (dom-notes 2.b). */
function isAgentAddress(email: string, me: string | null): boolean {
  if (!me || !email) return false;
  if (email === me) return true;
  const domain = domainOf(me);
  return !PUBLIC_DOMAINS.has(domain) && domainOf(email) === domain;
}

/** The visible thread header, if a thread is open. */
function threadHeader(doc: Document): Element | null {
  return Array.from(doc.querySelectorAll(THREAD_HEADER)).find((h) => h.getAttribute('data-thread-perm-id') && isVisible(h)) ?? null;
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

function readMessages(scope: Element, me: string | null): { messages: Message[]; customerName?: string } {
  const messages: Message[] = [];
  let customerName: string | undefined;
  const nodes = Array.from(scope.querySelectorAll(MESSAGE))
    // Outermost message elements only, and never the compose area's own markup.
    .filter((m) => !m.parentElement?.closest(MESSAGE) && !m.closest(EDITOR) && !m.querySelector(EDITOR) && isVisible(m));
  for (const node of nodes) {
    const body = queryFirst(node, BODY);
    if (!body) continue; // collapsed: Gmail renders only a snippet, not the message
    const sender = queryFirst(node, SENDER);
    const email = sender?.getAttribute('email')?.toLowerCase() ?? '';
    const fromAgent = me ? isAgentAddress(email, me) : OWN_MESSAGE_ID.test(node.getAttribute('data-message-id') ?? '');
    const text = readableText(body, isAuthoredOut);
    if (!text) continue;
    const at = node.querySelector(TIMESTAMP)?.getAttribute('title') ?? undefined;
    messages.push({ role: fromAgent ? 'agent' : 'customer', text, ...(at ? { at: at.slice(0, 64) } : {}) });
    if (!fromAgent && !customerName) customerName = sender?.getAttribute('name') ?? undefined;
  }
  // Collapsed messages still show who wrote them.
  if (!customerName) {
    const chip = Array.from(scope.querySelectorAll(MESSAGE))
      .map((m) => queryFirst(m, SENDER))
      .find((s) => s && !isAgentAddress(s.getAttribute('email')?.toLowerCase() ?? '', me) && (me || !OWN_MESSAGE_ID.test(s.closest(MESSAGE)?.getAttribute('data-message-id') ?? '')));
    customerName = chip?.getAttribute('name') ?? undefined;
  }
  return customerName ? { messages, customerName } : { messages };
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
    const header = threadHeader(doc);
    const id = header?.getAttribute('data-thread-perm-id') || header?.getAttribute('data-legacy-thread-id');
    if (id) return `gmail:${id}`;
    const editor = findEditorElement(doc);
    const compose = editor ? composeId(editor) : null;
    return compose ? `gmail:compose:${compose}` : null;
  };
  return {
    id: 'gmail',
    matches: (url) => url.hostname === 'mail.google.com',
    conversationId,
    readConversation(doc): ConversationRead | null {
      const id = conversationId(doc);
      if (!id) return null;
      const header = threadHeader(doc);
      if (!header) return { id, messages: [] }; // a new message: nothing to read yet
      return { id, ...readMessages(threadScope(header), agentEmail(doc)) };
    },
    findEditor(doc): EditorHandle | null {
      const el = findEditorElement(doc);
      return el ? contentEditableEditor(el, isAuthoredOut) : null;
    },
    observe(doc, signal, onChange) {
      // Gmail routes with the hash; the thread DOM is replaced after it changes (dom-notes 2.d).
      observeDocument(doc, signal, onChange, { windowEvents: ['hashchange', 'popstate'], attributes: ['style', 'hidden', 'aria-hidden'] });
    },
  };
}

// Checked against: ../shared/fixtures/gmail-thread.html (thread view + inline reply, next
// thread via hash). Live-app evidence for each selector: dom-notes.md §2.
