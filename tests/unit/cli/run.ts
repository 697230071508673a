import { main } from '../../../src/cli/main.ts';
import type { Output } from '../../../src/cli/io.ts';

/** Runs the CLI in-process with captured output, as a terminal without colour would see it. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (t) => out.push(t), err: (t) => err.push(t), color: false };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
