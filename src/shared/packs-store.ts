/**
 * Team rule packs the agent or an administrator added on top of core, as stored in
 * `storage.local["packs"]` (packs are rule data, not conversation text). Versioned with zod and
 * named caps; a record written by a newer Cooldown is not guessed at (no team packs apply, and
 * the options page says why). Changes are planned as pure values (`plan*`), then written once
 * by the worker (src/background/handlers/packs.ts).
 *
 * Packs from enterprise policy (`storage.managed`, schema in static/managed_schema.json) are
 * mirrored here as `source.kind === 'policy'` entries by `planPolicySync`, so URL packs from
 * policy keep their fetched text, ETag and errors like any other URL pack. They layer last, so a
 * team's rules win over an agent's own packs, and they cannot be removed from the options page.
 *
 * `layerPacks` is the one place that decides what is active: the worker builds its engine from
 * it and the options page shows its verdicts, so both always agree.
 */
import * as z from 'zod';
import { coreVocab, parsePackText, type Pack, type Problem } from '../engine/index.ts';
import { MAX_PACK_BYTES, MAX_PACK_VERSION_CHARS, MAX_RULE_ID_CHARS } from '../engine/pack/schema.ts';
import { MAX_PACK_FILE_NAME_CHARS, MAX_PACK_KEY_CHARS, MAX_PACK_URL_CHARS } from './limits.ts';

export const PACKS_KEY = 'packs';
export const PACKS_VERSION = 1;
/** Packs an agent may import (policy packs come on top, up to MAX_POLICY_PACKS). */
export const MAX_USER_PACKS = 20;
export const MAX_POLICY_PACKS = 20;
export const MAX_DISABLED_RULES = 1_000;
export const MAX_PROBLEMS_KEPT = 50;
/** A pack download is abandoned after this long (a hanging server never blocks updates). */
export const PACK_FETCH_TIMEOUT_MS = 10_000;
/** URL packs are checked for updates this often (conditional requests: unchanged costs a 304). */
export const PACK_UPDATE_PERIOD_MINUTES = 360;
export { MAX_PACK_BYTES, MAX_PACK_URL_CHARS };

const RuleId = z.string().min(1).max(MAX_RULE_ID_CHARS);
export const HttpsUrl = z.string().max(MAX_PACK_URL_CHARS).refine((s) => {
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}, 'must be an https:// address');

/** Stored text caps: whatever is written is first fitted to them (`fitProblem`, `fitSource`). */
const MAX_PROBLEM_PATH_CHARS = 500;
const MAX_PROBLEM_MESSAGE_CHARS = 2_000;
const MAX_PROBLEM_HINT_CHARS = 1_000;
const MAX_ETAG_CHARS = 500;
const MAX_LAST_MODIFIED_CHARS = 100;

const ProblemSchema = z.object({ path: z.string().max(MAX_PROBLEM_PATH_CHARS), message: z.string().max(MAX_PROBLEM_MESSAGE_CHARS), hint: z.string().max(MAX_PROBLEM_HINT_CHARS).optional() });

const Fetched = {
  etag: z.string().max(MAX_ETAG_CHARS).optional(),
  lastModified: z.string().max(MAX_LAST_MODIFIED_CHARS).optional(),
  /** Last time the server answered (200 or 304), ms since epoch. */
  fetchedAt: z.number().optional(),
};
export const PackSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), name: z.string().max(MAX_PACK_FILE_NAME_CHARS).optional() }),
  z.object({ kind: z.literal('url'), url: HttpsUrl, ...Fetched }),
  /** From policy: `url` for a URL pack, absent for an inline pack. */
  z.object({ kind: z.literal('policy'), url: HttpsUrl.optional(), ...Fetched }),
]);
export type PackSource = z.infer<typeof PackSource>;

/** At most this many rule ids are kept per list of an update summary (the rest are counted in no list). */
const MAX_UPDATE_IDS = 50;
/**
 * What the last update of a URL pack changed, shown beside the pack: a pack host (or whoever
 * controls it) can change insertable texts or turn rules off at every update, which must not be
 * silent (issue 14, L5).
 */
export const PackUpdate = z.object({
  at: z.number(),
  from: z.string().max(MAX_PACK_VERSION_CHARS),
  to: z.string().max(MAX_PACK_VERSION_CHARS),
  added: z.array(RuleId).max(MAX_UPDATE_IDS),
  removed: z.array(RuleId).max(MAX_UPDATE_IDS),
  changed: z.array(RuleId).max(MAX_UPDATE_IDS),
  /** Rule ids (of earlier packs, core included) this version turns off that the previous did not. */
  disabled: z.array(RuleId).max(MAX_UPDATE_IDS),
});
export type PackUpdate = z.infer<typeof PackUpdate>;

