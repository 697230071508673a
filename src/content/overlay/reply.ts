/**
 * The worker's answer to a snapshot, checked without a schema library (the content script stays
 * small). Only our worker answers our sendMessage, but a message crossed a process boundary:
 * anything not shaped as expected is dropped, field by field.
 */
import type { InEditorReply } from '../../shared/messages.ts';

const SEVERITIES = ['info', 'warning', 'error'];
const LEVELS = ['calm', 'upset', 'angry', 'furious'];
const TRENDS = ['rising', 'steady', 'falling'];
const isStr = (x: unknown): x is string => typeof x === 'string';
const isInt = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

export function parseInEditor(raw: unknown): InEditorReply | undefined {
  const r = (raw as { inEditor?: Partial<InEditorReply> } | null)?.inEditor;
  if (!r || !isStr(r.draft) || !Array.isArray(r.flags) || typeof r.mood !== 'object' || !r.mood) return undefined;
  const level = LEVELS.includes(r.mood.level as string) ? r.mood.level! : null;
  const trend = TRENDS.includes(r.mood.trend) ? r.mood.trend : 'steady';
  const flags = r.flags.filter((f) => typeof f === 'object' && f && isStr(f.ruleId) && SEVERITIES.includes(f.severity) && isInt(f.start) && isInt(f.end)
    && isStr(f.text) && f.text.length > 0 && isStr(f.message) && Array.isArray(f.replacements) && f.replacements.every(isStr)
    && r.draft!.slice(f.start, f.end) === f.text);
  return { draft: r.draft, flags, mood: { level, trend } };
}
