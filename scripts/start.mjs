#!/usr/bin/env node
// `npm start`: build, then show Cooldown coaching the demo conversation (demo/angry-ticket.txt).
// With a display: Chromium opens with the extension on the demo Zendesk ticket and the coach in
// a window beside it (close the browser to finish). Without one: says so, writes screenshots of
// the coached demo to docs/demo/, and prints the CLI's analysis of the same conversation.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_TRANSCRIPT, ZENDESK_DEMO_URL } from '../demo/pages.mjs';
import { chromiumPath, launchDemo, openCoached, repoRoot } from './demo-browser.mjs';

const run = (args) => spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' }).status ?? 1;
const rel = (p) => path.relative(repoRoot, p);

if (run(['build.mjs']) !== 0) process.exit(1);
console.log('Built dist/chrome, dist/firefox and the CLI.\n');

const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.COOLDOWN_HEADLESS;

async function withDisplay() {
  const demo = await launchDemo({ headless: false });
  const [blank] = demo.context.pages();
  const { site, sidebar, tabId } = await openCoached(demo, ZENDESK_DEMO_URL);
  // The coach in its own window beside the ticket (what the pop-out does, as a window).
  await sidebar.evaluate(async (id) => {
    await globalThis.chrome.windows.create({ url: `sidebar.html?tabId=${id}`, type: 'popup', width: 440, height: 860, left: 960, top: 40 });
  }, tabId);
  await sidebar.close();
  await blank?.close().catch(() => undefined);
  await site.bringToFront();
  console.log('Chromium is showing the demo ticket with the Cooldown coach beside it.');
  console.log('Type in the reply box to see it react. Close the browser to finish.\n');
  await new Promise((resolve) => demo.context.on('close', resolve));
}

async function headless() {
  console.log('No display ($DISPLAY / $WAYLAND_DISPLAY unset): writing screenshots of the coached demo instead of opening a browser.');
  const outDir = path.join(repoRoot, 'docs/demo');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, '.gitignore'), '*\n');
  const demo = await launchDemo({ headless: true, viewport: { width: 900, height: 820 } });
  try {
    const { site, sidebar } = await openCoached(demo, ZENDESK_DEMO_URL);
    await sidebar.setViewportSize({ width: 420, height: 1400 });
    const files = [path.join(outDir, 'demo-ticket.png'), path.join(outDir, 'demo-sidebar.png')];
    await site.screenshot({ path: files[0] });
    await sidebar.screenshot({ path: files[1], fullPage: true });
    console.log(`Wrote ${files.map(rel).join(' and ')}.\n`);
  } finally {
    await demo.close();
  }
}

const started = Date.now();
try {
  if (!chromiumPath()) console.log('Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH): skipping the browser demo.\n');
  else if (hasDisplay) await withDisplay();
  else await headless();
} catch (err) {
  console.error(`The browser demo failed: ${err instanceof Error ? err.message : err}\n`);
  process.exitCode = 1;
}

console.log(`The same conversation through the command line (node bin/cooldown.mjs analyze ${rel(DEMO_TRANSCRIPT)}):\n`);
if (run(['bin/cooldown.mjs', 'analyze', rel(DEMO_TRANSCRIPT)]) !== 0) process.exitCode = 1;
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Load dist/chrome or dist/firefox in your browser to use Cooldown (README.md).`);
