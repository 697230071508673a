/**
 * The one interface every site adapter implements. An adapter knows one site's DOM: where the
 * reply editor is, which messages belong to the open conversation and who wrote them, how the
 * conversation is identified, and how the site's editor wants text inserted. It never analyses.
 *
 * Everything site-specific lives in that site's file (selectors as named constants at the top,
 * each saying where it was seen); the content script's entry point only picks an adapter.
 */
import type { Message } from '../engine/conversation.ts';
import type { Composer, Coverage, EditResult, SiteId } from '../shared/messages.ts';

/** The conversation an adapter read from the page (without the draft). */
export interface ConversationRead {
  /** Stable id of the conversation across re-renders: a ticket id, a thread id. */
  id: string;
  customerName?: string;
  /** Customer messages and the agent's replies, oldest first. No internal notes, no automation. */
  messages: Message[];
  /** What could and could not be read; adapters of threaded sites always say. */
  coverage?: Coverage;
  /** What the agent's editor writes: a customer reply (default), an internal note, a new message. */
  composer?: Composer;
}

/** The agent's reply editor for the active conversation. */
export interface EditorHandle {
  readonly element: HTMLElement;
  /** The draft exactly as the engine will see it; flag offsets index into this string. */
  read(): { text: string; caret?: number };
  /** Insert at the caret so the site's own editor registers it (undo, autosave, model). */
  insert(text: string): Promise<EditResult>;
  /** Replace draft [start, end) — which must still read `expected` — with `text`. */
  replace(start: number, end: number, expected: string, text: string): Promise<EditResult>;
}

export interface SiteAdapter {
  readonly id: SiteId;
  matches(url: URL): boolean;
  /** Id of the active conversation, or null when none is open (inbox list, ticket loading…). */
  conversationId(doc: Document): string | null;
  readConversation(doc: Document): ConversationRead | null;
  findEditor(doc: Document): EditorHandle | null;
  /**
   * Call `onChange` whenever the conversation, the draft or the open conversation may have
   * changed (debouncing is the caller's job). Everything stops when `signal` aborts.
   */
  observe(doc: Document, signal: AbortSignal, onChange: () => void): void;
  /**
   * The agent's one click to read what was not: expand collapsed messages, load older comments.
   * Clicks the site's own controls; false when there was nothing to click.
   */
  expand?(doc: Document): boolean;
}
