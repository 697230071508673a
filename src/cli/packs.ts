/** Loads pack files for the commands, refusing a broken one with every problem and its path. */
import { coreVocab, parsePackText, type Pack, type Problem } from '../engine/index.ts';
import { readInput, UsageError } from './io.ts';

export type LoadedPack = { file: string; ok: true; pack: Pack } | { file: string; ok: false; problems: Problem[] };

/** `vocab`: lists of the packs layered before this one; core's are always there. */
export async function loadPackFile(file: string, vocab: ReadonlyMap<string, readonly string[]> = coreVocab()): Promise<LoadedPack> {
  const text = await readInput(file);
  const result = parsePackText(text, { vocab });
  return result.ok ? { file, ok: true, pack: result.pack } : { file, ok: false, problems: result.problems };
}

/** For commands that need every pack to be valid before they can run. */
export async function loadPacksOrFail(files: readonly string[]): Promise<Pack[]> {
  const packs: Pack[] = [];
  let vocab = coreVocab();
  for (const file of files) {
    const loaded = await loadPackFile(file, vocab);
    if (!loaded.ok) {
      const first = loaded.problems[0]!;
      const more = loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more; run \`cooldown pack check ${file}\`)` : '';
      throw new UsageError(`pack ${file} refused: ${first.path || '(pack)'}: ${first.message}${more}`);
    }
    packs.push(loaded.pack);
    vocab = new Map([...vocab, ...Object.entries(loaded.pack.vocab ?? {})]);
  }
  return packs;
}
