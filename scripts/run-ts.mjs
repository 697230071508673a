#!/usr/bin/env node
// Runs a TypeScript entry of scripts/ in Node: bundles it with the engine (the same source the
// extension bundles) and calls its exported `main(argv)`. Usage: node scripts/run-ts.mjs ENTRY [args]
import * as esbuild from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs ENTRY.ts [args]');
  process.exit(2);
}
const outfile = `node_modules/.cache/cooldown/${entry.replace(/[^a-z0-9]+/gi, '_')}.mjs`;
await mkdir('node_modules/.cache/cooldown', { recursive: true });
await esbuild.build({
  entryPoints: [entry],
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
process.exitCode = await main(args);
