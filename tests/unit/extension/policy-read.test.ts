/**
 * Chrome's `storage.managed.get` waits for the browser's policy service, which can take seconds
 * after a fresh start and in some builds never answers. The worker must coach anyway: the engine
 * is built with the policy last seen (kept in storage.local), and a policy that arrives late is
 * treated as a policy change. Runs against an in-memory WebExtension API whose managed storage
 * answers only when the test says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const local = new Map<string, unknown>();
  let answer: ((raw: Record<string, unknown>) => void) | null = null;
  let mode: 'hang' | 'now' = 'hang';
  let now: Record<string, unknown> = {};
  const calls = { managed: 0 };
  const browser = {
    runtime: { id: 'cooldown-test', getURL: (p: string) => `chrome-extension://cooldown-test/${p}` },
    storage: {
      local: {
        get: async (key: string | null) => (key === null ? Object.fromEntries(local) : local.has(key) ? { [key]: structuredClone(local.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => { for (const [k, v] of Object.entries(items)) local.set(k, structuredClone(v)); },
        remove: async (key: string) => { local.delete(key); },
      },
      managed: {
        get: () => {
          calls.managed++;
          return mode === 'now' ? Promise.resolve(now) : new Promise<Record<string, unknown>>((resolve) => { answer = resolve; });
        },
      },
    },
  };
  return {
    browser, local, calls,
    hang: () => { mode = 'hang'; },
    answerNow: (raw: Record<string, unknown>) => { mode = 'now'; now = raw; },
    /** The stuck read answers at last. */
    arrive: (raw: Record<string, unknown>) => answer?.(raw),
    reset: () => { local.clear(); answer = null; mode = 'hang'; calls.managed = 0; },
  };
});
vi.mock('../../../src/shared/browser.ts', () => ({ default: fake.browser, isContextInvalidated: () => false }));

const POLICY = { disabledRules: ['avoid-calm-down'], lock: true };

async function load() {
  vi.resetModules();
  const storage = await import('../../../src/background/handlers/packs-storage.ts');
  const host = await import('../../../src/background/engine-host.ts');
  return { ...storage, ...host };
}

beforeEach(() => {
  fake.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('reading the policy while the policy service does not answer', () => {
  it('builds the engine and coaches after the wait, instead of waiting for good', async () => {
    const { sessionFor, POLICY_WAIT_MS } = await load();
    let session: unknown = null;
    void sessionFor(1, 'gmail:a').then((s) => { session = s; });
    await vi.advanceTimersByTimeAsync(POLICY_WAIT_MS + 10);
    expect(session).not.toBeNull();
  });

  it('keeps the policy last seen in force: its disabled rules stay disabled', async () => {
    fake.local.set('policyLastSeen', POLICY);
    const { getEngine, POLICY_WAIT_MS } = await load();
    const built = getEngine();
    await vi.advanceTimersByTimeAsync(POLICY_WAIT_MS + 10);
    const engine = await built;
    const calm = engine.analyze({ id: 'x', site: 'gmail', messages: [{ role: 'customer', text: 'Where is my parcel?' }], draft: 'Please calm down.' });
    expect(calm.flags.map((f) => f.ruleId)).not.toContain('avoid-calm-down');
  });

  it('waits once: while the read is stuck, the next reads use the policy last seen at once', async () => {
    fake.local.set('policyLastSeen', POLICY);
    const { readPolicyArea, POLICY_WAIT_MS } = await load();
    const first = readPolicyArea();
    await vi.advanceTimersByTimeAsync(POLICY_WAIT_MS + 10);
    expect((await first).disabledRules).toEqual(POLICY.disabledRules);
    let second: { disabledRules: string[] } | null = null;
    void readPolicyArea().then((p) => { second = p; });
    await vi.advanceTimersByTimeAsync(1);
    expect(second).not.toBeNull();
    expect(second!.disabledRules).toEqual(POLICY.disabledRules);
    expect(fake.calls.managed).toBe(1);
  });

  it('a policy that arrives late is kept and announced as a change; the same one is not', async () => {
    const { readPolicyArea, onLatePolicy, POLICY_WAIT_MS } = await load();
    const arrived: string[][] = [];
    onLatePolicy((p) => arrived.push(p.disabledRules));
    const first = readPolicyArea();
    await vi.advanceTimersByTimeAsync(POLICY_WAIT_MS + 10);
    expect((await first).disabledRules).toEqual([]);
    fake.arrive(POLICY);
    await vi.advanceTimersByTimeAsync(10);
    expect(arrived).toEqual([POLICY.disabledRules]);
    expect(fake.local.get('policyLastSeen')).toEqual(POLICY);

    // A later stuck read that ends with the policy already in force changes nothing.
    const again = readPolicyArea();
    await vi.advanceTimersByTimeAsync(POLICY_WAIT_MS + 10);
    expect((await again).disabledRules).toEqual(POLICY.disabledRules);
    fake.arrive(POLICY);
    await vi.advanceTimersByTimeAsync(10);
    expect(arrived).toHaveLength(1);
  });

  it('a prompt answer is used as it is and remembered; an empty policy forgets the old one', async () => {
    fake.answerNow(POLICY);
    const { readPolicyArea } = await load();
    expect((await readPolicyArea()).lock).toBe(true);
    expect(fake.local.get('policyLastSeen')).toEqual(POLICY);
    fake.answerNow({});
    expect((await readPolicyArea()).lock).toBe(false);
    expect(fake.local.has('policyLastSeen')).toBe(false);
  });
});
