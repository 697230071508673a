/**
 * Does a text the agent may insert hold a web address? Suggestions and replacements come from
 * rule packs, and a URL pack's host (or whoever controls it) can change them at every update, so
 * a link in text that goes to a customer is marked for the agent to check (issue 14, L5).
 */
const LINK = /\b(?:https?:\/\/|www\.|(?:javascript|data|mailto|tel|ftp):)|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?=\/|\b)(?!\.[a-z])/i;

export function hasLink(text: string): boolean {
  return LINK.test(text);
}
