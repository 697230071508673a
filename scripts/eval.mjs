#!/usr/bin/env node
// `npm run eval [-- --json] [-- --set FILE]`: bundles scripts/eval/main.ts with the engine (the
// same source the extension bundles) and runs it in Node.
import * as esbuild from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const outfile = 'node_modules/.cache/cooldown/eval.mjs';
await mkdir('node_modules/.cache/cooldown', { recursive: true });
await esbuild.build({
  entryPoints: ['scripts/eval/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // sentiment's language loader has a dynamic require we never reach (we use English only).
  logOverride: { 'empty-glob': 'silent' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = main(process.argv.slice(2));
