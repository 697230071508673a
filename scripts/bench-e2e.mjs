#!/usr/bin/env node
// `npm run bench:e2e`: builds the extension, then measures keystroke-to-flag latency in Chromium.
// Packages stay external (playwright-core loads from node_modules at run time).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

execFileSync(process.execPath, ['build.mjs', '--extension'], { stdio: 'inherit' });
// Three folders below the repository, as tests/e2e/helpers/ is (paths.ts finds dist/ from there),
// and not under node_modules, which may be a link to another checkout's.
const outfile = 'dist/.cache/bench/bench-e2e.mjs';
await esbuild.build({ entryPoints: ['scripts/bench-e2e/main.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2));
