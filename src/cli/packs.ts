/** Loads pack files for the commands, refusing a broken one with every problem and its path. */
import { parsePackText, type Pack, type Problem } from '../engine/index.ts';
import { readInput, UsageError } from './io.ts';

export type LoadedPack = { file: string; ok: true; pack: Pack } | { file: string; ok: false; problems: Problem[] };

export async function loadPackFile(file: string): Promise<LoadedPack> {
  const text = await readInput(file);
  const result = parsePackText(text);
  return result.ok ? { file, ok: true, pack: result.pack } : { file, ok: false, problems: result.problems };
}

/** For commands that need every pack to be valid before they can run. */
export async function loadPacksOrFail(files: readonly string[]): Promise<Pack[]> {
  const packs: Pack[] = [];
  for (const file of files) {
    const loaded = await loadPackFile(file);
    if (!loaded.ok) {
      const first = loaded.problems[0]!;
      const more = loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more; run \`cooldown pack check ${file}\`)` : '';
      throw new UsageError(`pack ${file} refused: ${first.path || '(pack)'}: ${first.message}${more}`);
    }
    packs.push(loaded.pack);
  }
  return packs;
}
