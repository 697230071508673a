/**
 * `cooldown pack test FILE... --transcripts DIR [--json]`: run packs (layered after core) over a
 * folder of transcripts and show what each of their rules fires on, where. A lead sees a pack's
 * effect on real conversations before shipping it.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRuleSet, corePack, type ConversationInput } from '../../engine/index.ts';
import { matchText } from '../../engine/checks/match-text.ts';
import type { Matcher } from '../../engine/checks/matcher.ts';
import { readInput, UsageError, type Output } from '../io.ts';
import { loadPacksOrFail } from '../packs.ts';
import { style } from '../style.ts';
import { parseConversation } from './analyze.ts';

export const PACK_TEST_HELP = `Usage: cooldown pack test FILE... --transcripts DIR [--json]

Runs the packs (after core) over every transcript (.txt) or conversation JSON (.json)
in DIR and prints where each of their rules fires: file, message (or draft), rule id
and the matched words; then how often each rule fired, and the rules that never did.

  --json   one JSON object per transcript: {"file", "hits": [{"rule","where","start","end","text"}]},
           then {"summary": {"<rule id>": <count>}}`;

interface Hit {
  rule: string;
  where: string;
  start: number;
  end: number;
  text: string;
}

export async function packTest(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { transcripts: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(PACK_TEST_HELP);
    return 0;
  }
  if (!positionals.length) throw new UsageError('pack test needs at least one pack FILE');
  if (!values.transcripts) throw new UsageError('pack test needs --transcripts DIR');
  const packs = await loadPacksOrFail(positionals);
  const rules = buildRuleSet([corePack(), ...packs]);
  const tested = new Set(packs.flatMap((p) => p.rules.map((r) => r.id)));
  const files = await listTranscripts(values.transcripts);
  const counts = new Map<string, number>([...tested].map((id) => [id, 0]));
  const s = style(io.color);

  for (const file of files) {
    const conv = parseConversation(await readInput(file), file);
    const hits = findHits(conv, rules, tested);
    for (const h of hits) counts.set(h.rule, (counts.get(h.rule) ?? 0) + 1);
    if (values.json) {
      io.out(JSON.stringify({ file, hits }));
      continue;
    }
    io.out(`${s.bold(file)}${hits.length ? '' : s.dim('  nothing fires')}`);
    for (const h of hits) io.out(`  ${h.where.padEnd(14)} ${s.cyan(h.rule)}  "${h.text}"`);
  }
  if (values.json) {
    io.out(JSON.stringify({ summary: Object.fromEntries(counts) }));
  } else {
    io.out('');
    io.out(s.bold(`${files.length} transcript${files.length === 1 ? '' : 's'}`));
    for (const [rule, n] of counts) io.out(`  ${String(n).padStart(4)}  ${n ? rule : s.yellow(`${rule} (never fired)`)}`);
  }
  return 0;
}

async function listTranscripts(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new UsageError(`cannot read the folder ${dir}`);
  }
  const files = names.filter((n) => /\.(txt|json)$/i.test(n)).sort().map((n) => join(dir, n));
  if (!files.length) throw new UsageError(`no .txt or .json transcripts in ${dir}`);
  return files;
}

function findHits(conv: ConversationInput, rules: ReturnType<typeof buildRuleSet>, tested: ReadonlySet<string>): Hit[] {
  const hits: Hit[] = [];
  const collect = (matcher: Matcher, side: string, text: string, where: string) => {
    for (const m of matchText(matcher, side, text)) {
      if (tested.has(m.ruleId)) hits.push({ rule: m.ruleId, where, start: m.start, end: m.end, text: text.slice(m.start, m.end) });
    }
  };
  conv.messages.forEach((msg, i) => {
    const where = `#${i + 1} ${msg.role}`;
    // Avoid rules only flag the draft in the extension; here they also show on sent replies,
    // so a lead sees how often the team already uses the phrase.
    collect(msg.role === 'customer' ? rules.customer : rules.reply, msg.role, msg.text, where);
  });
  const draft = conv.draft ?? '';
  collect(rules.reply, 'draft', draft, 'draft');
  return hits;
}
