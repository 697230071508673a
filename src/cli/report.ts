/** The human-readable analysis report: compact, scannable, and explicit about why. */
import type { Analysis, MoodLevel } from '../engine/analysis.ts';
import type { ConversationInput } from '../engine/conversation.ts';
import type { Style } from './style.ts';

const TREND_ARROW = { rising: '↑ rising', steady: '→ steady', falling: '↓ falling' } as const;
const STATUS_MARK = { done: '✓', drafted: '✎', todo: '·' } as const;
const QUOTE_CHARS = 70;

export function renderReport(conv: ConversationInput, a: Analysis, s: Style): string {
  const lines: string[] = [];
  const levelColor = (level: MoodLevel | null) => (level === 'furious' || level === 'angry' ? s.red : level === 'upset' ? s.yellow : s.green);
  const who = conv.customerName ? ` with ${conv.customerName}` : '';
  lines.push(s.bold(`Cooldown: conversation${who}`) + s.dim(` (${conv.messages.length} messages, draft ${(conv.draft ?? '').length} chars)`));
  lines.push('');

  const mood = a.mood;
  if (mood.latest === null) {
    lines.push(`${s.bold('Mood')}   no customer message yet`);
  } else {
    const delta = mood.delta === null ? '' : s.dim(` (${mood.delta >= 0 ? '+' : ''}${mood.delta} since their previous message)`);
    lines.push(`${s.bold('Mood')}   ${gauge(mood.latest)} ${levelColor(mood.level)(`${mood.latest} ${mood.level}`)}  ${TREND_ARROW[mood.trend]}${delta}`);
    for (const m of mood.messages) {
      const why = m.drivers.filter((d) => d.weight > 0).slice(0, 4).map((d) => `${d.label} "${clip(d.span.text, 30)}"`).join(', ');
      lines.push(`  #${m.index + 1} ${levelColor(m.level)(`${String(m.score).padStart(3)} ${m.level.padEnd(7)}`)} ${s.dim(why || 'no anger signals')}`);
    }
  }

  if (a.cues.length || a.customerType || a.prompts.length) {
    lines.push('', s.bold('Cues'));
    for (const c of a.cues) lines.push(`  ${s.magenta(c.type.padEnd(12))} #${c.messageIndex + 1} "${clip(c.span.text, 40)}": ${s.dim(c.tip)}`);
    if (a.customerType) lines.push(`  ${s.cyan('type'.padEnd(12))} ${a.customerType.name}: ${s.dim(a.customerType.tip)}`);
    for (const p of a.prompts) lines.push(`  ${s.yellow('! ' + p.id.padEnd(10))} ${p.text}`);
  }

  lines.push('', s.bold('Playbook'));
  for (const step of a.steps) {
    const mark = step.status === 'done' ? s.green(STATUS_MARK.done) : step.status === 'drafted' ? s.cyan(STATUS_MARK.drafted) : s.dim(STATUS_MARK.todo);
    const where = step.evidence ? (step.evidence.source.in === 'draft' ? 'draft' : `#${step.evidence.source.index + 1}`) : '';
    const evidence = step.evidence ? s.dim(` "${clip(step.evidence.span.text, 50)}" (${where})`) : '';
    lines.push(`  ${mark} ${step.id.padEnd(10)} ${(step.status === 'todo' ? 'to do' : step.status).padEnd(8)}${evidence}`);
  }

  lines.push('', s.bold('Draft flags'));
  if (!a.flags.length) lines.push(s.dim('  none'));
  for (const f of a.flags) {
    const sev = f.severity === 'error' ? s.red('error  ') : f.severity === 'warning' ? s.yellow('warning') : s.cyan('info   ');
    lines.push(`  ${sev} ${f.start}-${f.end} "${f.text}" ${s.dim(f.ruleId)}`);
    lines.push(`          ${f.message}`);
    if (f.replacements.length) lines.push(`          ${s.dim('try:')} ${f.replacements.map((r) => `"${r}"`).join(' or ')}`);
  }

  lines.push('', s.bold('Next'));
  if (!a.next.length) lines.push(s.dim('  every playbook step is covered'));
  a.next.forEach((n, i) => lines.push(`  ${i + 1}. ${n.title}: "${n.text}"`));
  if (a.skipped.messages || a.skipped.messageChars || a.skipped.draftChars) {
    lines.push('', s.dim(`Skipped: ${a.skipped.messages} older messages, ${a.skipped.messageChars} characters past the opening of over-long messages, ${a.skipped.draftChars} draft characters far from the caret.`));
  }
  if (a.skipped.unreadChars) {
    lines.push(s.dim(`Not read: ${a.skipped.unreadChars} characters, because matching them took too long (a slow rule pack?).`));
  }
  return lines.join('\n');
}

function gauge(score: number): string {
  const filled = Math.round(score / 10);
  return `[${'#'.repeat(filled)}${'-'.repeat(10 - filled)}]`;
}

function clip(text: string, max = QUOTE_CHARS): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
