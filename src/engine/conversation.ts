import * as z from 'zod';

/**
 * What the engine accepts at all: caps against memory, far above any real ticket. Long input is
 * not refused below these: analyze.ts reads it in a window (the latest messages, the opening of a
 * huge message, the draft around the caret) and reports the rest in `skipped`, so a customer
 * cannot switch coaching off by writing a lot.
 */
export const MAX_MESSAGES = 50_000;
export const MAX_MESSAGE_CHARS = 10_000_000;
export const MAX_DRAFT_CHARS = 10_000_000;
/** A display name is cut to this; the greeting only ever uses its first word. */
export const MAX_NAME_CHARS = 200;
const MAX_NAME_INPUT_CHARS = 100_000;

export const Role = z.enum(['customer', 'agent']);
export type Role = z.infer<typeof Role>;

export const Message = z.object({
  role: Role,
  text: z.string().max(MAX_MESSAGE_CHARS),
  /** ISO-8601 time the message was sent, when the site shows it. */
  at: z.string().max(64).optional(),
});
export type Message = z.infer<typeof Message>;

/**
 * What the engine reads. Internal notes and automated messages are not part of it:
 * adapters leave them out, because they are not agent replies to the customer.
 */
export const Conversation = z.object({
  id: z.string().max(500).optional(),
  site: z.string().max(100).optional(),
  customerName: z.string().max(MAX_NAME_INPUT_CHARS).optional().transform((name) => name?.slice(0, MAX_NAME_CHARS)),
  messages: z.array(Message).max(MAX_MESSAGES),
  draft: z.string().max(MAX_DRAFT_CHARS).default(''),
  /** Caret offset in the draft, when known; long drafts are analysed around it. */
  caret: z.number().int().nonnegative().optional(),
});
export type Conversation = z.infer<typeof Conversation>;
export type ConversationInput = z.input<typeof Conversation>;
