import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.ts';


const dir = mkdtempSync(join(tmpdir(), 'cooldown-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('cooldown analyze', () => {
  it('analyses the built-in example into a readable report', async () => {
    const r = await run('analyze');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Mood .* furious/);
    expect(r.out).toContain('avoid-calm-down');
    expect(r.out).toContain('Playbook');
    expect(r.out).not.toContain('\u001b['); // no colour when not a TTY
  });

  it('prints the analysis as one JSON object with --json', async () => {
    const r = await run('analyze', file('t.txt', 'Customer: This is the THIRD time!! Cancel my account.\nDraft: Please calm down.'), '--json');
    const a = JSON.parse(r.out);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['mood', 'cues', 'steps', 'flags', 'next']));
    expect(a.flags[0].ruleId).toBe('avoid-calm-down');
    expect(a.cues.map((c: { type: string }) => c.type)).toContain('churn');
  });

  it('reads a conversation JSON', async () => {
    const r = await run('analyze', file('c.json', JSON.stringify({ customerName: 'Lee', messages: [{ role: 'customer', text: 'Where is my refund?' }], draft: '' })), '--json');
    expect(JSON.parse(r.out).next[0].text).toContain('Lee');
  });

  it('layers --pack files after core', async () => {
    const pack = file('p.json', JSON.stringify({ format: 1, id: 'team', name: 'Team', version: '0.1.0', rules: [{ id: 'no-asap', kind: 'avoid', phrases: ['asap'], message: 'Give a time.', examples: { match: ['asap'], noMatch: ['soon'] } }] }));
    const r = await run('analyze', file('d.txt', 'Draft: I will do it ASAP.'), '--json', '--pack', pack);
    expect(JSON.parse(r.out).flags.map((f: { ruleId: string }) => f.ruleId)).toEqual(['no-asap']);
  });

  it('bad input: one line, non-zero exit, no stack trace', async () => {
    for (const args of [['analyze', join(dir, 'missing.txt')], ['analyze', file('bad.json', '{"messages": [')], ['analyze', file('bad.txt', 'hello')], ['analyze', '--nope'], ['frobnicate']]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^cooldown: /);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('refuses an invalid --pack with its path', async () => {
    const r = await run('analyze', '--pack', file('broken.json', JSON.stringify({ format: 1, id: 'x', name: 'x', version: 'one' })));
    expect(r.code).toBe(2);
    expect(r.err).toContain('version');
  });
});

describe('cooldown analyze --jsonl (stdin)', () => {
  it('writes one analysis per line and an error object for a bad line', () => {
    const input = [JSON.stringify({ messages: [{ role: 'customer', text: 'Terrible service!!' }] }), 'not json', JSON.stringify({ messages: [], draft: 'calm down' })].join('\n');
    const r = spawnSync(process.execPath, ['bin/cooldown.mjs', 'analyze', '--jsonl'], { input, encoding: 'utf8' });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].mood.latest).toBeGreaterThan(0);
    expect(lines[1].error).toMatch(/line 2/);
    expect(lines[2].flags[0].ruleId).toBe('avoid-calm-down');
    expect(r.status).toBe(1);
  });
});

describe('cooldown pack check', () => {
  it('passes the core pack through the installed bin', () => {
    const out = execFileSync(process.execPath, ['bin/cooldown.mjs', 'pack', 'check', 'rules/core.json'], { encoding: 'utf8' });
    expect(out).toMatch(/✓ rules\/core.json: \d+ rules, \d+ examples pass/);
  });

  it('fails a pack whose examples do not behave, with the path of each', async () => {
    const p = file('wrong.json', JSON.stringify({
      format: 1, id: 'w', name: 'W', version: '1.0.0',
      rules: [{ id: 'r', kind: 'avoid', phrases: ['per my last email'], message: 'm', examples: { match: ['as per my last email'], noMatch: ['per my last email, yes'] } },
        { id: 'q', kind: 'avoid', phrases: ['kindly'], message: 'm', examples: { match: ['please do'], noMatch: ['ok'] } }],
    }));
    const r = await run('pack', 'check', p);
    expect(r.code).toBe(1);
    expect(r.out).toContain('rules[0].examples.noMatch[0]');
    expect(r.out).toContain('rules[1].examples.match[0]');
  });

  it('reports each broken pack and keeps checking the others; --json for CI', async () => {
    const bad = file('bad-pack.json', '{"format": 1, "id": "b", "name": "B", "version": "1.0.0", "rules": [{"id": "x", "kind": "avoid", "patterns": ["(a|b"], "message": "m", "examples": {"match": ["a"]}}]}');
    const r = await run('pack', 'check', bad, 'rules/core.json', '--json');
    expect(r.code).toBe(1);
    const [first, second] = r.out.split('\n').map((l) => JSON.parse(l));
    expect(first).toMatchObject({ ok: false });
    expect(first.problems[0].path).toBe('rules[0].patterns[0]');
    expect(second).toMatchObject({ ok: true, id: 'core' });
  });
});
