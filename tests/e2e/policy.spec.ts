/**
 * Enterprise policy for real: Chromium on Linux reads /etc/chromium/policies/managed/*.json, and
 * hands an extension's "3rdparty" section to it as storage.managed. A copy of the built extension
 * in its own folder gets its own id (an unpacked extension's id follows from its path), so the
 * policy written here applies to this spec's browser only; the file is removed afterwards.
 * Skipped, with the reason, where the policy folder cannot be written (not root).
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, openSidebar, type ChromiumHarness } from './helpers/chromium.ts';
import { packText, teamPack, teamRule } from './helpers/packs.ts';
import { distChrome } from './helpers/paths.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed } from './helpers/sites.ts';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLL = { timeout: 20_000, interval: 100 };
/** Why this spec cannot run here, or null: Chromium reads policy only from a root-owned folder. */
function policySkipReason(): string | null {
  if (process.getuid?.() !== 0) return `writing ${POLICY_DIR} needs root (running as uid ${process.getuid?.() ?? '?'})`;
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return null;
  } catch (e) {
    return `${POLICY_DIR} cannot be written (${(e as Error).message})`;
  }
}
const skipReason = policySkipReason();
const canWritePolicy = skipReason === null;
if (skipReason) console.warn(`policy.spec: skipped: ${skipReason}`);

// A skipped spec says why, in the test list too, not only in a comment.
describe.skipIf(canWritePolicy)('enterprise policy (skipped)', () => {
  it.skip(`skipped: ${skipReason}`, () => undefined);
});

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, first 32 hex digits mapped 0-f → a-p. */
function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

describe.skipIf(!canWritePolicy)('enterprise policy through Chromium\'s managed policy folder', () => {
  const POLICY_PACK = teamPack({ id: 'acme-policy', name: 'Acme policy pack' }, [teamRule('acme-avoid-house-line', 'the Acme way')]);
  let h: ChromiumHarness;
  let extensionDir: string;
  let policyFile: string;
  let id: string;
  let options: Page;

  beforeAll(async () => {
    extensionDir = path.join(mkdtempSync(path.join(tmpdir(), 'cooldown-policy-')), 'extension');
    cpSync(distChrome, extensionDir, { recursive: true });
    id = unpackedExtensionId(extensionDir);
    mkdirSync(POLICY_DIR, { recursive: true });
    policyFile = path.join(POLICY_DIR, `cooldown-e2e-${id}.json`);
    writeFileSync(policyFile, JSON.stringify({
      '3rdparty': { extensions: { [id]: { packs: [packText(POLICY_PACK)], disabledRules: ['avoid-as-i-said'], lock: true } } },
    }));
    h = await launchChromium([gmailServed], { extensionDir });
    options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    rmSync(policyFile, { force: true });
    rmSync(path.dirname(extensionDir), { recursive: true, force: true });
  });

  it('loads the copy under the id the policy names', () => {
    expect(h.extensionId).toBe(id);
  });

  it('shows the policy pack as managed, locked on, and not removable', async () => {
    const row = options.locator('[data-testid="pack"][data-pack-id="acme-policy"]');
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.locator('[data-testid="managed"]').count()).toBe(1);
    expect(await row.locator('[data-testid="pack-remove"]').count()).toBe(0);
    const enabled = row.locator('[data-testid="pack-enabled"]');
    expect(await enabled.isChecked()).toBe(true);
    expect(await enabled.isDisabled()).toBe(true);
  });

  it('coaches with the policy pack and without the rule the policy disabled', async () => {
    const site = await h.context.newPage();
    await site.goto(GMAIL_URL);
    const sidebar = await openSidebar(h, site, 'https://mail.google.com/');
    await site.locator(GMAIL_EDITOR).first().click();
    await site.keyboard.type('As I already said, the Acme way is to send the refund today.', { delay: 10 });
    const flag = (rule: string) => sidebar.locator(`[data-testid="flag"][data-rule="${rule}"]`);
    await expect.poll(() => flag('acme-avoid-house-line').count(), POLL).toBe(1);
    expect(await flag('avoid-as-i-said').count()).toBe(0);
  });
});
