import * as z from 'zod';
/** The size caps, what the engine accepts at all and why, are defined in limits.ts. */
import {
  MAX_CONVERSATION_ID_CHARS, MAX_DRAFT_CHARS, MAX_MESSAGE_CHARS, MAX_MESSAGES, MAX_NAME_CHARS, MAX_NAME_INPUT_CHARS, MAX_SITE_CHARS, MAX_TIMESTAMP_CHARS,
} from './limits.ts';

export const Role = z.enum(['customer', 'agent']);
export type Role = z.infer<typeof Role>;

export const Message = z.object({
  role: Role,
  text: z.string().max(MAX_MESSAGE_CHARS),
  /** ISO-8601 time the message was sent, when the site shows it. */
  at: z.string().max(MAX_TIMESTAMP_CHARS).optional(),
});
export type Message = z.infer<typeof Message>;

/**
 * What the engine reads. Internal notes and automated messages are not part of it:
 * adapters leave them out, because they are not agent replies to the customer.
 */
export const Conversation = z.object({
  id: z.string().max(MAX_CONVERSATION_ID_CHARS).optional(),
  site: z.string().max(MAX_SITE_CHARS).optional(),
  customerName: z.string().max(MAX_NAME_INPUT_CHARS).optional().transform((name) => name?.slice(0, MAX_NAME_CHARS)),
  messages: z.array(Message).max(MAX_MESSAGES),
  draft: z.string().max(MAX_DRAFT_CHARS).default(''),
  /** Caret offset in the draft, when known; long drafts are analysed around it. */
  caret: z.number().int().nonnegative().optional(),
});
export type Conversation = z.infer<typeof Conversation>;
export type ConversationInput = z.input<typeof Conversation>;
