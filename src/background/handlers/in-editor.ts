/** What the content script needs to coach inside the composer (issue 13), cut from an Analysis. */
import type { Analysis } from '../../engine/analysis.ts';
import type { InEditorReply, Snapshot } from '../../shared/messages.ts';

/** The analysis without the flags the agent dismissed for this draft (same rule, same words). */
export function withoutDismissed(analysis: Analysis, dismissed: Snapshot['dismissed']): Analysis {
  if (!dismissed?.length) return analysis;
  const gone = new Set(dismissed.map((d) => `${d.ruleId}\u0000${d.text}`));
  return { ...analysis, flags: analysis.flags.filter((f) => !gone.has(`${f.ruleId}\u0000${f.text}`)) };
}

export function inEditorReply(draft: string, analysis: Analysis): InEditorReply {
  return {
    draft,
    flags: analysis.flags.map(({ ruleId, severity, start, end, text, message, replacements }) => ({ ruleId, severity, start, end, text, message, replacements })),
    mood: { level: analysis.mood.level, trend: analysis.mood.trend },
  };
}