export const StoredPack = z.object({
  /** Stable entry key: the URL for URL packs, `file:<pack id>` / `policy:<pack id>` otherwise. */
  key: z.string().min(1).max(MAX_PACK_KEY_CHARS),
  source: PackSource,
  enabled: z.boolean(),
  /** The pack's JSON text as last accepted (null: a URL pack not fetched successfully yet). */
  text: z.string().max(MAX_PACK_BYTES).nullable(),
  /** The last update that failed (the previous text stays in force). */
  error: z.object({ message: z.string().max(MAX_PROBLEM_MESSAGE_CHARS), problems: z.array(ProblemSchema).max(MAX_PROBLEMS_KEPT), at: z.number() }).nullable().default(null),
  /** What the last update that changed the pack's rules changed (URL and policy URL packs). */
  update: PackUpdate.nullable().optional(),
});
export type StoredPack = z.infer<typeof StoredPack>;

export const PacksState = z.object({
  version: z.literal(PACKS_VERSION),
  /** In layering order (policy entries are layered after the agent's own, whatever their place). */
  packs: z.array(StoredPack).max(MAX_USER_PACKS + MAX_POLICY_PACKS).default([]),
  /** Rules the agent turned off (core or team rules; team rules stay on when policy locks them). */
  disabledRules: z.array(RuleId).max(MAX_DISABLED_RULES).default([]),
});
export type PacksState = z.infer<typeof PacksState>;

export const EMPTY_PACKS: PacksState = { version: PACKS_VERSION, packs: [], disabledRules: [] };

export interface PacksRead {
  state: PacksState;
  problem: null | 'newer' | 'invalid';
}

export function readPacks(raw: unknown): PacksRead {
  if (raw === undefined || raw === null) return { state: EMPTY_PACKS, problem: null };
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > PACKS_VERSION) return { state: EMPTY_PACKS, problem: 'newer' };
  const r = PacksState.safeParse(raw);
  if (r.success) return { state: r.data, problem: null };
  // Keep the entries that are still valid rather than dropping every pack for one bad record.
  const packs = Array.isArray((raw as { packs?: unknown }).packs) ? (raw as { packs: unknown[] }).packs : [];
  const kept = packs.map((p) => StoredPack.safeParse(p)).filter((p) => p.success).map((p) => p.data);
  const rules = z.array(RuleId).max(MAX_DISABLED_RULES).safeParse((raw as { disabledRules?: unknown }).disabledRules);
  return { state: { version: PACKS_VERSION, packs: kept.slice(0, MAX_USER_PACKS + MAX_POLICY_PACKS), disabledRules: rules.success ? rules.data : [] }, problem: 'invalid' };
}

// ---------------------------------------------------------------------------------------------
// Enterprise policy (storage.managed). Chrome checks it against static/managed_schema.json;
// Firefox does not, so it is parsed here too, entry by entry.

/** The policy's fields, each read on its own: one bad field never drops the others, `lock` least of all (L2). */
const PolicyFields = {
  /** https URLs of team packs, layered in this order. */
  packUrls: { max: MAX_POLICY_PACKS },
  /** Inline packs: each a pack's JSON text (or, in Firefox policies, the pack object itself). */
  packs: { max: MAX_POLICY_PACKS },
  /** Rule ids turned off for everyone. */
  disabledRules: { max: MAX_DISABLED_RULES },
} as const;
export interface PolicyPacks {
  packUrls: string[];
  packs: string[];
  disabledRules: string[];
  lock: boolean;
  /** Policy values that were ignored, to show the administrator's mistake where packs are managed. */
  problems: string[];
}
export const NO_POLICY: PolicyPacks = { packUrls: [], packs: [], disabledRules: [], lock: false, problems: [] };

