/**
 * Memoisation of pure per-text work (segment matches, a message's mood, a paraphrase), keyed by
 * content. Values are never mutated by their readers, so a hit is exactly the value a fresh
 * computation would return: an incremental analysis equals a full one. Keys are the texts
 * themselves, one map per kind of work (`space`), so no key is a concatenated copy of a message.
 */
export interface Memo {
  get<T>(space: string, key: string, compute: () => T): T;
}

/** No memo: every call computes. The full, non-incremental analysis. */
export const NO_MEMO: Memo = { get: (_space, _key, compute) => compute() };

type Store = Map<string, Map<string, unknown>>;

function lookup(store: Store, space: string, key: string): { hit: boolean; value: unknown } {
  const map = store.get(space);
  return map?.has(key) ? { hit: true, value: map.get(key) } : { hit: false, value: undefined };
}

function put(store: Store, space: string, key: string, value: unknown): void {
  let map = store.get(space);
  if (!map) store.set(space, (map = new Map()));
  map.set(key, value);
}

function count(store: Store): number {
  let n = 0;
  for (const map of store.values()) n += map.size;
  return n;
}

/**
 * For a conversation that is analysed again and again (a session): keeps what the last two
 * updates used and forgets the rest, so memory follows the conversation's size, and undo (back to
 * the previous text) is still a hit.
 */
export interface GenerationalMemo extends Memo {
  /** Call after each update: what was not used in it or the one before is dropped. */
  advance(): void;
  readonly size: number;
}

export function createGenerationalMemo(): GenerationalMemo {
  let current: Store = new Map();
  let previous: Store = new Map();
  return {
    get<T>(space: string, key: string, compute: () => T): T {
      const now = lookup(current, space, key);
      if (now.hit) return now.value as T;
      const before = lookup(previous, space, key);
      const value = before.hit ? (before.value as T) : compute();
      put(current, space, key, value);
      return value;
    },
    advance() {
      previous = current;
      current = new Map();
    },
    get size() {
      return count(current) + count(previous);
    },
  };
}

/** For one-off analyses of many conversations (CLI batches, eval): bounded, dropped whole when full. */
export function createBoundedMemo(limit = 5_000): Memo {
  let store: Store = new Map();
  return {
    get<T>(space: string, key: string, compute: () => T): T {
      const found = lookup(store, space, key);
      if (found.hit) return found.value as T;
      const value = compute();
      if (count(store) >= limit) store = new Map();
      put(store, space, key, value);
      return value;
    },
  };
}
