/** `cooldown pack <check|new|test>`: the pack author's tools. A switchboard over the subcommands. */
import { UsageError, type Output } from '../io.ts';
import { packCheck, PACK_CHECK_HELP } from './pack-check.ts';
import { packNew, PACK_NEW_HELP } from './pack-new.ts';
import { packTest, PACK_TEST_HELP } from './pack-test.ts';

export const PACK_HELP = [PACK_CHECK_HELP, PACK_NEW_HELP, PACK_TEST_HELP].join('\n\n');

export async function packCommand(argv: string[], io: Output): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'check':
      return packCheck(rest, io);
    case 'new':
      return packNew(rest, io);
    case 'test':
      return packTest(rest, io);
    case undefined:
    case '--help':
    case '-h':
      io.out(PACK_HELP);
      return sub === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown pack command "${sub}" (try: cooldown pack check|new|test)`);
  }
}