export function readPolicy(raw: unknown): PolicyPacks {
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return NO_POLICY;
  const record = raw as Record<string, unknown>;
  const problems: string[] = [];
  /** A field as a list within its cap; a non-list is ignored, a long list cut, each said once. */
  const list = (name: keyof typeof PolicyFields): unknown[] => {
    const value = record[name];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push(`${name}: not a list; it is ignored`);
      return [];
    }
    const { max } = PolicyFields[name];
    if (value.length > max) problems.push(`${name}: ${value.length} entries; only the first ${max} are used`);
    return value.slice(0, max);
  };
  const packUrls: string[] = [];
  list('packUrls').forEach((u, i) => {
    if (HttpsUrl.safeParse(u).success) packUrls.push(u as string);
    else problems.push(`packUrls[${i}]: not an https:// address`);
  });
  const packs: string[] = [];
  list('packs').forEach((p, i) => {
    const text = typeof p === 'string' ? p : JSON.stringify(p);
    if (text && text.length <= MAX_PACK_BYTES) packs.push(text);
    else problems.push(`packs[${i}]: not a pack`);
  });
  const disabledRules = list('disabledRules').filter((x): x is string => RuleId.safeParse(x).success);
  let lock = false;
  if (typeof record.lock === 'boolean') lock = record.lock;
  else if (record.lock !== undefined) problems.push('lock: not true or false; it is ignored');
  return { packUrls, packs, disabledRules, lock, problems };
}

// ---------------------------------------------------------------------------------------------
// Layering: which packs are active, in which order, and why the others are not.

export type PackStatus = 'active' | 'disabled' | 'invalid' | 'pending';

export interface LayeredPack {
  entry: StoredPack;
  status: PackStatus;
  /** The parsed pack when its text is valid (also for a disabled pack, to list its rules). */
  pack: Pack | null;
  /** Why the stored text is refused (status 'invalid'). */
  problems: Problem[];
  /** Set by policy: cannot be removed; with `lock`, cannot be disabled either. */
  managed: boolean;
  locked: boolean;
}

export interface Layered {
  /** Every entry, in layering order (the agent's packs, then policy packs). */
  entries: LayeredPack[];
  /** What the engine runs after core, in order. */
  packs: Pack[];
  /** Rule ids turned off: policy's, plus the agent's (not team rules when policy locks them). */
  disabledRules: string[];
}

export function layeringOrder(packs: readonly StoredPack[]): StoredPack[] {
  return [...packs.filter((p) => p.source.kind !== 'policy'), ...packs.filter((p) => p.source.kind === 'policy')];
}

export function layerPacks(state: PacksState, policy: PolicyPacks = NO_POLICY): Layered {
  let vocab = new Map(coreVocab());
  const entries: LayeredPack[] = [];
  const packs: Pack[] = [];
  const teamRuleIds = new Set<string>();
  for (const entry of layeringOrder(state.packs)) {
    const managed = entry.source.kind === 'policy';
    const locked = managed && policy.lock;
    const enabled = entry.enabled || locked;
    if (entry.text === null) {
      entries.push({ entry, status: 'pending', pack: null, problems: [], managed, locked });
      continue;
    }
    const r = parsePackText(entry.text, { vocab });
    if (!r.ok) {
      entries.push({ entry, status: 'invalid', pack: null, problems: r.problems, managed, locked });
      continue;
    }
    entries.push({ entry, status: enabled ? 'active' : 'disabled', pack: r.pack, problems: [], managed, locked });
    if (!enabled) continue;
    packs.push(r.pack);
    vocab = new Map([...vocab, ...Object.entries(r.pack.vocab ?? {})]);
    if (locked) for (const rule of r.pack.rules) teamRuleIds.add(rule.id);
  }
  const own = state.disabledRules.filter((id) => !teamRuleIds.has(id));
  return { entries, packs, disabledRules: [...new Set([...policy.disabledRules, ...own])] };
}

// ---------------------------------------------------------------------------------------------
// Plans: current state + intent → the state to write, or a refusal. Pure.

export type Plan = { ok: true; state: PacksState; key: string } | { ok: false; message: string; problems: Problem[] };

const refuse = (message: string, problems: Problem[] = []): Plan => ({ ok: false, message, problems: fitProblems(problems) });

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Problems as they may be stored: at most MAX_PROBLEMS_KEPT, each text within its cap. Without
 * this the worker wrote records its own reader refused, and the pack silently vanished (L1).
 */
function fitProblems(problems: readonly Problem[]): Problem[] {
  return problems.slice(0, MAX_PROBLEMS_KEPT).map((p) => ({
    path: clip(p.path, MAX_PROBLEM_PATH_CHARS),
    message: clip(p.message, MAX_PROBLEM_MESSAGE_CHARS),
    ...(p.hint !== undefined ? { hint: clip(p.hint, MAX_PROBLEM_HINT_CHARS) } : {}),
  }));
}

/** A validator a server sent that is too long to keep is dropped (a clipped one would be wrong): the next update is unconditional. */
function fitSource(source: PackSource): PackSource {
  if (source.kind === 'file') return source.name === undefined ? source : { ...source, name: clip(source.name, 300) };
  const { etag, lastModified, ...rest } = source;
  return {
    ...rest,
    ...(etag !== undefined && etag.length <= MAX_ETAG_CHARS ? { etag } : {}),
    ...(lastModified !== undefined && lastModified.length <= MAX_LAST_MODIFIED_CHARS ? { lastModified } : {}),
  } as PackSource;
}

