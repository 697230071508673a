/**
 * Settings that live in `storage.local` under one key, as a versioned schema with named caps.
 * Older records are migrated (v1 had no `version` and held only `packs`; v2 still carried that
 * `packs` field, never read since rule packs moved to `storage.local["packs"]`, and v3 drops it);
 * a record written by a
 * newer Cooldown is not guessed at: the defaults apply and `problem` says why. Unknown keys are
 * dropped. Writes go through `planSettings` (pure: old record + patch → new record), then one
 * `storage.local.set` by the worker (pages send `options/save-settings`), so a change of one
 * field never clobbers another.
 */
import * as z from 'zod';

export const SETTINGS_VERSION = 3;
import { DEFAULT_TYPING_PAUSE_MS, MAX_TYPING_PAUSE_MS, MIN_TYPING_PAUSE_MS, SETTINGS_KEY } from './limits.ts';
import { BUILT_IN_SITE_IDS, type BuiltInSiteId } from '../sites/registry.ts';

export { DEFAULT_TYPING_PAUSE_MS, MAX_TYPING_PAUSE_MS, MIN_TYPING_PAUSE_MS, SETTINGS_KEY };
/** Heated conversations in a row before the break tip shows (see src/shared/wellbeing.ts). */
export const MIN_BREAK_AFTER = 2;
export const MAX_BREAK_AFTER = 20;

/** Sites with a built-in adapter (the site registry); each can be switched off. The generic adapter is per origin (host permissions). */
export const SITE_SWITCHES = BUILT_IN_SITE_IDS;
export type SiteSwitch = BuiltInSiteId;
const SiteSwitches = z.object(Object.fromEntries(SITE_SWITCHES.map((id) => [id, z.boolean().default(true)])) as Record<SiteSwitch, z.ZodDefault<z.ZodBoolean>>);

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Typing pause before the draft is analysed again, in ms. */
  typingPauseMs: z.number().int().min(MIN_TYPING_PAUSE_MS).max(MAX_TYPING_PAUSE_MS).default(DEFAULT_TYPING_PAUSE_MS),
  /** Built-in sites the coach reads (false: the worker ignores the site and the sidebar says so). */
  sites: SiteSwitches.prefault({}),
  /** Denser sidebar: no "why" lines, no evidence quotes, suggestions folded to their titles. */
  compact: z.boolean().default(false),
  /** Looking after the agent: a break tip after heated conversations, the offer-a-call tip. */
  wellbeing: z.object({
    breakTip: z.boolean().default(true),
    breakAfter: z.number().int().min(MIN_BREAK_AFTER).max(MAX_BREAK_AFTER).default(3),
    callTip: z.boolean().default(true),
  }).prefault({}),
  /** Coaching inside the composer (issue 13): underlines by severity, the card, the mood chip. */
  inEditor: z.object({
    underlines: z.boolean().default(true),
    severities: z.object({ error: z.boolean().default(true), warning: z.boolean().default(true), info: z.boolean().default(true) }).prefault({}),
    chip: z.boolean().default(true),
  }).prefault({}),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({ version: SETTINGS_VERSION });

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Older shapes → the current one. v1: `{ packs }` with no version; v2: the same dead `packs` beside the settings. */
export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  const version = raw.version ?? 1;
  if (version === 1 || version === 2) {
    const { packs: _dead, ...rest } = raw;
    return { ...rest, version: SETTINGS_VERSION };
  }
  return raw;
}

export interface SettingsRead {
  settings: Settings;
  /** Why the stored record was not used as is (null: it was). */
  problem: null | 'newer' | 'invalid';
}

export function readSettings(raw: unknown): SettingsRead {
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problem: null };
  if (!isRecord(raw)) return { settings: DEFAULT_SETTINGS, problem: 'invalid' };
  if (typeof raw.version === 'number' && raw.version > SETTINGS_VERSION) return { settings: DEFAULT_SETTINGS, problem: 'newer' };
  const r = Settings.safeParse(migrate(raw));
  if (r.success) return { settings: r.data, problem: null };
  // Keep what is valid field by field rather than losing everything to one bad value.
  const migrated = migrate(raw);
  const kept: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const key of Object.keys(Settings.shape)) {
    if (key === 'version' || !(key in migrated)) continue;
    const one = Settings.safeParse({ version: SETTINGS_VERSION, [key]: migrated[key] });
    if (one.success) kept[key] = migrated[key];
  }
  return { settings: Settings.parse(kept), problem: 'invalid' };
}

export function parseSettings(raw: unknown): Settings {
  return readSettings(raw).settings;
}

export type SettingsPatch = Partial<Omit<Settings, 'version' | 'sites' | 'wellbeing' | 'inEditor'>> & {
  sites?: Partial<Settings['sites']>;
  wellbeing?: Partial<Settings['wellbeing']>;
  inEditor?: Partial<Omit<Settings['inEditor'], 'severities'>> & { severities?: Partial<Settings['inEditor']['severities']> };
};

/** The record to store after applying `patch` to what is stored now; throws on an invalid value. */
export function planSettings(current: unknown, patch: SettingsPatch): Settings {
  const base = parseSettings(current);
  return Settings.parse({
    ...base,
    ...patch,
    sites: { ...base.sites, ...patch.sites },
    wellbeing: { ...base.wellbeing, ...patch.wellbeing },
    inEditor: { ...base.inEditor, ...patch.inEditor, severities: { ...base.inEditor.severities, ...patch.inEditor?.severities } },
    version: SETTINGS_VERSION,
  });
}

export function siteEnabled(settings: Settings, site: string): boolean {
  return (SITE_SWITCHES as readonly string[]).includes(site) ? settings.sites[site as SiteSwitch] : true;
}
