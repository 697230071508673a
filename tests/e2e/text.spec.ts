/**
 * The draft text model (src/adapters/dom/text.ts) in a real browser: the text the engine sees
 * for typical editor markup, and every word's offsets mapping back to the same DOM text — which
 * is what makes Replace land on the flagged words.
 */
import * as esbuild from 'esbuild';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './helpers/paths.ts';

const CASES: { html: string; text: string }[] = [
  { html: 'Hello there', text: 'Hello there' },
  { html: '<p>One</p><p>Two</p>', text: 'One\nTwo\n' },
  { html: '<p>One</p><p><br data-cke-filler="true"></p><p>Three</p>', text: 'One\n\nThree\n' },
  { html: 'Line<div>Next</div><div><br></div><div>Last</div>', text: 'Line\nNext\n\nLast\n' },
  { html: 'Soft<br>break<br>', text: 'Soft\nbreak' },
  { html: '<p>In<b>line</b> <i>marks</i>&nbsp;here</p>', text: 'Inline marks here\n' },
  { html: '<ul><li><p>a</p></li><li><p>b</p></li></ul><blockquote><p>q</p></blockquote>', text: 'a\nb\nq\n' },
  { html: '<p>\u2060\u2060\u2060\u2060\u2060\u2060\u2060calm down</p>', text: 'calm down\n' },
];

describe('draft text model', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu'],
    });
    page = await browser.newPage();
    const bundle = await esbuild.build({
      entryPoints: [path.join(repoRoot, 'tests/e2e/helpers/text-probe.ts')],
      bundle: true, format: 'iife', target: 'chrome116', write: false, logLevel: 'warning',
    });
    await page.setContent('<!doctype html><body></body>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const c of CASES) {
    it(`reads ${JSON.stringify(c.html)} and maps every word back`, async () => {
      const r = await page.evaluate((html) => (globalThis as unknown as {
        __cooldownText: { roundTrip(h: string): { text: string; mismatches: string[] } };
      }).__cooldownText.roundTrip(html), c.html);
      expect(r.text).toBe(c.text);
      expect(r.mismatches).toEqual([]);
    });
  }
});