export function fileKey(packId: string): string {
  return `file:${packId}`;
}

/**
 * Adds a pack (or replaces the entry with the same key, keeping its place and switch). The text
 * is validated where it would be layered, with the vocab of the packs before it.
 */
export function planImport(state: PacksState, text: string, source: PackSource, policy: PolicyPacks = NO_POLICY): Plan {
  if ('url' in source && source.url !== undefined && !HttpsUrl.safeParse(source.url).success) return refuse('Only https:// addresses can be used for packs.');
  const packId = tryId(text) ?? 'pack';
  const key = source.kind === 'url' || (source.kind === 'policy' && source.url) ? (source as { url: string }).url : source.kind === 'policy' ? `policy:${packId}` : fileKey(packId);
  const existing = state.packs.findIndex((p) => p.key === key);
  const clash = state.packs.find((p) => p.key !== key && p.text !== null && tryId(p.text) === packId);
  if (clash) return refuse(`A pack with the id "${packId}" is already installed (${describeSource(clash.source)}); remove it first or give this pack another id.`, [{ path: 'id', message: `duplicate pack id "${packId}"` }]);
  const userCount = state.packs.filter((p) => p.source.kind !== 'policy').length;
  if (existing < 0 && source.kind !== 'policy' && userCount >= MAX_USER_PACKS) return refuse(`At most ${MAX_USER_PACKS} packs can be imported; remove one first.`);
  const previous = existing >= 0 ? state.packs[existing]! : null;
  const update = previous?.text && previous.text !== text && 'url' in source && source.url ? summarizeUpdate(previous.text, text, source.fetchedAt ?? 0) : null;
  const entry: StoredPack = {
    key, source: fitSource(source), text, error: null,
    enabled: previous ? previous.enabled : true,
    ...(update ? { update } : previous?.update ? { update: previous.update } : {}),
  };
  const packs = [...state.packs];
  if (existing >= 0) packs[existing] = entry;
  else packs.push(entry);
  const next = { ...state, packs };
  const verdict = layerPacks(next, policy).entries.find((e) => e.entry.key === key);
  if (verdict?.status === 'invalid') return refuse('The pack was refused.', verdict.problems);
  return { ok: true, state: next, key };
}

/** A URL pack's update failed: keep its text (still in force) and remember why. */
export function planUpdateFailed(state: PacksState, key: string, message: string, problems: Problem[], now: number): PacksState {
  return mapEntry(state, key, (p) => ({ ...p, error: { message: clip(message, MAX_PROBLEM_MESSAGE_CHARS), problems: fitProblems(problems), at: now } }));
}

/** A conditional request answered 304: the pack is current. */
export function planNotModified(state: PacksState, key: string, now: number): PacksState {
  return mapEntry(state, key, (p) => ({ ...p, error: null, source: { ...p.source, fetchedAt: now } as PackSource }));
}

export function planSetEnabled(state: PacksState, key: string, enabled: boolean, policy: PolicyPacks = NO_POLICY): Plan {
  const entry = state.packs.find((p) => p.key === key);
  if (!entry) return refuse('That pack is no longer installed.');
  if (!enabled && entry.source.kind === 'policy' && policy.lock) return refuse('Your administrator requires this pack.');
  return { ok: true, key, state: mapEntry(state, key, (p) => ({ ...p, enabled })) };
}

export function planRemove(state: PacksState, key: string): Plan {
  const entry = state.packs.find((p) => p.key === key);
  if (!entry) return refuse('That pack is no longer installed.');
  if (entry.source.kind === 'policy') return refuse('This pack is managed by your administrator and cannot be removed.');
  return { ok: true, key, state: { ...state, packs: state.packs.filter((p) => p.key !== key) } };
}

/** Moves an agent's pack one place earlier (-1) or later (+1) among the agent's packs. */
export function planMove(state: PacksState, key: string, delta: -1 | 1): Plan {
  const own = state.packs.filter((p) => p.source.kind !== 'policy');
  const i = own.findIndex((p) => p.key === key);
  if (i < 0) return refuse('Only your own packs can be reordered; managed packs come last.');
  const j = i + delta;
  if (j < 0 || j >= own.length) return { ok: true, key, state };
  [own[i], own[j]] = [own[j]!, own[i]!];
  return { ok: true, key, state: { ...state, packs: [...own, ...state.packs.filter((p) => p.source.kind === 'policy')] } };
}

