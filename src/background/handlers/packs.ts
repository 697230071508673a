/**
 * `options/…` pack requests, policy sync and scheduled URL-pack updates. Every change is planned
 * by a pure function in src/shared/packs-store.ts and written here, one at a time (`serial`), so
 * an alarm-driven update and an agent's click never overwrite each other. Refusals change
 * nothing: the packs in force stay in force, and the reply (or the entry's `error`) says why.
 *
 * Open sidebars follow through storage: a write to `packs` (or a policy change) invalidates the
 * engine and asks every coached tab to send its conversation again (`onPacksStorageChanged`).
 */
import type { Alarms, Storage } from 'webextension-polyfill';
import browser from '../../shared/browser.ts';
import type { Message, MessageOf, PackReply, PackSummary, PacksView } from '../../shared/messages.ts';
import { corePack, type Pack } from '../../engine/index.ts';
import {
  describeSource, HttpsUrl, layerPacks, PACKS_KEY, PACK_UPDATE_PERIOD_MINUTES, planImport, planMove, planNotModified, planPolicySync, planRemove,
  planRuleDisabled, planSetEnabled, planUpdateFailed, type PackSource, type PacksState, type Plan,
} from '../../shared/packs-store.ts';
import { invalidateEngine } from '../engine-host.ts';
import { createSerial } from '../serial.ts';
import { releasePackHost } from './generic-sites.ts';
import { storedTabIds } from '../store.ts';
import { fetchPack } from './packs-fetch.ts';
import { readPacksState, readPolicyArea, writePacksState } from './packs-storage.ts';

export const PACK_UPDATE_ALARM = 'cooldown-pack-updates';

/** Runs read-plan-write steps on the packs one after another within this worker. */
const serial = createSerial();

const ok = (message: string): PackReply => ({ ok: true, message, problems: [] });
const refused = (message: string, problems: PackReply['problems'] = []): PackReply => ({ ok: false, message, problems });

async function stateForWrite(): Promise<PacksState | null> {
  const { state, problem } = await readPacksState();
  // Never overwrite what a newer Cooldown wrote.
  return problem === 'newer' ? null : state;
}

async function apply(plan: (state: PacksState) => Plan | Promise<Plan>, done: string): Promise<PackReply> {
  return serial(async () => {
    const state = await stateForWrite();
    if (!state) return refused('These packs were saved by a newer Cooldown; update Cooldown to change them.');
    const p = await plan(state);
    if (!p.ok) return refused(p.message, p.problems);
    await writePacksState(p.state);
    return ok(done);
  });
}

export async function onImportText(msg: MessageOf<'options/import-text'>): Promise<PackReply> {
  const policy = await readPolicyArea();
  const source: PackSource = msg.name ? { kind: 'file', name: msg.name } : { kind: 'file' };
  return apply((s) => planImport(s, msg.text, source, policy), 'Pack imported.');
}

export async function onImportUrl(msg: MessageOf<'options/import-url'>): Promise<PackReply> {
  const url = HttpsUrl.safeParse(msg.url);
  if (!url.success) return refused('Only https:// addresses can be used for packs.');
  const { state } = await readPacksState();
  if (state.packs.some((p) => p.key === url.data)) return refreshEntry(url.data);
  const got = await fetchPack(url.data);
  // The options page asked for host access to download this pack; a failed import gives it back.
  if (got.kind !== 'ok') {
    await releasePackHost(url.data);
    return refused(got.kind === 'error' ? got.message : 'The server sent no pack.');
  }
  const source: PackSource = { kind: 'url', url: url.data, fetchedAt: Date.now(), ...(got.etag ? { etag: got.etag } : {}), ...(got.lastModified ? { lastModified: got.lastModified } : {}) };
  const policy = await readPolicyArea();
  const reply = await apply((s) => planImport(s, got.text, source, policy), 'Pack imported; it is checked for updates every few hours.');
  if (!reply.ok) await releasePackHost(url.data);
  return reply;
}

const summary = (p: Pack): PackSummary => ({ id: p.id, name: p.name, version: p.version, rules: p.rules.map((r) => ({ id: r.id, kind: r.kind })) });

/** The packs as the engine will layer them, for the options page (which bundles no engine). */
export async function onPacksView(): Promise<PacksView> {
  const [{ state, problem }, policy] = await Promise.all([readPacksState(), readPolicyArea()]);
  const layered = layerPacks(state, policy);
  return {
    core: summary(corePack()),
    entries: layered.entries.map((e) => ({
      entry: e.entry, source: describeSource(e.entry.source), status: e.status,
      pack: e.pack ? summary(e.pack) : null, problems: e.problems, managed: e.managed, locked: e.locked,
    })),
    disabledRules: state.disabledRules,
    policyDisabled: policy.disabledRules,
    policyProblems: policy.problems,
    problem,
  };
}

export function onUpdatePack(msg: MessageOf<'options/update-pack'>): Promise<PackReply> {
  return refreshEntry(msg.key);
}

