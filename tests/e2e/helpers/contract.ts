/**
 * The adapter contract every helpdesk spec runs in real Chromium with the built extension:
 * the sidebar shows the angry customer's mood, the agent's typed phrases are flagged, a
 * validating sentence drafts the `validate` step, Insert and Replace land in the site's own
 * editor, the service worker can be stopped at any time, and moving to the next conversation
 * replaces the analysis. Each site supplies how to find and read its editor.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { diagnose, launchChromium, openSidebar, stopServiceWorker, type ChromiumHarness } from './chromium.ts';
import { POLICY_AND_CALM, VALIDATING, type Served } from './sites.ts';
import { BROWSERS, openSession, type Session, type SessionOptions, type Tab } from './browsers.ts';

export interface SiteDriver {
  name: string;
  served: Served;
  url: string;
  /** Prefix of the site tab's URL, to find its tab id. */
  tabUrlPrefix: string;
  /** After load: e.g. mount a real CKEditor 5 in Zendesk's composer. */
  prepare?(page: Page): Promise<void>;
  /** The reply editor of the conversation on screen. */
  editor(page: Page): Locator;
  /** The reply's text as the site's own editor holds it (CKEditor: its model via getData()). */
  siteEditorText(page: Page): Promise<string>;
  /** Number of edits the site's editor has registered since `prepare` (input events / model changes). */
  siteEditorChanges(page: Page): Promise<number>;
  /** Minimum mood score the fixture's angry customer must reach. */
  angryAtLeast: number;
}

const POLL = { timeout: 10_000, interval: 100 };

