/**
 * Issue 14: the worker records the agent's wellbeing (how heated each conversation got) where it
 * writes a ready analysis for a tab, by a direct call, no longer by listening to its own
 * storage.session writes. The snapshot handler runs here against an in-memory WebExtension API.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const local = new Map<string, unknown>();
  const session = new Map<string, unknown>();
  /** While set, reading the wellbeing record waits for it (a slow storage.local). */
  let gate: Promise<void> | null = null;
  const area = (map: Map<string, unknown>, slow = false) => ({
    get: async (key: string | null) => {
      if (slow && key === 'wellbeing' && gate) await gate;
      return key === null ? Object.fromEntries(map) : map.has(key) ? { [key]: structuredClone(map.get(key)) } : {};
    },
    set: async (items: Record<string, unknown>) => { for (const [k, v] of Object.entries(items)) map.set(k, structuredClone(v)); },
    remove: async (key: string) => { map.delete(key); },
  });
  const browser = {
    runtime: { id: 'cooldown-test', getURL: (p: string) => `chrome-extension://cooldown-test/${p}` },
    storage: { local: area(local, true), session: area(session) },
    tabs: { sendMessage: async () => undefined },
  };
  return { browser, local, session, hold: (p: Promise<void> | null) => { gate = p; } };
});
vi.mock('../../../src/shared/browser.ts', () => ({ default: fake.browser, isContextInvalidated: () => false }));

const { onNoConversation, onSnapshot } = await import('../../../src/background/handlers/snapshot.ts');
const { recordWorked } = await import('../../../src/background/handlers/wellbeing.ts');
const { parseTabState, tabKey } = await import('../../../src/shared/state.ts');
const { parseWellbeing, peakOf } = await import('../../../src/shared/wellbeing.ts');

const TAB = 7;
const sender = { id: 'cooldown-test', frameId: 0, tab: { id: TAB } as never, url: 'https://mail.google.com/mail/u/0/#inbox/abc' };
const ANGRY = 'This is the third time you people ignored me. I am furious, your service is useless and I want my money back NOW!!!';

function snapshot(id: string, text = ANGRY) {
  return {
    kind: 'content/snapshot' as const,
    snapshot: { site: 'gmail' as const, id, messages: [{ role: 'customer' as const, text }], draft: 'Hi,', hasEditor: true },
  };
}

/** Lets queued storage steps run (each is a few awaited promises). */
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(() => {
  fake.local.clear();
  fake.session.clear();
  fake.hold(null);
});

describe('wellbeing from the snapshot handler', () => {
  it('a ready analysis records its conversation\'s peak mood, as stored with the tab', async () => {
    expect(await onSnapshot(snapshot('thread-1'), sender)).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(fake.local.has('wellbeing')).toBe(true));
    const state = parseTabState(fake.session.get(tabKey(TAB)));
    expect(state?.status).toBe('ready');
    const { peak, heated } = peakOf(state!.analysis!.mood);
    expect(peak).toBeGreaterThan(0);
    expect(parseWellbeing(fake.local.get('wellbeing')).recent).toEqual([{ id: 'thread-1', peak, heated, at: expect.any(Number) }]);
  });

  it('a tab with no conversation records nothing', async () => {
    await onNoConversation({ kind: 'content/no-conversation', site: 'gmail' }, sender);
    await settle();
    expect(parseTabState(fake.session.get(tabKey(TAB)))?.status).toBe('no-conversation');
    expect(fake.local.has('wellbeing')).toBe(false);
  });

  it('recordWorked ignores any state that is not a ready analysis', async () => {
    await onSnapshot(snapshot('thread-2'), sender);
    await vi.waitFor(() => expect(fake.local.has('wellbeing')).toBe(true));
    const ready = parseTabState(fake.session.get(tabKey(TAB)))!;
    fake.local.clear();
    await recordWorked({ ...ready, status: 'no-conversation', conversation: null, analysis: null });
    await recordWorked({ ...ready, status: 'no-conversation' }); // the status decides, not what else it holds
    await recordWorked({ ...ready, analysis: null });
    await recordWorked({ ...ready, conversation: null });
    expect(fake.local.has('wellbeing')).toBe(false);
    await recordWorked(ready);
    expect(parseWellbeing(fake.local.get('wellbeing')).recent.map((w) => w.id)).toEqual(['thread-2']);
  });

  it('the snapshot\'s reply waits for the wellbeing record (Firefox suspends an idle event page once the reply settles)', async () => {
    let release = (): void => undefined;
    fake.hold(new Promise<void>((r) => { release = r; }));
    let replied = false;
    const reply = onSnapshot(snapshot('thread-3'), sender).then((r) => { replied = true; return r; });
    await settle();
    expect(replied).toBe(false);
    expect(fake.local.has('wellbeing')).toBe(false);
    release();
    expect(await reply).toMatchObject({ ok: true, inEditor: { draft: 'Hi,' } });
    expect(parseWellbeing(fake.local.get('wellbeing')).recent.map((w) => w.id)).toEqual(['thread-3']);
  });
});

describe('a marks-only send (issue 13: the word-boundary send for the composer)', () => {
  const marksOnly = (id: string, draft: string) => ({ ...snapshot(id), snapshot: { ...snapshot(id).snapshot, draft }, marksOnly: true as const });

  it('answers the draft\'s flags but stores nothing for the sidebar and records no wellbeing', async () => {
    const reply = await onSnapshot(marksOnly('thread-4', 'Please calm down.'), sender);
    expect(reply).toMatchObject({ ok: true, inEditor: { draft: 'Please calm down.' } });
    const flagged = (reply as { inEditor: { flags: { text: string }[] } }).inEditor.flags.map((f) => f.text.toLowerCase());
    expect(flagged).toContain('calm down');
    await settle();
    expect(fake.session.has(tabKey(TAB))).toBe(false);
    expect(fake.local.has('wellbeing')).toBe(false);
  });

  it('does not take the turn of the pause\'s send in flight: that one still stores its analysis', async () => {
    const pause = onSnapshot({ ...snapshot('thread-5'), snapshot: { ...snapshot('thread-5').snapshot, draft: 'Please calm down.' } }, sender);
    const marks = onSnapshot(marksOnly('thread-5', 'Please calm down. Our'), sender);
    await Promise.all([pause, marks]);
    await vi.waitFor(() => expect(parseTabState(fake.session.get(tabKey(TAB)))?.conversation?.draftLength).toBe('Please calm down.'.length));
  });
});

