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

export async function readPolicyArea(): Promise<PolicyPacks> {
  try {
    const managed = browser.storage.managed as typeof browser.storage.managed | undefined;
    if (!managed) return NO_POLICY;
    return readPolicy(await managed.get(null));
  } catch {
    return NO_POLICY; // Firefox: "Managed storage manifest not found" when no policy is set
  }
}
