/**
 * Hosts the engine for the active pack set. Building a rule set compiles every pattern, so the
 * engine is kept for as long as the worker lives and rebuilt only when the packs change; after
 * a restart it is simply built again on first use (it holds no state that must survive).
 */
import { createEngine, describeProblems, parsePack, type Engine, type Pack } from '../engine/index.ts';
import browser from '../shared/browser.ts';
import { parseSettings, SETTINGS_KEY } from '../shared/settings.ts';

let cached: { key: string; engine: Engine } | null = null;

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
