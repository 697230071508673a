#!/usr/bin/env node
// Thin launcher: the CLI is bundled by `npm run build` (and by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/cooldown.mjs', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('cooldown: the CLI is not built yet; run `npm run build` (or `npm ci`) first\n');
  process.exit(2);
}
const { main } = await import(built);
process.exitCode = await main(process.argv.slice(2));
