/**
 * Issue 13: the sidebar's first screen answers "what should I do now?". At 420 × 900 CSS pixels,
 * without scrolling, the agent sees the mood line, the threat in the customer's words with the
 * prompt to document it, the draft's open flags with their Replace buttons and the first next
 * step; a closed section opens on a click and is still open after the sidebar reloads. The angry
 * Zendesk ticket (a threat, several cues, a flagged draft) is the fullest first screen we have.
 */
import { expect, it } from 'vitest';
import type { Tab } from './helpers/browsers.ts';
import { describeInBrowsers } from './helpers/contract.ts';
import { POLICY_AND_CALM, ZENDESK_EDITOR, ZENDESK_URL, zendeskServed } from './helpers/sites.ts';

const EDITOR = ZENDESK_EDITOR('48213');
const WIDTH = 420;
const HEIGHT = 900;

interface Box { top: number; bottom: number; left: number; right: number }
interface Screen { scrollY: number; width: number; height: number; boxes: Record<string, Box | null> }

/** Where the first-screen pieces are, in viewport pixels (null: not rendered, or rendered hidden). */
const FIRST_SCREEN = `(() => {
  const box = (s) => {
    const el = document.querySelector(s);
    if (!el || el.getClientRects().length === 0) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  return {
    scrollY: window.scrollY, width: window.innerWidth, height: window.innerHeight,
    boxes: {
      mood: box('[data-testid="mood"]'),
      trend: box('[data-testid="mood-trend"]'),
      safety: box('[data-testid="safety"]'),
      document: box('[data-testid="safety"] [data-prompt="document"]'),
      flag: box('[data-testid="flag"]'),
      replace: box('[data-testid="flag"] [data-testid="replace"]'),
      next: box('[data-testid="suggestion"]'),
      insert: box('[data-testid="suggestion"] [data-testid="insert"]'),
    },
  };
})()`;

const POLL = { timeout: 10_000, interval: 100 };
/** Waits until the expression is truthy (polled from here: Chromium's extension CSP refuses waitForFunction's string eval). */
const until = (tab: Tab, expression: string): Promise<void> => expect.poll(() => tab.eval(expression), POLL).toBeTruthy();

const openOf = (id: string): string => `document.querySelector('[data-section="${id}"]')?.getAttribute('data-open') ?? null`;
const visible = (selector: string): string => `(() => { const el = document.querySelector('${selector}'); return !!el && el.getClientRects().length > 0; })()`;
/** The stored record, read through the page's own extension API (Firefox: browser, Chromium: chrome). */
const STORED = `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  return (await api.storage.local.get('sidebarSections')).sidebarSections ?? null;
})()`;

describeInBrowsers('sidebar first screen at 420 × 900', { served: zendeskServed, url: ZENDESK_URL, extension: true }, (s) => {
  it('the mood line, the threat to document, an open flag and the first next step are on screen without scrolling', async () => {
    const { site, sidebar } = s();
    await sidebar.viewport(WIDTH, HEIGHT);
    await until(sidebar, `document.querySelector('[data-testid="mood"]')?.getAttribute('data-score')`);
    await site.click(EDITOR);
    await site.type(POLICY_AND_CALM);
    await until(sidebar, `document.querySelectorAll('[data-testid="flag"]').length > 0 && document.querySelectorAll('[data-testid="suggestion"]').length > 0`);

    const screen = await sidebar.eval<Screen>(FIRST_SCREEN);
    expect(screen.width).toBe(WIDTH);
    expect(screen.height).toBe(HEIGHT);
    expect(screen.scrollY).toBe(0);
    for (const [name, box] of Object.entries(screen.boxes)) {
      expect(box, `${name} is rendered and visible`).not.toBeNull();
      expect(box!.top, `${name} top`).toBeGreaterThanOrEqual(0);
      expect(box!.bottom, `${name} bottom`).toBeLessThanOrEqual(HEIGHT);
      expect(box!.right, `${name} right`).toBeLessThanOrEqual(WIDTH);
    }
    // At most two next steps up here; the rest, and everything else, waits in closed sections.
    expect(await sidebar.eval<number>(`document.querySelectorAll('[data-testid="first-screen"] [data-testid="suggestion"]').length`)).toBeLessThanOrEqual(2);
    expect(await sidebar.eval<string[]>(`Array.from(document.querySelectorAll('[data-testid="section"]')).map((e) => e.getAttribute('data-open'))`)).not.toContain('true');
    expect(await sidebar.eval<boolean>(visible('[data-testid="step"]'))).toBe(false);
  });

  it('a closed section opens on a click and is still open after the sidebar reloads', async () => {
    const { sidebar } = s();
    expect(await sidebar.eval(openOf('playbook'))).toBe('false');
    expect(await sidebar.eval(`document.querySelector('[data-section="playbook"] [data-testid="section-toggle"]').getAttribute('aria-expanded')`)).toBe('false');

    await sidebar.click('[data-section="playbook"] [data-testid="section-toggle"]');
    await until(sidebar, `${openOf('playbook')} === 'true'`);
    expect(await sidebar.eval<boolean>(visible('[data-testid="step"]'))).toBe(true);
    expect(await sidebar.eval(`document.querySelector('[data-section="playbook"] [data-testid="section-toggle"]').getAttribute('aria-expanded')`)).toBe('true');
    // The worker stored the choice (the reload must not pass on the page's memory alone).
    await expect.poll(() => sidebar.eval(STORED), POLL).toMatchObject({ open: { playbook: true } });

    await sidebar.reload();
    await until(sidebar, `document.querySelector('[data-testid="mood"]')?.getAttribute('data-score')`);
    await until(sidebar, `${openOf('playbook')} === 'true'`);
    expect(await sidebar.eval<boolean>(visible('[data-testid="step"]'))).toBe(true);
    expect(await sidebar.eval(openOf('note'))).toBe('false'); // the others as they were: closed

    // And closing is remembered too.
    await sidebar.click('[data-section="playbook"] [data-testid="section-toggle"]');
    await until(sidebar, `${openOf('playbook')} === 'false'`);
    await expect.poll(() => sidebar.eval(STORED), POLL).toMatchObject({ open: { playbook: false } });
    await sidebar.reload();
    await until(sidebar, `document.querySelector('[data-testid="mood"]')?.getAttribute('data-score')`);
    expect(await sidebar.eval(openOf('playbook'))).toBe('false');
  });
});
