#!/usr/bin/env node
// Build driver. `node build.mjs` builds everything (`npm ci` runs it through `prepare`, so
// `npx cooldown` and dist/ exist on a fresh clone); `--cli` only the command line; `--extension` only the
// browser extension (dist/chrome and dist/firefox from the one manifest.json), with `--watch`
// to rebuild on change and `--package` to write store-ready zips to dist/packages.
import * as esbuild from 'esbuild';
import { NODE_BUNDLE } from './scripts/node-bundle.mjs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { watch as fsWatch } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const args = new Set(process.argv.slice(2));
const only = (name) => !['--cli', '--extension'].some((f) => args.has(f)) || args.has(`--${name}`);

/** The CLI: one ESM file for Node with the engine and the core pack inlined. */
async function buildCli() {
  await mkdir('dist/cli', { recursive: true });
  await esbuild.build({
    ...NODE_BUNDLE,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli/cooldown.mjs',
    sourcemap: 'linked',
  });
}

// ---------------------------------------------------------------------------------------------
// The extension: one esbuild pass, written to dist/chrome and dist/firefox with a manifest each.

const EXT_ENTRIES = {
  content: 'src/content/index.ts', // isolated world, helpdesk pages
  bridge: 'src/content/bridge.ts', // MAIN world, only where an editor needs page objects (CKEditor 5)
  background: 'src/background/index.ts', // Chrome service worker / Firefox event page
  sidebar: 'src/sidebar/index.tsx',
  options: 'src/options/index.tsx',
};
const EXT_STATIC = [
  ['src/sidebar/sidebar.html', 'sidebar.html'],
  ['src/sidebar/sidebar.css', 'sidebar.css'],
  ['src/options/options.html', 'options.html'],
  ['src/options/options.css', 'options.css'],
  ['_locales', '_locales'],
  ['static/icons', 'icons'],
  ['static/managed_schema.json', 'managed_schema.json'],
];
const BROWSERS = ['chrome', 'firefox'];

/**
 * The per-browser manifest from the one source manifest.json, which holds both browsers' keys:
 * Chrome keeps `background.service_worker`, `side_panel` and the `sidePanel` permission;
 * Firefox keeps `background.scripts`, `sidebar_action` and `browser_specific_settings`.
 */
export function manifestFor(browser, source, sites) {
  const m = structuredClone(source);
  // Content scripts and host access come from the site registry (src/sites/registry.ts), the
  // one place that names the helpdesks: the content script on every site's agent pages, the
  // MAIN-world bridge only on sites whose editor needs it.
  const matches = sites.flatMap((s) => s.matches);
  m.host_permissions = matches;
  m.content_scripts = [
    { matches, js: ['content.js'], run_at: 'document_idle' },
    { matches: sites.filter((s) => s.bridge).flatMap((s) => s.matches), js: ['bridge.js'], run_at: 'document_idle', world: 'MAIN' },
  ].filter((c) => c.matches.length);
  const commands = { ...m.commands };
  if (browser === 'chrome') {
    m.background = { service_worker: m.background.service_worker };
    delete m.sidebar_action;
    delete m.browser_specific_settings;
    delete commands._execute_sidebar_action;
  } else {
    m.background = { scripts: m.background.scripts };
    delete m.side_panel;
    delete m.minimum_chrome_version;
    delete m.storage; // Firefox reads policy without a schema (and warns on the key)
    m.permissions = m.permissions.filter((p) => p !== 'sidePanel');
    // Firefox's toolbar button toggles the sidebar itself; one shortcut for it is enough.
    delete commands._execute_action;
  }
  m.commands = commands;
  return m;
}

/** The site registry, read by bundling the TypeScript module (it is plain data). */
export async function loadSites() {
  const out = await esbuild.build({ entryPoints: ['src/sites/registry.ts'], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'warning' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return mod.SITES;
}

async function writeExtension(outputFiles, { sourcemaps }) {
  const source = JSON.parse(await readFile('manifest.json', 'utf8'));
  const sites = await loadSites();
  for (const browser of BROWSERS) {
    const dir = `dist/${browser}`;
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    for (const f of outputFiles) {
      if (!sourcemaps && f.path.endsWith('.map')) continue;
      await writeFile(path.join(dir, path.basename(f.path)), f.contents);
    }
    for (const [from, to] of EXT_STATIC) await cp(from, path.join(dir, to), { recursive: true });
    await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(browser, source, sites), null, 2)}\n`);
  }
}

function extensionOptions({ sourcemaps }) {
  return {
    entryPoints: EXT_ENTRIES,
    outdir: 'dist/.extension',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome116', 'firefox128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: sourcemaps ? 'linked' : false,
    // Production bundles are minified (budgets in tests/e2e/build.spec.ts and `npm run bench`);
    // watch builds stay readable, with source maps.
    minify: !sourcemaps,
    write: false,
    logLevel: 'warning',
    legalComments: 'eof',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
}

export async function buildExtension({ watch = false, pack = false } = {}) {
  if (!watch) {
    const result = await esbuild.build(extensionOptions({ sourcemaps: false }));
    await writeExtension(result.outputFiles, { sourcemaps: false });
    if (pack) await packageExtension();
    return;
  }
  // Watch: esbuild tracks the sources; manifest.json and static files are watched here.
  let last = null;
  const rewrite = async () => {
    if (!last) return;
    try {
      await writeExtension(last, { sourcemaps: true });
      console.log(`[watch] extension rebuilt ${new Date().toLocaleTimeString()}`);
    } catch (err) {
      console.error('[watch] write failed:', err);
    }
  };
  const ctx = await esbuild.context({
    ...extensionOptions({ sourcemaps: true }),
    plugins: [{
      name: 'write-both-browsers',
      setup(build) {
        build.onEnd(async (result) => {
          if (result.errors.length) return;
          last = result.outputFiles;
          await rewrite();
        });
      },
    }],
  });
  await ctx.watch();
  for (const p of ['manifest.json', 'src/sites/registry.ts', ...EXT_STATIC.map(([from]) => from)]) fsWatch(p, { recursive: true }, () => void rewrite());
  console.log('[watch] watching src/, manifest.json and static files (Ctrl-C to stop)');
}

/** Store-ready zips (deterministic: sorted entries, fixed timestamps). */
/** Store-ready zips, written by web-ext (the ecosystem's packager) from each browser's tree. */
async function packageExtension() {
  const { version } = JSON.parse(await readFile('manifest.json', 'utf8'));
  await mkdir('dist/packages', { recursive: true });
  for (const browser of BROWSERS) {
    const name = `cooldown-${browser}-${version}.zip`;
    execFileSync(process.execPath, ['node_modules/web-ext/bin/web-ext.js', 'build', '--source-dir', `dist/${browser}`, '--artifacts-dir', 'dist/packages', '--filename', name, '--overwrite-dest', '--no-config-discovery'], { stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`packaged dist/packages/${name}`);
  }
}

if (only('cli')) await buildCli();
if (only('extension')) await buildExtension({ watch: args.has('--watch'), pack: args.has('--package') });
