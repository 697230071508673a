import * as z from 'zod';

/** Size caps for a conversation crossing a boundary (CLI input, runtime message). */
export const MAX_MESSAGES = 2_000;
export const MAX_MESSAGE_CHARS = 100_000;
export const MAX_DRAFT_CHARS = 2_000_000;
export const MAX_NAME_CHARS = 200;

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
  customerName: z.string().max(MAX_NAME_CHARS).optional(),
  messages: z.array(Message).max(MAX_MESSAGES),
  draft: z.string().max(MAX_DRAFT_CHARS).default(''),
  /** Caret offset in the draft, when known; long drafts are analysed around it. */
  caret: z.number().int().nonnegative().optional(),
});
export type Conversation = z.infer<typeof Conversation>;
export type ConversationInput = z.input<typeof Conversation>;
