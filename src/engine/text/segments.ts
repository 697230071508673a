/**
 * Splits text into sentence-sized segments with their offsets. Rules match inside a segment, so
 * an edit re-analyses only the segment it touched; the split is deliberately simple (terminal
 * punctuation followed by space, or a line break) because it only has to be stable, not clever.
 */
export interface Segment {
  start: number;
  text: string;
}

const BOUNDARY = /[.!?\u2026]+["')\]\u201d\u2019]*(?=\s)|\n/g;

export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    push(out, text, from, end);
    from = end;
  }
  push(out, text, from, text.length);
  return out;
}

function push(out: Segment[], text: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, text: text.slice(s, e) });
}
