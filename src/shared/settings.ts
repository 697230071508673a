/**
 * Settings that live in `storage.local`. Issue 4 grows this into the full options schema with
 * versions and migrations; for now it holds what the extension already reads: extra rule packs
 * and the origins the agent enabled for the generic adapter.
 */
import { z } from 'zod';

export const SETTINGS_KEY = 'settings';
export const MAX_GENERIC_ORIGINS = 200;

export const Settings = z.object({
  /** Rule packs (JSON, parsed by the engine's pack validator) on top of core. */
  packs: z.array(z.unknown()).max(50).default([]),
});
export type Settings = z.infer<typeof Settings>;

export function parseSettings(raw: unknown): Settings {
  const r = Settings.safeParse(raw ?? {});
  return r.success ? r.data : Settings.parse({});
}
