/**
 * Reads a plain-text transcript into a conversation:
 *
 *   Name: Margaret Lee          (optional header)
 *   Customer: first message
 *   continuation lines belong to the line above
 *   Agent: a sent reply
 *   Draft: what the agent is typing now
 *
 * Role labels are case-insensitive. Errors name the line, so a lead can fix a file quickly.
 */
import type { ConversationInput } from './conversation.ts';

export class TranscriptError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'TranscriptError';
  }
}

const LABEL = /^\s*(name|customer|agent|draft)\s*:\s?(.*)$/i;

export function parseTranscript(text: string): ConversationInput {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const messages: Array<{ role: 'customer' | 'agent'; lines: string[] }> = [];
  let draft: string[] | null = null;
  let customerName: string | undefined;
  let current: string[] | null = null;

  lines.forEach((line, i) => {
    const n = i + 1;
    const m = LABEL.exec(line);
    if (!m) {
      if (current) current.push(line);
      else if (line.trim()) throw new TranscriptError(n, 'expected "Customer:", "Agent:" or "Draft:" at the start of the first message');
      return;
    }
    const label = m[1]!.toLowerCase();
    const body = m[2]!;
    if (label === 'name') {
      if (messages.length || draft) throw new TranscriptError(n, '"Name:" must come before the first message');
      if (customerName !== undefined) throw new TranscriptError(n, '"Name:" appears twice');
      customerName = body.trim();
      current = null;
      return;
    }
    if (draft) throw new TranscriptError(n, `"${m[1]}:" after "Draft:"; the draft is the last part of a transcript`);
    if (label === 'draft') {
      draft = [body];
      current = draft;
      return;
    }
    const message = { role: label as 'customer' | 'agent', lines: [body] };
    messages.push(message);
    current = message.lines;
  });

  if (!messages.length && !draft) throw new TranscriptError(1, 'no "Customer:", "Agent:" or "Draft:" line found');
  const join = (ls: string[]) => ls.join('\n').replace(/\s+$/, '');
  return {
    ...(customerName ? { customerName } : {}),
    messages: messages.map((msg) => ({ role: msg.role, text: join(msg.lines) })),
    draft: draft ? join(draft) : '',
  };
}
