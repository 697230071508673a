/**
 * `cooldown`: the engine on the command line. Commands are a switchboard; each lives in
 * commands/. Expected failures print one line and exit 2; nothing prints a stack trace.
 */
import { analyzeCommand, ANALYZE_HELP } from './commands/analyze.ts';
import { packCommand, PACK_HELP } from './commands/pack.ts';
import { stdio, UsageError, type Output } from './io.ts';

const HELP = `cooldown: a de-escalation coach for customer-support replies, run locally.

Commands:
  cooldown analyze [FILE|-] [--json] [--jsonl] [--pack FILE]...
  cooldown pack check FILE... [--json]

${ANALYZE_HELP}

${PACK_HELP}`;

export async function main(argv: string[], io: Output = stdio): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'analyze':
        return await analyzeCommand(rest, io);
      case 'pack':
        return await packCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (try: cooldown --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cooldown: ${e.message}`);
      return e.exitCode;
    }
    // parseArgs reports unknown options as TypeErrors with a readable message and a code.
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`cooldown: ${(e as Error).message}`);
      return 2;
    }
    io.err(`cooldown: internal error: ${(e as Error).message}`);
    return 70;
  }
}
