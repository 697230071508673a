/**
 * The default pack, bundled. It is validated like any other pack, once, on first use: a broken
 * core pack is a build error that tests catch, never a silent half-load.
 */
import core from '../../rules/core.json';
import { parsePack, describeProblems } from './pack/validate.ts';
import type { Pack } from './pack/schema.ts';

let cached: Pack | undefined;

export function corePack(): Pack {
  if (!cached) {
    const result = parsePack(core);
    if (!result.ok) throw new Error(`rules/core.json is invalid:\n${describeProblems(result.problems)}`);
    cached = result.pack;
  }
  return cached;
}

/** Vocab lists later packs can use, since core is always layered first. */
export function coreVocab(): ReadonlyMap<string, readonly string[]> {
  return new Map(Object.entries(corePack().vocab ?? {}));
}
