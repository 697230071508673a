/**
 * Hosts the engine for the active pack set: core, then the enabled team packs in layering
 * order (src/shared/packs-store.ts `layerPacks`), minus the disabled rules. Building a rule set
 * compiles every pattern, so the engine is kept for as long as the worker lives and rebuilt only
 * when the packs or the policy change (`invalidateEngine`, from storage.onChanged); after a
 * restart it is simply built again on first use.
 *
 * A pack that fails validation is skipped, never fatal: coaching goes on with the others. If
 * building still throws, the last good engine stays in force (or core alone after a restart).
 *
 * Each (tab, conversation) gets an engine session, which re-analyses only what changed since the
 * last snapshot. Sessions are a cache, not state: a restarted worker starts new ones and gets
 * the same analysis.
 */
import { createEngine, describeProblems, type Engine, type Session } from '../engine/index.ts';
import { layerPacks } from '../shared/packs-store.ts';
import { readPacksState, readPolicyArea } from './handlers/packs-storage.ts';

let cached: Engine | null = null;
let lastGood: Engine | null = null;
/** Bumped on every invalidation, so a build that raced a change is not cached. */
let generation = 0;
/** Sessions by `${tabId}\u0000${conversationId}`, oldest first (Map keeps insertion order). */
const sessions = new Map<string, Session>();
/** Open conversations worth keeping warm; beyond this the least recently used is dropped. */
export const MAX_SESSIONS = 30;

export function invalidateEngine(): void {
  generation++;
  cached = null;
}

async function build(): Promise<Engine> {
  const [{ state }, policy] = await Promise.all([readPacksState(), readPolicyArea()]);
  const layered = layerPacks(state, policy);
  for (const e of layered.entries) {
    if (e.status === 'invalid') console.warn(`Cooldown: skipped an invalid rule pack (${e.entry.key}):\n${describeProblems(e.problems)}`);
  }
  try {
    return createEngine(layered.packs, { disabledRules: layered.disabledRules });
  } catch (err) {
    console.warn('Cooldown: could not build the engine from the packs; keeping the previous one', err);
    return lastGood ?? createEngine([]);
  }
}

export async function getEngine(): Promise<Engine> {
  if (cached) return cached;
  const at = generation;
  const engine = await build();
  if (at === generation) cached = engine;
  lastGood = engine;
  return engine;
}

/** The session for a tab's conversation; a tab keeps only its current conversation's session. */
export async function sessionFor(tabId: number, conversationId: string): Promise<Session> {
  const engine = await getEngine();
  const key = `${tabId}\u0000${conversationId}`;
  let session = sessions.get(key);
  if (session && session.rules !== engine.rules) session = undefined; // packs changed
  sessions.delete(key);
  for (const k of sessions.keys()) if (k.startsWith(`${tabId}\u0000`)) sessions.delete(k);
  session ??= engine.session();
  sessions.set(key, session);
  while (sessions.size > MAX_SESSIONS) {
    const oldest = sessions.keys().next().value;
    if (oldest === undefined) break;
    sessions.delete(oldest);
  }
  return session;
}

export function dropSessions(tabId: number): void {
  for (const k of sessions.keys()) if (k.startsWith(`${tabId}\u0000`)) sessions.delete(k);
}
