/**
 * Faults (issue 6; in Firefox too since issue 14): the background is stopped at seeded random
 * points of a scripted Gmail session, and after every stop the sidebar must come back to the
 * right state for the draft on screen (same conversation, the draft's own flags, the mood), with
 * the agent's draft untouched in the editor.
 *
 * Chromium: the service worker is stopped through CDP (as Chrome stops an idle worker) while the
 * agent types, mid-analysis (just after the typing pause), after the flags are shown, during a
 * rule-pack change, twice in a row.
 *
 * Firefox: the background is an event page, which Firefox suspends once it has been idle for
 * extensions.background.idle.timeout (30 s by default; 1 s here, COOLDOWN_FIREFOX_IDLE_MS to
 * change). It is never suspended while events keep coming, so there is no "while typing": each
 * stop waits until Firefox has suspended it after the flags are shown, after a rule-pack change,
 * twice in a row; every round's draft is then typed into a suspended background, which must wake
 * and analyse it. With a 1 s timeout Firefox also suspends it on its own between the snapshots of
 * one draft (the agent still typing a second after the first was answered): counted apart. This
 * found that Firefox suspends an event page idle past its timeout as soon as a listener's reply
 * settles, losing the analysis the worker stored after replying (now stored before the reply).
 *
 * COOLDOWN_FAULT_SEED and COOLDOWN_FAULTS change the sequence and its length; the seed is
 * printed so a failure can be replayed.
 */
import { afterEach, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers } from './helpers/contract.ts';
import { attr, count, flagRules, innerText, POLL, sleep, storageDump, withApi } from './helpers/drive.ts';
import { seeded, waitUntil } from './helpers/kit.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed } from './helpers/sites.ts';

const SEED = Number(process.env.COOLDOWN_FAULT_SEED ?? 20_261_123);
const ROUNDS = Number(process.env.COOLDOWN_FAULTS ?? 12);
const FIREFOX_IDLE_MS = Number(process.env.COOLDOWN_FIREFOX_IDLE_MS ?? 1_000);

/** Drafts and the flags each must show, whatever happened to the worker. */
const DRAFTS: { text: string; flags: string[] }[] = [
  { text: "That's our policy, please calm down.", flags: ['avoid-calm-down', 'avoid-policy-talk'] },
  { text: 'I completely understand how frustrating that must be.', flags: [] },
  { text: 'Please calm down and wait.', flags: ['avoid-calm-down'] },
  { text: 'I hear you, and I will sort this out today.', flags: [] },
];
const POINTS = ['while typing', 'mid-analysis', 'after the flags', 'during a pack update', 'twice in a row'] as const;
type Point = typeof POINTS[number];
/** Firefox suspends an idle event page only: the points where nothing is happening. */
const POINTS_IN = { chromium: POINTS, firefox: ['after the flags', 'during a pack update', 'twice in a row'] } as const satisfies Record<string, readonly Point[]>;

