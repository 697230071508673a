/**
 * Memoisation of pure per-text work (segment matches, a message's mood, a paraphrase), keyed by
 * content. Values are never mutated by their readers, so a hit is exactly the value a fresh
 * computation would return: an incremental analysis equals a full one.
 */
export interface Memo {
  get<T>(key: string, compute: () => T): T;
}

/** No memo: every call computes. The full, non-incremental analysis. */
export const NO_MEMO: Memo = { get: (_key, compute) => compute() };

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
  let current = new Map<string, unknown>();
  let previous = new Map<string, unknown>();
  return {
    get<T>(key: string, compute: () => T): T {
      if (current.has(key)) return current.get(key) as T;
      const value = previous.has(key) ? (previous.get(key) as T) : compute();
      current.set(key, value);
      return value;
    },
    advance() {
      previous = current;
      current = new Map();
    },
    get size() {
      return current.size + previous.size;
    },
  };
}

/** For one-off analyses of many conversations (CLI batches, eval): bounded, dropped whole when full. */
export function createBoundedMemo(limit = 5_000): Memo {
  let map = new Map<string, unknown>();
  return {
    get<T>(key: string, compute: () => T): T {
      if (map.has(key)) return map.get(key) as T;
      const value = compute();
      if (map.size >= limit) map = new Map();
      map.set(key, value);
      return value;
    },
  };
}
