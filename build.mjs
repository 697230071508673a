#!/usr/bin/env node
// Build driver. `node build.mjs` builds everything; `--cli` only the command line (run by
// `npm ci` through `prepare`, so `npx cooldown` works on a fresh clone).
import * as esbuild from 'esbuild';
import { mkdir } from 'node:fs/promises';

const args = new Set(process.argv.slice(2));
const only = (name) => !['--cli', '--extension'].some((f) => args.has(f)) || args.has(`--${name}`);

/** The CLI: one ESM file for Node with the engine and the core pack inlined. */
async function buildCli() {
  await mkdir('dist/cli', { recursive: true });
  await esbuild.build({
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli/cooldown.mjs',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // compromise and sentiment are CommonJS/ESM hybrids; bundling them keeps startup to one file read.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}

if (only('cli')) await buildCli();
