// Cold start, baseline: a fresh process that only imports compromise and parses the same text once.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

const conversation = JSON.parse(readFileSync(0, 'utf8')) as { messages: Array<{ text: string }>; draft: string };
nlp([...conversation.messages.map((m) => m.text), conversation.draft].join('\n')).json();
process.stdout.write(`${performance.now()}\n`);
