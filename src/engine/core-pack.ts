/**
 * The default pack, bundled. Its schema is checked on first use; the slower semantic checks
 * (every pattern parsed, every example run) are done where they cannot cost the agent anything:
 * by `cooldown pack check` in CI and by tests/unit/engine/rulepacks.test.ts. A worker that wakes
 * up cold does not repeat them (see `npm run bench`, cold-start).
 */
import core from '../../rules/core.json';
import { Pack } from './pack/schema.ts';

let cached: Pack | undefined;

export function corePack(): Pack {
  cached ??= Pack.parse(core);
  return cached;
}

/** Vocab lists later packs can use, since core is always layered first. */
export function coreVocab(): ReadonlyMap<string, readonly string[]> {
  return new Map(Object.entries(corePack().vocab ?? {}));
}
