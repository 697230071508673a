/**
 * Finds the parts of a draft where the agent quotes someone else: text between double quotes
 * (straight or curly) and e-mail style lines that start with ">". A phrase inside a quote is the
 * customer's words, not the agent's, so it neither raises a flag nor satisfies a step.
 */
export interface Range {
  start: number;
  end: number;
}

const QUOTED = /"[^"\n]{1,500}"|\u201c[^\u201d\n]{1,500}\u201d|^[ \t]*>[^\n]*/gm;

export function quotedRanges(text: string): Range[] {
  const out: Range[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export function insideAny(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some((r) => start >= r.start && end <= r.end);
}