export async function onSetPackEnabled(msg: MessageOf<'options/set-pack-enabled'>): Promise<PackReply> {
  const policy = await readPolicyArea();
  return apply((s) => planSetEnabled(s, msg.key, msg.enabled, policy), msg.enabled ? 'Pack enabled.' : 'Pack disabled.');
}

export function onMovePack(msg: MessageOf<'options/move-pack'>): Promise<PackReply> {
  return apply((s) => planMove(s, msg.key, msg.delta), 'Pack moved.');
}

export async function onRemovePack(msg: MessageOf<'options/remove-pack'>): Promise<PackReply> {
  const { state } = await readPacksState();
  const source = state.packs.find((p) => p.key === msg.key)?.source;
  const reply = await apply((s) => planRemove(s, msg.key), 'Pack removed.');
  // Host access was granted to download this pack: it goes with the pack.
  if (reply.ok && source?.kind === 'url') await releasePackHost(source.url);
  return reply;
}

export function onSetRuleDisabled(msg: MessageOf<'options/set-rule-disabled'>): Promise<PackReply> {
  return apply((s) => planRuleDisabled(s, msg.ruleId, msg.disabled), msg.disabled ? 'Rule turned off.' : 'Rule turned on.');
}

/**
 * Downloads a URL pack again (conditionally, with its ETag / Last-Modified). 304 keeps it; a
 * failure or a refused new version keeps the old text in force and records why on the entry.
 */
export async function refreshEntry(key: string): Promise<PackReply> {
  const { state } = await readPacksState();
  const entry = state.packs.find((p) => p.key === key);
  const url = entry && (entry.source.kind === 'url' || entry.source.kind === 'policy') ? entry.source.url : undefined;
  if (!entry || !url) return refused('That pack has no address to update from.');
  const src = entry.source as Extract<PackSource, { kind: 'url' | 'policy' }>;
  const got = await fetchPack(url, entry.text === null ? {} : { etag: src.etag, lastModified: src.lastModified });
  const policy = await readPolicyArea();
  return serial(async () => {
    const current = await stateForWrite();
    if (!current?.packs.some((p) => p.key === key)) return refused('That pack is no longer installed.');
    const now = Date.now();
    if (got.kind === 'not-modified') {
      await writePacksState(planNotModified(current, key, now));
      return ok('The pack is up to date.');
    }
    if (got.kind === 'error') {
      await writePacksState(planUpdateFailed(current, key, got.message, [], now));
      return refused(got.message);
    }
    const source = { ...src, fetchedAt: now, etag: got.etag, lastModified: got.lastModified } as PackSource;
    const plan = planImport(current, got.text, JSON.parse(JSON.stringify(source)) as PackSource, policy);
    if (!plan.ok) {
      const message = entry.text === null ? plan.message : `${plan.message} The previous version stays in force.`;
      await writePacksState(planUpdateFailed(current, key, message, plan.problems, now));
      return refused(message, plan.problems);
    }
    await writePacksState(plan.state);
    return ok('Pack updated.');
  });
}

/** Every URL pack (the agent's and policy's), one after another. */
export async function updateAllPacks(): Promise<void> {
  const { state } = await readPacksState();
  for (const p of state.packs) {
    if (p.source.kind === 'url' || (p.source.kind === 'policy' && p.source.url)) await refreshEntry(p.key);
  }
}

/** Mirrors storage.managed into the stored entries, then fetches policy URL packs not yet downloaded. */
export async function syncPolicy(): Promise<void> {
  const policy = await readPolicyArea();
  const pending = await serial(async () => {
    const state = await stateForWrite();
    if (!state) return [];
    const next = planPolicySync(state, policy);
    if (JSON.stringify(next) !== JSON.stringify(state)) await writePacksState(next);
    return next.packs.filter((p) => p.source.kind === 'policy' && p.source.url && p.text === null).map((p) => p.key);
  });
  for (const key of pending) await refreshEntry(key);
}

export async function schedulePackUpdates(): Promise<void> {
  const alarms = browser.alarms as typeof browser.alarms | undefined;
  if (!alarms) return;
  if (!(await alarms.get(PACK_UPDATE_ALARM))) await alarms.create(PACK_UPDATE_ALARM, { periodInMinutes: PACK_UPDATE_PERIOD_MINUTES, delayInMinutes: PACK_UPDATE_PERIOD_MINUTES });
}

export function onAlarm(alarm: Alarms.Alarm): void {
  if (alarm.name === PACK_UPDATE_ALARM) void updateAllPacks();
}

/** Packs or policy changed: rebuild the engine on next use and re-analyse every coached tab now. */
export function onPacksStorageChanged(changes: Record<string, Storage.StorageChange>, area: string): void {
  if (area === 'managed') {
    invalidateEngine();
    void syncPolicy();
  } else if (area === 'local' && PACKS_KEY in changes) {
    invalidateEngine();
  } else {
    return;
  }
  void resendOpenTabs();
}

/** Asks every tab the worker holds state for to read its conversation and send it again. */
export async function resendOpenTabs(): Promise<void> {
  for (const tabId of await storedTabIds()) {
    await browser.tabs.sendMessage(tabId, { kind: 'background/resend' } satisfies Message).catch(() => undefined);
  }
}
