/**
 * Every named selector of every registered site's adapter matches something on that site's
 * fixture pages (src/sites/registry.ts), so a selector no fixture models — a guess nothing
 * checks — fails here. Fallback lists are checked alternative by alternative. One Chromium for
 * the file; no extension needed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { SELECTORS as GMAIL } from '../../src/adapters/gmail.ts';
import { SELECTORS as ZENDESK } from '../../src/adapters/zendesk.ts';
import { SITES, type BuiltInSiteId } from '../../src/sites/registry.ts';
import { fixture, repoRoot } from './helpers/paths.ts';

const NAMED: Record<BuiltInSiteId, Record<string, string | readonly string[]>> = { gmail: GMAIL, zendesk: ZENDESK };
const html = (name: string): string => (name.startsWith('shared:') ? fixture(name.slice('shared:'.length)) : readFileSync(path.join(repoRoot, 'tests/e2e/pages', name), 'utf8'));

describe('named adapter selectors match their fixture pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const site of SITES) {
    it(`${site.id}: every named selector matches on at least one of its ${site.fixtures.length} pages`, async () => {
      const selectors = Object.entries(NAMED[site.id]).flatMap(([name, sel]) => (typeof sel === 'string' ? [[name, sel]] : sel.map((s, i) => [`${name}[${i}]`, s])));
      const hits = new Map<string, number>(selectors.map(([name]) => [name!, 0]));
      const page = await browser.newPage({ javaScriptEnabled: false }); // the markup as served, no page script
      for (const name of site.fixtures) {
        await page.setContent(html(name));
        for (const [key, sel] of selectors) hits.set(key!, hits.get(key!)! + await page.locator(sel!).count());
      }
      await page.close();
      expect([...hits].filter(([, n]) => n === 0).map(([k]) => k)).toEqual([]);
    });
  }
});
