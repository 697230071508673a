/**
 * Issue 14: one "follow stored state" helper module. Its point beyond deduplication: a change that
 * arrives while the first read is in flight must win, or a page shows an older value until the
 * next change (each hand-written copy set the first read's value whenever it resolved).
 */
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const listeners = new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>();
  let release: (v: Record<string, unknown>) => void = () => undefined;
  const browser = {
    storage: {
      onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) },
      local: { get: () => new Promise<Record<string, unknown>>((r) => { release = r; }) },
      session: { get: async () => ({}) },
    },
  };
  return { browser, listeners, release: (v: Record<string, unknown>) => release(v) };
});
vi.mock('../../../src/shared/browser.ts', () => ({ default: fake.browser }));
const { followChanges, followKey } = await import('../../../src/shared/follow.ts');

describe('followKey', () => {
  it('a change during the first read wins over the (older) value that read returns', async () => {
    const seen: unknown[] = [];
    const stop = followKey('local', 'settings', (v) => seen.push(v));
    for (const l of fake.listeners) l({ settings: { newValue: 'new' } }, 'local');
    fake.release({ settings: 'old' });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['new']);
    stop();
    expect(fake.listeners.size).toBe(0);
  });

  it('reads the value now, then follows changes of its key in its area only', async () => {
    const seen: unknown[] = [];
    const stop = followKey('local', 'settings', (v) => seen.push(v));
    fake.release({ settings: 'first' });
    await new Promise((r) => setTimeout(r, 0));
    for (const l of fake.listeners) {
      l({ settings: { newValue: 'session-area' } }, 'session');
      l({ other: { newValue: 'x' } }, 'local');
      l({ settings: { newValue: 'second' } }, 'local');
    }
    expect(seen).toEqual(['first', 'second']);
    stop();
  });
});

describe('followChanges', () => {
  it('refreshes now, then on a change of a followed key, or of any key in an area followed whole', () => {
    let runs = 0;
    const stop = followChanges({ local: ['packs'], managed: '*' }, () => runs++);
    expect(runs).toBe(1);
    const emit = (changes: Record<string, { newValue?: unknown }>, area: string): void => { for (const l of fake.listeners) l(changes, area); };
    emit({ packs: { newValue: 1 } }, 'local');
    expect(runs).toBe(2);
    emit({ settings: { newValue: 1 } }, 'local'); // another key
    emit({ packs: { newValue: 1 } }, 'session'); // another area
    emit({ packs: { newValue: 1 } }, 'sync'); // an area not followed
    expect(runs).toBe(2);
    emit({ lock: { newValue: true } }, 'managed');
    emit({ disabledRules: { newValue: [] } }, 'managed');
    expect(runs).toBe(4);
    emit({ settings: { newValue: 1 }, packs: { newValue: 2 } }, 'local'); // one change event, one refresh
    expect(runs).toBe(5);
    stop();
    expect(fake.listeners.size).toBe(0);
    emit({ packs: { newValue: 3 } }, 'local');
    expect(runs).toBe(5);
  });
});
