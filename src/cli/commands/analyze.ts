/**
 * `cooldown analyze [FILE|-] [--json] [--jsonl] [--pack FILE]...`
 * FILE is a transcript or a conversation JSON; without FILE the built-in example is analysed.
 */
import { parseArgs } from 'node:util';
import { Conversation, createEngine, type ConversationInput } from '../../engine/index.ts';
import { formatPath } from '../../engine/pack/validate.ts';
import { parseTranscript, TranscriptError } from '../../engine/transcript.ts';
import { EXAMPLE } from '../example.ts';
import { readInput, readStdin, UsageError, type Output } from '../io.ts';
import { loadPacksOrFail } from '../packs.ts';
import { renderReport } from '../report.ts';
import { style } from '../style.ts';

export const ANALYZE_HELP = `Usage: cooldown analyze [FILE|-] [--json] [--pack FILE]...
       cooldown analyze --jsonl [--pack FILE]... < conversations.jsonl

FILE is a transcript (lines starting "Customer:", "Agent:", "Draft:"; an optional
"Name:" header; other lines continue the line above) or a conversation JSON
({"customerName", "messages": [{"role", "text"}], "draft"}). "-" reads stdin.
Without FILE, a built-in example is analysed.

  --json        print the analysis as one JSON object
  --jsonl       read one conversation JSON per line on stdin, write one analysis per line
  --pack FILE   add a rule pack after core (repeatable; later packs override earlier ones)`;

export async function analyzeCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, pack: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(ANALYZE_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('analyze takes one FILE at most');
  const engine = createEngine(await loadPacksOrFail(values.pack ?? []));

  if (values.jsonl) {
    if (positionals.length) throw new UsageError('--jsonl reads stdin; do not give a FILE');
    return analyzeJsonl(await readStdin(), engine, io);
  }

  const file = positionals[0];
  const conversation = file === undefined ? EXAMPLE : parseConversation(await readInput(file), file === '-' ? 'stdin' : file);
  const analysis = engine.analyze(conversation);
  io.out(values.json ? JSON.stringify(analysis) : renderReport(conversation, analysis, style(io.color)));
  return 0;
}

function analyzeJsonl(text: string, engine: ReturnType<typeof createEngine>, io: Output): number {
  let failures = 0;
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      io.out(JSON.stringify(engine.analyze(parseJsonConversation(line, `line ${i + 1}`))));
    } catch (e) {
      failures++;
      io.out(JSON.stringify({ error: e instanceof UsageError ? e.message : `line ${i + 1}: ${(e as Error).message}` }));
    }
  });
  if (failures) io.err(`cooldown: ${failures} line(s) could not be analysed`);
  return failures ? 1 : 0;
}

export function parseConversation(text: string, where: string): ConversationInput {
  if (!text.trim()) throw new UsageError(`${where}: empty input`);
  if (text.trimStart().startsWith('{')) return parseJsonConversation(text, where);
  try {
    return parseTranscript(text);
  } catch (e) {
    if (e instanceof TranscriptError) throw new UsageError(`${where}: ${e.message}`);
    throw e;
  }
}

function parseJsonConversation(text: string, where: string): ConversationInput {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${where}: invalid JSON: ${(e as Error).message}`);
  }
  const parsed = Conversation.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${where}: not a conversation: ${formatPath(issue.path) || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
