/**
 * Storage access for rule packs in the worker: the agent's packs in `storage.local`, and the
 * administrator's policy in `storage.managed`.
 */
import browser from '../../shared/browser.ts';
import { NO_POLICY, PACKS_KEY, readPacks, readPolicy, type PacksRead, type PacksState, type PolicyPacks } from '../../shared/packs-store.ts';

export async function readPacksState(): Promise<PacksRead> {
  const got = await browser.storage.local.get(PACKS_KEY);
  return readPacks(got[PACKS_KEY]);
}

export async function writePacksState(state: PacksState): Promise<void> {
  await browser.storage.local.set({ [PACKS_KEY]: state });
}

/**
 * How long a read of the policy waits for Chrome's policy service. `storage.managed.get` waits
 * for that service to start, which can take seconds after a fresh browser start and, in some
 * builds, never ends (public reports: ghostery/ghostery-extension#3367,
 * microsoft/MicrosoftEdge-Extensions#299, w3c/webextensions#547). Seen here too: a Chromium under
 * load whose worker never built its engine, so the tab was never coached, with no error at all.
 */
export const POLICY_WAIT_MS = 2_000;
/**
 * The policy as last read, in `storage.local`: what is in force while the policy service is slow,
 * so a slow start neither stops coaching nor lifts the administrator's locks and disabled rules.
 * Administrator's pack text and settings only; nothing from a conversation.
 */
export const POLICY_SEEN_KEY = 'policyLastSeen';

type Managed = { get(keys: null): Promise<Record<string, unknown>> };
/** The one read of `storage.managed` in flight (a stuck one is shared, not repeated). */
let inFlight: Promise<unknown> | null = null;
/** True once the read in flight outlived POLICY_WAIT_MS: later callers use the policy last seen at once. */
let late = false;
/** JSON of the policy last stored under POLICY_SEEN_KEY by this worker (saves rewriting it). */
let stored: string | null = null;
let onArrival: (policy: PolicyPacks) => void = () => undefined;

/**
 * Called when a policy read that outlived POLICY_WAIT_MS finally answers with a policy other than
 * the one used meanwhile (the worker rebuilds the engine and syncs policy packs, as for a change).
 */
export function onLatePolicy(listener: (policy: PolicyPacks) => void): void {
  onArrival = listener;
}

export async function readPolicyArea(): Promise<PolicyPacks> {
  const managed = browser.storage.managed as Managed | undefined;
  if (!managed) return NO_POLICY;
  if (!inFlight) {
    late = false;
    inFlight = managed.get(null).then(
      (raw) => raw,
      () => undefined, // Firefox: "Managed storage manifest not found" when no policy is set
    ).finally(() => {
      inFlight = null;
    });
  }
  const read = inFlight;
  const answered = late ? null : await Promise.race([
    read.then((raw) => ({ raw })),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), POLICY_WAIT_MS)),
  ]);
  if (answered) {
    await remember(answered.raw);
    return readPolicy(answered.raw);
  }
  if (!late) {
    late = true;
    void read.then(async (raw) => {
      const before = asJson(await lastSeen());
      await remember(raw);
      if (asJson(raw) !== before) onArrival(readPolicy(raw));
    }).catch((err: unknown) => console.warn('Cooldown: could not keep the policy that arrived late', err));
  }
  return readPolicy(await lastSeen());
}

async function lastSeen(): Promise<unknown> {
  const got = await browser.storage.local.get(POLICY_SEEN_KEY);
  return got[POLICY_SEEN_KEY];
}

/** No policy (nothing read, or an empty record) is one value: `null`. */
function asJson(raw: unknown): string {
  const json = JSON.stringify(raw ?? null);
  return json === '{}' ? 'null' : json;
}

async function remember(raw: unknown): Promise<void> {
  const json = asJson(raw);
  if (json === stored) return;
  if (json === 'null') await browser.storage.local.remove(POLICY_SEEN_KEY);
  else await browser.storage.local.set({ [POLICY_SEEN_KEY]: raw });
  stored = json;
}
