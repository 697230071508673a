#!/usr/bin/env node
// Writes rules/pack.schema.json from the zod definition (src/engine/pack/schema.ts), the one source.
// Run by the build; `--check` exits 1 when the committed file is stale (used by the tests and CI).
import * as esbuild from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';

const result = await esbuild.build({
  stdin: { contents: "export { packJsonSchema } from './src/engine/pack/json-schema.ts';", resolveDir: process.cwd(), loader: 'ts' },
  bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning',
});
const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
const { packJsonSchema } = await import(url);
const text = `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
const target = 'rules/pack.schema.json';
if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(`${target} is stale; run \`node scripts/pack-schema.mjs\``);
    process.exit(1);
  }
} else {
  await writeFile(target, text);
}
