/** Runs the adapters inside a page (main world) and returns what they read. */
import * as esbuild from 'esbuild';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ProbeResult } from './adapter-probe.ts';
import { repoRoot } from './paths.ts';

let bundle: Promise<string> | null = null;

export function adapterProbeScript(): Promise<string> {
  bundle ??= esbuild.build({
    entryPoints: [path.join(repoRoot, 'tests/e2e/helpers/adapter-probe.ts')],
    bundle: true, format: 'iife', platform: 'browser', target: 'chrome116', write: false, logLevel: 'warning',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

export async function probe(page: Page): Promise<ProbeResult> {
  const has = await page.evaluate(() => '__cooldownProbe' in globalThis);
  if (!has) await page.addScriptTag({ content: await adapterProbeScript() });
  return page.evaluate(() => (globalThis as unknown as { __cooldownProbe: () => ProbeResult }).__cooldownProbe());
}
