/** Where the built extension and the shared fixtures live, relative to the repository root. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturesDir = path.resolve(repoRoot, '../shared/fixtures');
export const distChrome = path.join(repoRoot, 'dist/chrome');
export const distFirefox = path.join(repoRoot, 'dist/firefox');
export const ckeditorUmd = path.join(repoRoot, 'node_modules/ckeditor5/dist/browser/ckeditor5.umd.js');

export const fixture = (name: string): string => readFileSync(path.join(fixturesDir, name), 'utf8');
