import { createEngine, type Analysis } from '../../src/engine/index.ts';
import type { Message } from '../../src/engine/conversation.ts';

export const engine = createEngine();

/** Analyse a draft written in reply to one angry customer message. */
export function draft(text: string, messages: Message[] = [{ role: 'customer', text: 'My order is late again and nobody answers.' }]): Analysis {
  return engine.analyze({ messages, draft: text });
}

/** Analyse customer messages alone. */
export function customer(...texts: string[]): Analysis {
  return engine.analyze({ messages: texts.map((text) => ({ role: 'customer' as const, text })), draft: '' });
}

export function stepStatus(a: Analysis, id: string): string | undefined {
  return a.steps.find((s) => s.id === id)?.status;
}

export function flagRules(a: Analysis): string[] {
  return a.flags.map((f) => f.ruleId);
}
