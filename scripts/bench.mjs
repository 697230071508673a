#!/usr/bin/env node
// `npm run bench [-- --json]`: builds the cold-start and heap probes (minified, as the extension
// ships the engine; each runs in a fresh process), then runs scripts/bench/main.ts.
import * as esbuild from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';
import { spawnSync } from 'node:child_process';

const common = { ...NODE_BUNDLE, minify: true };
await esbuild.build({ ...common, entryPoints: ['scripts/bench/cold-engine.ts'], outfile: 'node_modules/.cache/cooldown/cold-engine.mjs' });
await esbuild.build({ ...common, entryPoints: ['scripts/bench/cold-compromise.ts'], outfile: 'node_modules/.cache/cooldown/cold-compromise.mjs' });
await esbuild.build({ ...common, entryPoints: ['scripts/bench/heap-probe.ts'], outfile: 'node_modules/.cache/cooldown/heap-probe.mjs' });
await esbuild.build({ ...common, entryPoints: ['scripts/bench/libs-probe.ts'], outfile: 'node_modules/.cache/cooldown/libs-probe.mjs' });
const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/bench/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
