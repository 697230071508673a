/**
 * Folds typographic quotes to ASCII so phrases and patterns written with a straight apostrophe
 * match text typed with a curly one. Every replacement is one UTF-16 unit for one, so offsets
 * into the folded text are offsets into the original.
 */
const FOLD: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u201c': '"', '\u201d': '"', '\u00a0': ' ' };
const FOLDABLE = /[\u2018\u2019\u02bc\u201c\u201d\u00a0]/g;

export function foldQuotes(text: string): string {
  return text.replace(FOLDABLE, (c) => FOLD[c] ?? c);
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
