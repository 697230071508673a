/**
 * `cooldown pack check FILE... [--json]`: validate packs and run every rule's own examples.
 * Exit 0 when every pack passes, 1 when any problem is found, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { coreVocab, type Problem } from '../../engine/index.ts';
import { runExamples } from '../../engine/pack/examples.ts';
import { UsageError, type Output } from '../io.ts';
import { loadPackFile } from '../packs.ts';
import { style } from '../style.ts';

export const PACK_HELP = `Usage: cooldown pack check FILE... [--json]

Validates each rule pack (schema, sizes, compromise patterns, unique ids) and runs
every rule's examples: each "match" sentence must fire the rule, each "noMatch"
sentence must not. Packs are checked in the order given, as they would be layered.

  --json   one JSON object per pack: {"file", "ok", "rules", "examples", "problems": [{"path","message","hint"}]}

Exit codes: 0 every pack passes, 1 a pack has problems, 2 usage error.`;

interface PackReport {
  file: string;
  ok: boolean;
  id?: string;
  rules: number;
  examples: number;
  problems: Problem[];
  notes: string[];
}

export async function packCommand(argv: string[], io: Output): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(PACK_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'check') throw new UsageError(`unknown pack command "${sub}" (try: cooldown pack check FILE...)`);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(PACK_HELP);
    return 0;
  }
  if (!positionals.length) throw new UsageError('pack check needs at least one FILE');

  const reports: PackReport[] = [];
  const owners = new Map<string, string>();
  // Core is always layered first, so every pack may use core's vocab lists.
  let vocab = coreVocab();
  for (const file of positionals) {
    const loaded = await loadPackFile(file, vocab);
    if (!loaded.ok) {
      reports.push({ file, ok: false, rules: 0, examples: 0, problems: loaded.problems, notes: [] });
      continue;
    }
    const { pack } = loaded;
    const results = runExamples(pack, vocab);
    vocab = new Map([...vocab, ...Object.entries(pack.vocab ?? {})]);
    const problems = results.flatMap((r) => r.problems);
    const notes: string[] = [];
    for (const rule of pack.rules) {
      const owner = owners.get(rule.id);
      if (owner) notes.push(`rule "${rule.id}" overrides the rule of the same id in ${owner}`);
      owners.set(rule.id, file);
    }
    reports.push({ file, ok: problems.length === 0, id: pack.id, rules: pack.rules.length, examples: results.reduce((s, r) => s + r.passed, 0), problems, notes });
  }

  if (values.json) {
    for (const r of reports) io.out(JSON.stringify(r));
  } else {
    const s = style(io.color);
    for (const r of reports) {
      if (r.ok) io.out(`${s.green('✓')} ${r.file}: ${r.rules} rules, ${r.examples} examples pass`);
      else io.out(`${s.red('✗')} ${r.file}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}`);
      for (const p of r.problems) io.out(`  ${s.bold(p.path || '(pack)')}: ${p.message}${p.hint ? s.dim(`\n    hint: ${p.hint}`) : ''}`);
      for (const n of r.notes) io.out(s.dim(`  note: ${n}`));
    }
  }
  return reports.every((r) => r.ok) ? 0 : 1;
}