describeInBrowsers('faults: background stopped at random points', { served: gmailServed, url: GMAIL_URL, extension: true, record: true, idleTimeoutMs: FIREFOX_IDLE_MS }, (s) => {
  let conversation: string;

  const draftOnScreen = async (): Promise<string> => (await innerText(s().site, GMAIL_EDITOR)).trim();
  const clear = async (): Promise<void> => {
    await s().site.click(GMAIL_EDITOR);
    await s().site.press('SelectAll');
    await s().site.press('Backspace');
  };
  const setPacks = async (i: number): Promise<void> => {
    // A pack-set change the engine must rebuild for, that changes no finding on these drafts.
    await withApi(await s().ext(), `api.storage.local.set({ packs: { version: 1, packs: [], disabledRules: ['no-such-rule-${i}'] } })`);
  };

  beforeAll(async () => {
    await waitUntil(async () => (await count(s().sidebar, '[data-testid="mood"]')) === 1, 'the mood');
    conversation = (await attr(s().sidebar, '[data-testid="sidebar"]', 'data-conversation')) ?? '';
  });

  it(`survives ${ROUNDS} stops at seeded random points (seed ${SEED})`, async () => {
    const { site: gmail, sidebar, browser } = s();
    const points: readonly Point[] = POINTS_IN[browser];
    const random = seeded(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    console.log(`faults in ${browser}: seed ${SEED}, ${ROUNDS} rounds (COOLDOWN_FAULT_SEED / COOLDOWN_FAULTS to change)${browser === 'firefox' ? `, event page suspended after ${FIREFOX_IDLE_MS} ms idle` : ''}`);
    let injected = 0;
    const byPoint = new Map<Point, number>();
    let previous: typeof DRAFTS[number] | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      // Every stop point appears at least once, then at random.
      const point = round < points.length ? points[round]! : pick(points);
      // Never the draft of the round before: the analysis shown must be this round's, not a leftover.
      const draft = pick(DRAFTS.filter((d) => d !== previous));
      previous = draft;
      const stops: Promise<boolean>[] = [];
      const where = `round ${round}, ${point}, draft "${draft.text}"`;
      if (process.env.DBG) console.log(`${new Date().toISOString()} ${where}`);
      await clear();
      if (point === 'while typing') {
        const typing = gmail.type(draft.text);
        await sleep(random() * draft.text.length * 10);
        stops.push(s().stopBackground());
        await typing;
      } else if (point === 'mid-analysis') {
        await gmail.type(draft.text);
        // The content script sends 400 ms after the last key; stop around then.
        await sleep(300 + random() * 400);
        stops.push(s().stopBackground());
      } else if (point === 'after the flags') {
        await gmail.type(draft.text);
        await expect.poll(() => flagRules(sidebar), { ...POLL, message: where }).toEqual(draft.flags);
        stops.push(s().stopBackground());
        await stops[0];
        // The sidebar renders from storage.session: nothing changes while the background is gone.
        expect(await flagRules(sidebar), where).toEqual(draft.flags);
      } else if (point === 'during a pack update') {
        await gmail.type(draft.text);
        await setPacks(round);
        await sleep(random() * 150);
        stops.push(s().stopBackground());
      } else {
        await gmail.type(draft.text);
        await sleep(300 + random() * 300);
        stops.push(s().stopBackground());
        await stops[0];
        await gmail.type(' ');
        await sleep(350 + random() * 200);
        stops.push(s().stopBackground());
      }
      const results = await Promise.all(stops);
      const n = results.filter(Boolean).length;
      injected += n;
      // Back to the right state: the analysis of this very draft (its length, its flags), same
      // conversation, the mood; and the agent's draft intact in the editor.
      const typed = point === 'twice in a row' ? `${draft.text} ` : draft.text;
      const tabKey = `tab:${await attr(sidebar, '[data-testid="sidebar"]', 'data-tab-id')}`;
      const shown = async () => {
        const state = (await storageDump(await s().ext(), 'session'))[tabKey] as { conversation?: { draftLength?: number } } | undefined;
        return { draftLength: state?.conversation?.draftLength, flags: await flagRules(sidebar) };
      };
      await expect.poll(shown, { ...POLL, message: where }).toEqual({ draftLength: typed.length, flags: draft.flags });
      expect(await attr(sidebar, '[data-testid="sidebar"]', 'data-conversation'), where).toBe(conversation);
      expect(await count(sidebar, '[data-testid="mood"]'), where).toBe(1);
      expect(await count(sidebar, '[data-testid="empty"]'), where).toBe(0);
      expect(await draftOnScreen(), where).toBe(draft.text);
      byPoint.set(point, (byPoint.get(point) ?? 0) + n);
    }
    // Every round asserted the recovered state above, so reaching here means all stops were
    // survived; what is left to check is that the stops really happened, at every kind of point
    // (a count of "survived" that only grows after those assertions equals "injected" by construction).
    // Firefox may also suspend the event page on its own between two snapshots of one draft:
    // counted apart from the stops waited for.
    const extra = s().suspensions ? `; ${s().suspensions!() - injected} more suspensions seen between them` : '';
    console.log(`faults in ${browser}: ${injected} background stops, all survived (${[...byPoint].map(([p, n]) => `${p}: ${n}`).join(', ')})${extra}`);
    expect(injected).toBeGreaterThanOrEqual(10);
    for (const p of points) expect(byPoint.get(p) ?? 0, `background stops that took effect at "${p}"`).toBeGreaterThan(0);
  }, Math.max(180_000, ROUNDS * 10_000));

  // Checked after every test, so it cannot pass by running alone (a lone 'no errors' test
  // after the others saw nothing when run by itself).
  afterEach(() => {
    expect(s().errors(), 'errors logged during this test').toEqual([]);
  });
});