export function planRuleDisabled(state: PacksState, ruleId: string, disabled: boolean): Plan {
  const set = new Set(state.disabledRules);
  if (disabled) set.add(ruleId);
  else set.delete(ruleId);
  if (set.size > MAX_DISABLED_RULES) return refuse(`At most ${MAX_DISABLED_RULES} rules can be turned off.`);
  return { ok: true, key: ruleId, state: { ...state, disabledRules: [...set] } };
}

/**
 * Mirrors policy into the stored entries: policy URL packs keep their fetched text while their
 * URL stays in policy, inline packs are replaced by policy's text, and entries policy no longer
 * names are dropped. Agent entries are untouched.
 */
export function planPolicySync(state: PacksState, policy: PolicyPacks): PacksState {
  const own = state.packs.filter((p) => p.source.kind !== 'policy');
  const old = new Map(state.packs.filter((p) => p.source.kind === 'policy').map((p) => [p.key, p]));
  const managed: StoredPack[] = [];
  for (const url of policy.packUrls) {
    if (managed.some((m) => m.key === url)) continue;
    managed.push(old.get(url) ?? { key: url, source: { kind: 'policy', url }, enabled: true, text: null, error: null });
  }
  for (const text of policy.packs) {
    const key = `policy:${tryId(text) ?? managed.length}`;
    if (managed.some((m) => m.key === key)) continue;
    managed.push({ key, source: { kind: 'policy' }, enabled: old.get(key)?.enabled ?? true, text, error: null });
  }
  // An agent's own copy of a URL that policy now manages gives way to the managed entry.
  const managedKeys = new Set(managed.map((m) => m.key));
  return { ...state, packs: [...own.filter((p) => !managedKeys.has(p.key)), ...managed] };
}

function mapEntry(state: PacksState, key: string, f: (p: StoredPack) => StoredPack): PacksState {
  return { ...state, packs: state.packs.map((p) => (p.key === key ? f(p) : p)) };
}

interface RulesView { version: string; rules: Map<string, string>; disable: Set<string> }

/** A stored (valid) pack's text → its version, each rule's JSON by id, and what it disables. */
function rulesView(text: string): RulesView | null {
  try {
    const p = JSON.parse(text) as { version?: unknown; rules?: unknown; disable?: unknown };
    const rules = new Map<string, string>();
    for (const r of Array.isArray(p.rules) ? p.rules as Array<{ id?: unknown }> : []) if (typeof r?.id === 'string') rules.set(r.id, JSON.stringify(r));
    const disable = new Set(Array.isArray(p.disable) ? p.disable.filter((d): d is string => typeof d === 'string') : []);
    return { version: typeof p.version === 'string' ? p.version.slice(0, MAX_PACK_VERSION_CHARS) : '', rules, disable };
  } catch {
    return null;
  }
}

/** What changed between two versions of a pack's rules, or null when no rule or switch changed. */
export function summarizeUpdate(before: string, after: string, at: number): PackUpdate | null {
  const a = rulesView(before);
  const b = rulesView(after);
  if (!a || !b) return null;
  const ids = (list: Iterable<string>): string[] => [...list].filter((id) => RuleId.safeParse(id).success).slice(0, MAX_UPDATE_IDS);
  const added = ids([...b.rules.keys()].filter((id) => !a.rules.has(id)));
  const removed = ids([...a.rules.keys()].filter((id) => !b.rules.has(id)));
  const changed = ids([...b.rules.keys()].filter((id) => a.rules.has(id) && a.rules.get(id) !== b.rules.get(id)));
  const disabled = ids([...b.disable].filter((id) => !a.disable.has(id)));
  if (!added.length && !removed.length && !changed.length && !disabled.length && a.version === b.version) return null;
  return { at, from: a.version, to: b.version, added, removed, changed, disabled };
}

function tryId(text: string): string | null {
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

export function describeSource(source: PackSource): string {
  if (source.kind === 'file') return source.name ? `file ${source.name}` : 'file';
  if (source.kind === 'url') return source.url;
  return source.url ? `managed: ${source.url}` : 'managed (inline)';
}

/** Origins of URL packs (their host permission is for fetching packs, not for coaching there). */
export function packOrigins(state: PacksState): string[] {
  const out = new Set<string>();
  for (const p of state.packs) {
    if ((p.source.kind === 'url' || p.source.kind === 'policy') && p.source.url) out.add(`${new URL(p.source.url).origin}/*`);
  }
  return [...out];
}