export function describeAdapterContract(site: SiteDriver): void {
  describe(`${site.name} in Chromium`, () => {
    let h: ChromiumHarness;
    let page: Page;
    let sidebar: Page;
    const flag = (rule: string) => sidebar.locator(`[data-testid="flag"][data-rule="${rule}"]`);
    const step = (id: string) => sidebar.locator(`[data-testid="step"][data-step="${id}"]`);
    const conversation = () => sidebar.locator('[data-testid="sidebar"]').getAttribute('data-conversation');

    const clearAndType = async (text: string): Promise<void> => {
      const editor = site.editor(page);
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await expect.poll(() => site.siteEditorText(page), POLL).toBe('');
      await page.keyboard.type(text, { delay: 15 });
    };

    beforeAll(async () => {
      h = await launchChromium([site.served]);
      page = await h.context.newPage();
      // Content-script errors surface in the page's console, attributed to the extension.
      page.on('console', (m) => {
        if (m.type() === 'error' && m.location().url.startsWith('chrome-extension://')) h.extensionErrors.push(`content: ${m.text()}`);
      });
      await page.goto(site.url);
      await site.prepare?.(page);
      sidebar = await openSidebar(h, page, site.tabUrlPrefix);
    });
    beforeEach(({ onTestFailed }) => {
      onTestFailed(async () => console.log(`diagnosis (${site.name} in Chromium):\n${await diagnose(h, page, sidebar, site.tabUrlPrefix)}`));
    });
    afterAll(async () => {
      await h?.close();
    });

    it("shows the customer's mood for the angry thread", async () => {
      const mood = sidebar.locator('[data-testid="mood"]');
      await expect.poll(() => mood.getAttribute('data-score'), POLL).not.toBeNull();
      const score = Number(await mood.getAttribute('data-score'));
      expect(score).toBeGreaterThanOrEqual(site.angryAtLeast);
      expect(score).toBeLessThanOrEqual(100);
      expect(await sidebar.locator('[data-testid="mood-point"]').count()).toBeGreaterThan(1);
      expect(await sidebar.locator('[data-testid="step"]').count()).toBeGreaterThan(0);
    });

    it('flags policy talk and "calm down" as the agent types, analysing after pauses only', async () => {
      // Count the worker's state writes while the agent types 36 characters.
      await sidebar.evaluate(() => {
        const w = window as unknown as { __writes: number; chrome: { storage: { onChanged: { addListener(f: (c: object, area: string) => void): void } } } };
        w.__writes = 0;
        w.chrome.storage.onChanged.addListener((_c, area) => {
          if (area === 'session') w.__writes++;
        });
      });
      await clearAndType(POLICY_AND_CALM);
      await expect.poll(() => flag('avoid-policy-talk').count(), POLL).toBe(1);
      await expect.poll(() => flag('avoid-calm-down').count(), POLL).toBe(1);
      const writes = await sidebar.evaluate(() => (window as unknown as { __writes: number }).__writes);
      expect(writes).toBeGreaterThanOrEqual(1);
      expect(writes).toBeLessThanOrEqual(6); // per keystroke would be ~36
      expect(await flag('avoid-policy-talk').locator('mark').textContent()).toMatch(/policy/i);
      expect(await flag('avoid-calm-down').locator('mark').textContent()).toMatch(/calm down/i);
    });

    it('Replace swaps the flagged phrase inside the site editor', async () => {
      const button = flag('avoid-calm-down').locator('[data-testid="replace"]').first();
      const label = (await button.textContent()) ?? '';
      const replacement = /“(.*)”/.exec(label)?.[1] ?? '';
      expect(replacement).not.toBe('');
      await button.click();
      await expect.poll(() => site.siteEditorText(page), POLL).toContain(replacement);
      expect(await site.siteEditorText(page)).not.toMatch(/calm down/i);
      await expect.poll(() => flag('avoid-calm-down').count(), POLL).toBe(0);
      expect(await flag('avoid-policy-talk').count()).toBe(1);
    });

    it('a validating sentence turns the validate step to drafted', async () => {
      await expect.poll(() => step('validate').getAttribute('data-status'), POLL).not.toBe('done');
      await clearAndType(VALIDATING);
      await expect.poll(() => step('validate').getAttribute('data-status'), POLL).toBe('drafted');
      await expect.poll(() => flag('avoid-policy-talk').count(), POLL).toBe(0);
    });

    it("Insert puts a suggestion into the site's editor", async () => {
      const suggestion = sidebar.locator('[data-testid="suggestion"]').first();
      await expect.poll(() => suggestion.count(), POLL).toBe(1);
      const text = ((await suggestion.locator('.text').textContent()) ?? '').trim();
      const stepId = await suggestion.getAttribute('data-step');
      expect(text.length).toBeGreaterThan(10);
      const changesBefore = await site.siteEditorChanges(page);
      await suggestion.locator('[data-testid="insert"]').click();
      await expect.poll(() => site.siteEditorText(page), POLL).toContain(text);
      expect(await site.siteEditorText(page)).toContain(VALIDATING);
      expect(await site.siteEditorChanges(page)).toBeGreaterThan(changesBefore);
      // The worker re-reads the draft: the inserted step is now drafted.
      await expect.poll(() => step(stepId ?? '').getAttribute('data-status'), POLL).toBe('drafted');
    });

    it('keeps working after the service worker is stopped', async () => {
      const worker = await stopServiceWorker(h, sidebar);
      // The sidebar renders from storage.session: same state with the worker gone.
      expect(await step('validate').getAttribute('data-status')).toBe('drafted');
      await clearAndType(POLICY_AND_CALM);
      await worker.restarted; // the content script's message woke it up
      await worker.detach();
      await expect.poll(() => flag('avoid-policy-talk').count(), POLL).toBe(1);
      await expect.poll(() => flag('avoid-calm-down').count(), POLL).toBe(1);
      await expect.poll(() => step('validate').getAttribute('data-status'), POLL).toBe('todo');
    });

    it('moving to the next conversation replaces the analysis', async () => {
      const first = await conversation();
      const customer = () => sidebar.locator('[data-testid="customer"]').textContent();
      const firstCustomer = await customer();
      expect(first).toBeTruthy();
      expect(firstCustomer).toBeTruthy();
      await page.locator('#next-conversation').click();
      await expect.poll(conversation, POLL).not.toBe(first);
      await expect.poll(conversation, POLL).toMatch(/\S/);
      // The new conversation's own analysis: its customer, its mood, a fresh draft.
      await expect.poll(customer, POLL).not.toBe(firstCustomer);
      await expect.poll(() => sidebar.locator('[data-testid="mood"]').getAttribute('data-score'), POLL).not.toBeNull();
      await expect.poll(() => flag('avoid-policy-talk').count(), POLL).toBe(0);
    });

    it('explains itself on a tab that is not a helpdesk', async () => {
      const other = await h.context.newPage();
      await other.goto('about:blank');
      const tabs = await sidebar.evaluate(async () => {
        const api = (window as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
        return (await api.tabs.query({})).map((t) => ({ id: t.id, url: t.url }));
      });
      const blank = tabs.find((t) => t.url === 'about:blank');
      const view = await h.context.newPage();
      await view.goto(`chrome-extension://${h.extensionId}/sidebar.html?tabId=${blank?.id}`);
      await expect.poll(() => view.locator('[data-testid="empty"]').getAttribute('data-reason'), POLL).toBe('not-helpdesk');
      expect(await view.locator('[data-testid="mood"]').count()).toBe(0);
      await view.close();
      await other.close();
    });

    // Checked after every test, so it cannot pass by running alone (a lone 'no errors' test
    // after the others saw nothing when run by itself).
    afterEach(() => {
      expect(h.extensionErrors, 'errors logged during this test').toEqual([]);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The cross-browser half of the contract (issue 12): checks written once, run in Chromium and in
// Firefox with the built extension, against what the sidebar shows.

/** What the sidebar shows, read in one go (the same expression in both browsers). */
export interface SidebarView {
  conversation: string;
  score: number | null;
  moodPoints: number;
  flags: string[];
  steps: Record<string, string>;
  cues: string[];
  suggestions: number;
  coverage: { read: number; unread: number; more: boolean; trimmed: number; expand: boolean } | null;
  others: { kind: string; text: string }[];
  note: boolean;
  compose: boolean;
}

const READ_SIDEBAR = `(() => {
  const q = (s) => document.querySelector(s);
  const all = (s) => Array.from(document.querySelectorAll(s));
  const cov = q('[data-testid="coverage"]');
  const mood = q('[data-testid="mood"]');
  return {
    conversation: q('[data-testid="sidebar"]')?.getAttribute('data-conversation') ?? '',
    score: mood?.getAttribute('data-score') ? Number(mood.getAttribute('data-score')) : null,
    moodPoints: all('[data-testid="mood-point"]').length,
    flags: all('[data-testid="flag"]').map((f) => f.getAttribute('data-rule')),
    steps: Object.fromEntries(all('[data-testid="step"]').map((s) => [s.getAttribute('data-step'), s.getAttribute('data-status')])),
    cues: all('[data-testid="cue"] q').map((c) => c.textContent),
    suggestions: all('[data-testid="suggestion"]').length,
    coverage: cov ? { read: Number(cov.dataset.read), unread: Number(cov.dataset.unread), more: cov.dataset.more === 'true', trimmed: Number(cov.dataset.trimmed), expand: !!q('[data-testid="expand"]') } : null,
    others: all('[data-testid="other"]').map((o) => ({ kind: o.getAttribute('data-kind'), text: o.textContent })),
    note: !!q('[data-testid="composer-note"]'),
    compose: !!q('[data-testid="composer-compose"]'),
  };
})()`;

export const readSidebar = (sidebar: Tab): Promise<SidebarView> => sidebar.eval<SidebarView>(READ_SIDEBAR);

/** `describe` once per browser, with one browser (and one sidebar) shared by the block's tests. */
export function describeInBrowsers(title: string, options: SessionOptions, body: (session: () => Session) => void): void {
  for (const browser of BROWSERS) {
    describe(`${title} in ${browser}`, () => {
      let s: Session | undefined;
      beforeAll(async () => {
        s = await openSession(browser, options);
      });
      afterAll(async () => {
        await s?.close();
      });
      beforeEach(({ onTestFailed }) => {
        onTestFailed(async () => {
          if (s?.diagnose) console.log(`diagnosis (${title} in ${browser}):\n${await s.diagnose()}`);
        });
      });
      body(() => {
        if (!s) throw new Error(`${browser} did not start`);
        return s;
      });
    });
  }
}
