import { createEngine } from './src/engine/index.ts';
export function main(argv: string[]) {
  const e = createEngine();
  for (const t of argv) {
    const a = e.analyze({ messages: [{ role: 'customer', text: t }], draft: '' });
    const m = a.mood.messages[0]!;
    console.log(`${m.level}(${m.score}) ${t.slice(0, 80)}\n   ${m.drivers.map((d) => `${d.id}:${d.span.text}=${d.weight}`).join(' | ')}  cues=${a.cues.map((c) => c.type + ':' + c.span.text).join(',')}`);
  }
  return 0;
}
