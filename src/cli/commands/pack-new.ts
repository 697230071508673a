/** `cooldown pack new NAME [--dir DIR]`: scaffold a pack with one example rule of each kind. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FORMAT_VERSION } from '../../engine/index.ts';
import { packJsonSchema } from '../../engine/pack/json-schema.ts';
import { UsageError, type Output } from '../io.ts';

export const PACK_NEW_HELP = `Usage: cooldown pack new NAME [--dir DIR]

Writes DIR/NAME.json (default: the current folder): a pack with one example rule of
each kind (avoid, step, cue, signal), each with its examples, ready for
\`cooldown pack check\`. Also writes pack.schema.json beside it when missing, so an
editor autocompletes the fields. NAME is the pack id: lowercase letters, digits, "-".`;

export async function packNew(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(PACK_NEW_HELP);
    return 0;
  }
  const [name] = positionals;
  if (!name || positionals.length > 1) throw new UsageError('pack new needs one NAME');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) throw new UsageError(`"${name}" is not a pack id: use lowercase letters, digits and "-"`);
  const dir = values.dir ?? '.';
  const file = join(dir, `${name}.json`);
  if (existsSync(file)) throw new UsageError(`${file} already exists; not overwriting it`);
  await mkdir(dir, { recursive: true });
  await writeFile(file, `${JSON.stringify(scaffold(name), null, 2)}\n`);
  const schemaFile = join(dir, 'pack.schema.json');
  if (!existsSync(schemaFile)) await writeFile(schemaFile, `${JSON.stringify(packJsonSchema(), null, 2)}\n`);
  io.out(`wrote ${file}\nnext: edit it, then run \`cooldown pack check ${file}\``);
  return 0;
}

export function scaffold(id: string): Record<string, unknown> {
  return {
    $schema: './pack.schema.json',
    format: FORMAT_VERSION,
    id,
    name: id.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '),
    version: '0.1.0',
    description: 'What this pack adds to the core playbook, and for which team.',
    rules: [
      {
        id: `${id}-avoid-jargon`,
        kind: 'avoid',
        severity: 'info',
        description: 'Internal jargon the customer does not know.',
        phrases: ['ticket escalation matrix', 'tier 2'],
        message: '"{{match}}" is internal jargon. Say what will happen for the customer instead.',
        replacements: ['a specialist colleague'],
        examples: { match: ['I have raised it with tier 2.'], noMatch: ['I have asked a specialist colleague to look at it.'] },
      },
      {
        id: `${id}-own-timeline`,
        kind: 'step',
        step: 'own',
        description: 'Committing to a concrete time is taking ownership.',
        patterns: ['i will (update|call|email) you (by|before) #Date'],
        examples: { match: ['I will update you by Friday.'], noMatch: ['Updates usually come by Friday.'] },
      },
      {
        id: `${id}-cue-data-loss`,
        kind: 'cue',
        cue: 'threat',
        weight: 2,
        description: 'A customer who mentions a regulator about their data.',
        patterns: ['(report|complain) (you|this)? to (the)? (ico|data protection|regulator)'],
        message: 'They mention a regulator: stay factual, document it, and involve your data-protection lead.',
        examples: { match: ['I will report this to the data protection authority.'], noMatch: ['Please protect my data.'] },
      },
      {
        id: `${id}-signal-downtime`,
        kind: 'signal',
        weight: 1.5,
        description: 'Downtime hurts: it raises the anger reading.',
        patterns: ['(site|service|dashboard|app) (is|has been|went) (down|offline)'],
        message: 'reports downtime',
        examples: { match: ['The dashboard has been down all morning.'], noMatch: ['The dashboard looks great.'] },
      },
    ],
  };
}
