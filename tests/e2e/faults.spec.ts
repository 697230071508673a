/**
 * Faults (issue 6): the service worker is stopped through CDP at seeded random points of a
 * scripted Gmail session — while the agent types, mid-analysis (just after the typing pause),
 * after the flags are shown, during a rule-pack change, twice in a row — and after every stop
 * the sidebar must come back to the right state for the draft on screen (same conversation,
 * the draft's own flags, the mood), with the agent's draft untouched in the editor.
 *
 * COOLDOWN_FAULT_SEED and COOLDOWN_FAULTS change the sequence and its length; the seed is
 * printed so a failure can be replayed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { flagRules, launchKit, POLL, seeded, sidebarFor, stopWorker, storageDump, waitUntil, type Kit } from './helpers/kit.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed } from './helpers/sites.ts';

const SEED = Number(process.env.COOLDOWN_FAULT_SEED ?? 20_261_123);
const ROUNDS = Number(process.env.COOLDOWN_FAULTS ?? 12);

/** Drafts and the flags each must show, whatever happened to the worker. */
const DRAFTS: { text: string; flags: string[] }[] = [
  { text: "That's our policy, please calm down.", flags: ['avoid-calm-down', 'avoid-policy-talk'] },
  { text: 'I completely understand how frustrating that must be.', flags: [] },
  { text: 'Please calm down and wait.', flags: ['avoid-calm-down'] },
  { text: 'I hear you, and I will sort this out today.', flags: [] },
];
const POINTS = ['while typing', 'mid-analysis', 'after the flags', 'during a pack update', 'twice in a row'] as const;
type Point = typeof POINTS[number];

describe('faults in Chromium: worker stopped at random points', () => {
  let k: Kit;
  let gmail: Page;
  let sidebar: Page;
  let conversation: string;

  const draftOnScreen = async (): Promise<string> => (await gmail.locator(GMAIL_EDITOR).innerText()).replace(/\u00a0/g, ' ').trim();
  const clear = async (): Promise<void> => {
    await gmail.locator(GMAIL_EDITOR).click();
    await gmail.keyboard.press('ControlOrMeta+A');
    await gmail.keyboard.press('Backspace');
  };
  const setPacks = (i: number): Promise<void> => k.ext.evaluate(async (n) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    // A pack-set change the engine must rebuild for, that changes no finding on these drafts.
    await api.storage.local.set({ packs: { version: 1, packs: [], disabledRules: [`no-such-rule-${n}`] } });
  }, i);

  beforeAll(async () => {
    k = await launchKit([gmailServed]);
    gmail = k.watch(await k.context.newPage(), 'gmail');
    await gmail.goto(GMAIL_URL);
    sidebar = await sidebarFor(k, gmail);
    await waitUntil(async () => (await sidebar.locator('[data-testid="mood"]').count()) === 1, 'the mood');
    conversation = (await sidebar.locator('[data-testid="sidebar"]').getAttribute('data-conversation')) ?? '';
  });
  afterAll(async () => {
    await k?.close();
  });

  it(`survives ${ROUNDS} stops at seeded random points (seed ${SEED})`, async () => {
    const random = seeded(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    console.log(`faults: seed ${SEED}, ${ROUNDS} rounds (COOLDOWN_FAULT_SEED / COOLDOWN_FAULTS to change)`);
    let injected = 0;
    const byPoint = new Map<Point, number>();
    for (let round = 0; round < ROUNDS; round++) {
      // Every stop point appears at least once, then at random.
      const point = round < POINTS.length ? POINTS[round]! : pick(POINTS);
      const draft = pick(DRAFTS);
      const stops: Promise<boolean>[] = [];
      await clear();
      if (point === 'while typing') {
        const typing = gmail.keyboard.type(draft.text, { delay: 12 });
        await new Promise((r) => setTimeout(r, random() * draft.text.length * 12));
        stops.push(stopWorker(k, sidebar));
        await typing;
      } else if (point === 'mid-analysis') {
        await gmail.keyboard.type(draft.text, { delay: 5 });
        // The content script sends 400 ms after the last key; stop around then.
        await new Promise((r) => setTimeout(r, 300 + random() * 400));
        stops.push(stopWorker(k, sidebar));
      } else if (point === 'after the flags') {
        await gmail.keyboard.type(draft.text, { delay: 5 });
        await expect.poll(() => flagRules(sidebar), POLL).toEqual(draft.flags);
        stops.push(stopWorker(k, sidebar));
        await stops[0];
        // The sidebar renders from storage.session: nothing changes while the worker is gone.
        expect(await flagRules(sidebar)).toEqual(draft.flags);
      } else if (point === 'during a pack update') {
        await gmail.keyboard.type(draft.text, { delay: 5 });
        await setPacks(round);
        await new Promise((r) => setTimeout(r, random() * 150));
        stops.push(stopWorker(k, sidebar));
      } else {
        await gmail.keyboard.type(draft.text, { delay: 5 });
        await new Promise((r) => setTimeout(r, 300 + random() * 300));
        stops.push(stopWorker(k, sidebar));
        await stops[0];
        await gmail.keyboard.type(' ', { delay: 0 });
        await new Promise((r) => setTimeout(r, 350 + random() * 200));
        stops.push(stopWorker(k, sidebar));
      }
      const results = await Promise.all(stops);
      const n = results.filter(Boolean).length;
      injected += n;
      // Back to the right state: the analysis of this very draft (its length, its flags), same
      // conversation, the mood; and the agent's draft intact in the editor.
      const typed = point === 'twice in a row' ? `${draft.text} ` : draft.text;
      const tabKey = `tab:${await sidebar.locator('[data-testid="sidebar"]').getAttribute('data-tab-id')}`;
      const shown = async () => {
        const state = (await storageDump(k, 'session'))[tabKey] as { conversation?: { draftLength?: number } } | undefined;
        return { draftLength: state?.conversation?.draftLength, flags: await flagRules(sidebar) };
      };
      await expect.poll(shown, POLL).toEqual({ draftLength: typed.length, flags: draft.flags });
      expect(await sidebar.locator('[data-testid="sidebar"]').getAttribute('data-conversation')).toBe(conversation);
      expect(await sidebar.locator('[data-testid="mood"]').count()).toBe(1);
      expect(await sidebar.locator('[data-testid="empty"]').count()).toBe(0);
      expect(await draftOnScreen()).toBe(draft.text);
      byPoint.set(point, (byPoint.get(point) ?? 0) + n);
    }
    // Every round asserted the recovered state above, so reaching here means all stops were
    // survived; what is left to check is that the stops really happened, at every kind of point
    // (a count of "survived" that only grows after those assertions equals "injected" by construction).
    console.log(`faults: ${injected} worker stops injected, all survived (${[...byPoint].map(([p, n]) => `${p}: ${n}`).join(', ')})`);
    expect(injected).toBeGreaterThanOrEqual(10);
    for (const p of POINTS) expect(byPoint.get(p) ?? 0, `worker stops that took effect at "${p}"`).toBeGreaterThan(0);
  }, 180_000);

  // Checked after every test, so it cannot pass by running alone (a lone 'no errors' test
  // after the others saw nothing when run by itself).
  afterEach(() => {
    expect(k.errors(), 'errors logged during this test').toEqual([]);
  });
});
