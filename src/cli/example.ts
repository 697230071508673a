/** The conversation `cooldown analyze` reads when given no file: an angry customer, a first reply, a risky draft. */
import type { ConversationInput } from '../engine/conversation.ts';

export const EXAMPLE: ConversationInput = {
  id: 'example',
  site: 'example',
  customerName: 'Margaret Lee',
  messages: [
    { role: 'customer', text: 'Hi, my order #4411 was supposed to arrive last Tuesday and it still has not shown up. Can you check where it is?' },
    { role: 'agent', text: 'Hi Margaret, thanks for reaching out. Our records show it left the warehouse on Monday.' },
    { role: 'customer', text: "That's it?? I've been waiting TWO WEEKS and nobody has told me anything. This is the third time I've written. If it's not here by Friday I'm cancelling my account and leaving a review everywhere I can." },
  ],
  draft: "I understand, but that's our policy: deliveries can take up to 15 days. Please calm down, you'll have to go to our website to file a claim.",
};
