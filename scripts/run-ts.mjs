#!/usr/bin/env node
// Runs a TypeScript entry of scripts/ in Node: bundles it with the engine (the same source the
// extension bundles) and calls its exported `main(argv)`. Usage: node scripts/run-ts.mjs ENTRY [args]
import * as esbuild from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';
import { mkdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs ENTRY.ts [args]');
  process.exit(2);
}
const outfile = `node_modules/.cache/cooldown/${entry.replace(/[^a-z0-9]+/gi, '_')}.mjs`;
await mkdir('node_modules/.cache/cooldown', { recursive: true });
await esbuild.build({ ...NODE_BUNDLE, entryPoints: [entry], outfile });
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(args);
