#!/usr/bin/env node
// `npm run docs:screenshots`: the README's pictures, taken from the real built extension in
// headless Chromium on the demo pages (demo/pages.mjs): the sidebar beside the demo Zendesk
// ticket and Gmail thread, and the first-run/options page, each in light and dark. Builds first
// unless --no-build. Writes docs/*.png (each kept under MAX_BYTES).
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { GMAIL_DEMO_URL, ZENDESK_DEMO_URL } from '../demo/pages.mjs';
import { launchDemo, openCoached, repoRoot } from './demo-browser.mjs';

const MAX_BYTES = 200_000;
const docs = path.join(repoRoot, 'docs');
const SITE = { width: 820, height: 860 };
const SIDEBAR = { width: 400, height: 860 };

if (!process.argv.includes('--no-build')) {
  const r = spawnSync(process.execPath, ['build.mjs', '--extension'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

/** Site and sidebar side by side, as an agent sees them, in one PNG. */
async function composite(demo, left, right, file) {
  const stage = await demo.context.newPage();
  await stage.setViewportSize({ width: SITE.width + SIDEBAR.width + 1, height: SITE.height });
  const img = (buf, w) => `<img src="data:image/png;base64,${buf.toString('base64')}" width="${w}" height="${SITE.height}">`;
  await stage.setContent(`<!doctype html><body style="margin:0;display:flex;gap:1px;background:#9aa5b0">${img(left, SITE.width)}${img(right, SIDEBAR.width)}</body>`);
  await stage.screenshot({ path: file });
  await stage.close();
}

/**
 * Issue 13: the draft's flags underlined in the site's own editor with the mood chip at its corner,
 * and the card that hovering an underline opens. Cropped to the composer.
 */
async function inEditorShots(site, sidebar) {
  const phrase = ((await sidebar.locator('[data-testid="flag"] mark').first().textContent()) ?? '').trim();
  await site.bringToFront();
  const box = await site.evaluate((text) => {
    const editor = document.querySelector('[contenteditable="true"]');
    if (!editor) return null;
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.toLowerCase().indexOf(text.toLowerCase());
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const r = range.getBoundingClientRect();
      const e = editor.getBoundingClientRect();
      return { phrase: { x: r.left + r.width / 2, y: r.top + r.height / 2 }, editor: { x: e.left, y: e.top, width: e.width, height: e.height } };
    }
    return null;
  }, phrase);
  if (!phrase || !box) throw new Error(`no flagged phrase found in the demo's editor (${JSON.stringify(phrase)})`);
  // The composer with room above it: near the bottom of the window, the chip and the card sit above the text.
  const top = Math.max(0, Math.floor(box.editor.y) - 60);
  const clip = { x: Math.max(0, Math.floor(box.editor.x) - 12), y: top, width: 0, height: Math.min(SITE.height, Math.ceil(box.editor.y + box.editor.height) + 16) - top };
  clip.width = Math.min(SITE.width - clip.x, Math.ceil(box.editor.width) + 24);
  await site.waitForTimeout(500); // a frame or two for the marks and the chip
  const underlines = path.join(docs, 'in-editor-underlines.png');
  await site.screenshot({ path: underlines, clip });
  await site.mouse.move(box.phrase.x, box.phrase.y);
  await site.waitForTimeout(900); // the card opens after a short hover
  const card = path.join(docs, 'in-editor-card.png');
  const cardTop = Math.max(0, clip.y - 220);
  await site.screenshot({ path: card, clip: { ...clip, y: cardTop, height: clip.height + clip.y - cardTop } });
  await site.mouse.move(0, 0);
  return [underlines, card];
}

const written = [];
const demo = await launchDemo({ headless: true, viewport: SITE });
try {
  for (const [name, url] of [['zendesk', ZENDESK_DEMO_URL], ['gmail', GMAIL_DEMO_URL]]) {
    const { site, sidebar } = await openCoached(demo, url);
    await sidebar.setViewportSize(SIDEBAR);
    const siteShot = await site.screenshot();
    for (const scheme of ['light', 'dark']) {
      await sidebar.emulateMedia({ colorScheme: scheme });
      const file = path.join(docs, `sidebar-${name}-${scheme}.png`);
      await composite(demo, siteShot, await sidebar.screenshot(), file);
      written.push(file);
    }
    // The coach scrolled to the draft's flags and suggestions, alone.
    await sidebar.emulateMedia({ colorScheme: 'light' });
    if (name === 'zendesk') {
      await sidebar.evaluate(() => document.getElementById('flags-h')?.scrollIntoView({ block: 'start' }));
      const file = path.join(docs, 'sidebar-flags-light.png');
      await sidebar.screenshot({ path: file });
      written.push(file);
    }
    if (name === 'zendesk') written.push(...await inEditorShots(site, sidebar));
    await site.close();
    await sidebar.close();
  }
  const options = await demo.context.newPage();
  await options.setViewportSize({ width: 760, height: 1100 });
  await options.goto(`chrome-extension://${demo.extensionId}/options.html?welcome=1`);
  await options.locator('[data-testid="settings"][data-loaded="true"]').waitFor();
  for (const scheme of ['light', 'dark']) {
    await options.emulateMedia({ colorScheme: scheme });
    const file = path.join(docs, `options-${scheme}.png`);
    await options.screenshot({ path: file });
    written.push(file);
  }
} finally {
  await demo.close();
}

let tooBig = false;
for (const file of written) {
  const size = statSync(file).size;
  console.log(`${path.relative(repoRoot, file)}  ${(size / 1024).toFixed(0)} KB`);
  if (size > MAX_BYTES) tooBig = true;
}
if (tooBig) {
  console.error(`A screenshot is over ${MAX_BYTES / 1000} KB: make the view smaller.`);
  process.exit(1);
}
