/**
 * `cooldown pack check FILE... [--json]`: validate packs, run every rule's own examples, and
 * report rules that duplicate or shadow one another and ids that collide across the packs given.
 */
import { parseArgs } from 'node:util';
import { coreVocab, type Problem } from '../../engine/index.ts';
import { runExamples } from '../../engine/pack/examples.ts';
import { lintPack } from '../../engine/pack/lint.ts';
import { UsageError, type Output } from '../io.ts';
import { loadPackFile } from '../packs.ts';
import { style } from '../style.ts';

export const PACK_CHECK_HELP = `Usage: cooldown pack check FILE... [--json]

Validates each rule pack (schema, sizes, compromise patterns, unique ids) and runs
every rule's examples: each "match" sentence must fire the rule, each "noMatch"
sentence must not. Also reports rules that duplicate or shadow one another, and
rule ids that collide with an earlier FILE. Packs are checked in the order given,
layered after core, as the extension would layer them.

  --json   one JSON object per pack:
           {"file", "ok", "id", "rules", "examples", "problems": [{"path","message","hint"}], "warnings": [...]}

Exit codes: 0 every pack passes (warnings allowed), 1 a pack has problems, 2 usage error.`;

export interface PackReport {
  file: string;
  ok: boolean;
  id?: string;
  rules: number;
  examples: number;
  problems: Problem[];
  warnings: Problem[];
}

export async function packCheck(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(PACK_CHECK_HELP);
    return 0;
  }
  if (!positionals.length) throw new UsageError('pack check needs at least one FILE');
  const reports = await checkFiles(positionals);
  if (values.json) {
    for (const r of reports) io.out(JSON.stringify(r));
  } else {
    printReports(reports, io);
  }
  return reports.every((r) => r.ok) ? 0 : 1;
}

export async function checkFiles(files: readonly string[]): Promise<PackReport[]> {
  const reports: PackReport[] = [];
  const owners = new Map<string, string>();
  // Core is always layered first, so every pack may use core's vocab lists.
  let vocab = coreVocab();
  for (const file of files) {
    const loaded = await loadPackFile(file, vocab);
    if (!loaded.ok) {
      reports.push({ file, ok: false, rules: 0, examples: 0, problems: loaded.problems, warnings: [] });
      continue;
    }
    const { pack } = loaded;
    const results = runExamples(pack, vocab);
    const lint = lintPack(pack, vocab, owners);
    vocab = new Map([...vocab, ...Object.entries(pack.vocab ?? {})]);
    for (const rule of pack.rules) owners.set(rule.id, file);
    const problems = [...results.flatMap((r) => r.problems), ...lint.filter((f) => f.level === 'error').map(strip)];
    reports.push({
      file,
      ok: problems.length === 0,
      id: pack.id,
      rules: pack.rules.length,
      examples: results.reduce((s, r) => s + r.passed, 0),
      problems,
      warnings: lint.filter((f) => f.level === 'warning').map(strip),
    });
  }
  return reports;
}

function strip({ path, message, hint }: Problem): Problem {
  return hint ? { path, message, hint } : { path, message };
}

function printReports(reports: readonly PackReport[], io: Output): void {
  const s = style(io.color);
  for (const r of reports) {
    const warned = r.warnings.length ? s.yellow(`, ${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}`) : '';
    if (r.ok) io.out(`${s.green('✓')} ${r.file}: ${r.rules} rules, ${r.examples} examples pass${warned}`);
    else io.out(`${s.red('✗')} ${r.file}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}${warned}`);
    for (const p of r.problems) io.out(`  ${s.red('error')}   ${s.bold(p.path || '(pack)')}: ${p.message}${p.hint ? s.dim(`\n          hint: ${p.hint}`) : ''}`);
    for (const p of r.warnings) io.out(`  ${s.yellow('warning')} ${s.bold(p.path || '(pack)')}: ${p.message}${p.hint ? s.dim(`\n          hint: ${p.hint}`) : ''}`);
  }
}
