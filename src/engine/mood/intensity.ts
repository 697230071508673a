/**
 * Typographic intensity: shouting in capitals and runs of "!" or "?". Following VADER and the
 * complaint research in guidance/mood-signals.md, these amplify negativity that is already there;
 * on their own they add only a little (a lone "!" is more often cheer than anger).
 */
export interface IntensityMark {
  kind: 'shouting' | 'exclamations' | 'questions';
  start: number;
  end: number;
}

const CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}{3,}(?:'\p{Lu}+)?(?![\p{L}\p{N}])/gu;
const BANGS = /!{2,}|[!?]*\?!+[!?]*|[!?]*!\?+[!?]*/g;
const QUESTIONS = /\?{2,}/g;

/** Caps words that are names, not shouting. */
const ACRONYMS = new Set(['USA', 'FAQ', 'CEO', 'ETA', 'API', 'URL', 'PDF', 'ASAP', 'USPS', 'UPS', 'DHL', 'FEDEX', 'TSA', 'SMS', 'VIP', 'LOL', 'OMG', 'WTF', 'ID', 'PIN', 'EST', 'PST', 'GMT', 'UTC', 'IBAN', 'VAT', 'NYC', 'LAX', 'JFK', 'SFO', 'ORD', 'ATL', 'DFW', 'BWI', 'EWR']);

/** "PRO-RATA", "NTFX*DIGITAL", "A1B2": joined to other symbols or digits, a code, not a word. */
function isCode(text: string, start: number, end: number): boolean {
  const joined = /[-*_/#@\d]/;
  return joined.test(text[start - 1] ?? ' ') || joined.test(text[end] ?? ' ');
}

/** Words inside quotation marks are someone else's ("the files for 'GTA ONLINE'"). */
function insideQuotes(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, text.lastIndexOf('\n', at)), at);
  return ((before.match(/["\u201c\u201d]/g)?.length ?? 0) % 2 === 1) || /(^|\s)['\u2018][^'\u2019]*$/.test(before);
}

export function intensityMarks(text: string): IntensityMark[] {
  const marks: IntensityMark[] = [];
  const caps = [...text.matchAll(CAPS_WORD)].filter((m) => !ACRONYMS.has(m[0]) && !isCode(text, m.index, m.index + m[0].length) && !insideQuotes(text, m.index));
  // Shouting needs two capitalised words, one of them a real word of four letters or more, or
  // three: one is emphasis, and "OTP ... OTP" is a code, not a raised voice.
  if (caps.length >= 3 || (caps.length === 2 && caps.some((m) => m[0].length >= 4))) {
    for (const m of caps) marks.push({ kind: 'shouting', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(BANGS)) marks.push({ kind: 'exclamations', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(QUESTIONS)) {
    if (!marks.some((k) => k.start <= m.index && m.index < k.end)) marks.push({ kind: 'questions', start: m.index, end: m.index + m[0].length });
  }
  return marks.sort((a, b) => a.start - b.start);
}
