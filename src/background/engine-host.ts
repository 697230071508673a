/**
 * Hosts the engine for the active pack set. Building a rule set compiles every pattern, so the
 * engine is kept for as long as the worker lives and rebuilt only when the packs change; after
 * a restart it is simply built again on first use. Each (tab, conversation) gets an engine
 * session, which re-analyses only what changed since the last snapshot. Sessions are a cache,
 * not state: a restarted worker starts new ones and gets the same analysis.
 */
import { createEngine, describeProblems, parsePack, type Engine, type Pack, type Session } from '../engine/index.ts';
import browser from '../shared/browser.ts';
import { parseSettings, SETTINGS_KEY } from '../shared/settings.ts';

let cached: { key: string; engine: Engine } | null = null;
/** Sessions by `${tabId}\u0000${conversationId}`, oldest first (Map keeps insertion order). */
const sessions = new Map<string, Session>();
/** Open conversations worth keeping warm; beyond this the least recently used is dropped. */
export const MAX_SESSIONS = 30;

async function activePacks(): Promise<{ key: string; packs: Pack[] }> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  const settings = parseSettings(got[SETTINGS_KEY]);
  const packs: Pack[] = [];
  for (const raw of settings.packs) {
    const r = parsePack(raw);
    if (r.ok) packs.push(r.pack);
    else console.warn(`Cooldown: skipped an invalid rule pack:\n${describeProblems(r.problems)}`);
  }
  return { key: JSON.stringify(settings.packs), packs };
}

export async function getEngine(): Promise<Engine> {
  const { key, packs } = await activePacks();
  if (!cached || cached.key !== key) cached = { key, engine: createEngine(packs) };
  return cached.engine;
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
