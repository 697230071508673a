/**
 * Regression suite over hand-written conversations (tests/unit/engine/conversations/*.json, none
 * taken from the eval sets): accuracy work on the mood or the tone must never silently change the
 * playbook steps, the draft flags or the cues. Each file lists what it expects:
 *   steps: status per step id (steps not listed are not checked); flags: exactly these avoid rule
 *   ids; cues: exactly these cue types; mood: the latest level within [min, max]; tone: allowed labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConversationInput, MoodLevel, ToneLabel } from '../../../src/engine/index.ts';
import { engine } from '../helpers.ts';

interface Case {
  about: string;
  conversation: ConversationInput;
  expect: {
    steps: Record<string, 'done' | 'drafted' | 'todo'>;
    flags: string[];
    cues: string[];
    mood: { min: MoodLevel; max: MoodLevel };
    tone: ToneLabel[];
  };
}

const LADDER: MoodLevel[] = ['calm', 'upset', 'angry', 'furious'];
const dir = join(import.meta.dirname, 'conversations');
const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Case] as const);

describe('regression: hand-written conversations', () => {
  it('has conversations that cover every playbook step and every avoid rule', () => {
    const steps = new Set(cases.flatMap(([, c]) => Object.entries(c.expect.steps).filter(([, s]) => s !== 'todo').map(([id]) => id)));
    expect([...steps].sort()).toEqual(engine.rules.playbook.size ? [...engine.rules.playbook.keys()].sort() : []);
    const avoid = [...engine.rules.rules.values()].filter((o) => o.rule.kind === 'avoid').map((o) => o.rule.id).sort();
    expect([...new Set(cases.flatMap(([, c]) => c.expect.flags))].sort()).toEqual(avoid);
  });

  for (const [file, c] of cases) {
    describe(file, () => {
      const a = engine.analyze(c.conversation);
      it(`steps (${c.about})`, () => {
        const got = Object.fromEntries(a.steps.map((s) => [s.id, s.status]));
        for (const [id, status] of Object.entries(c.expect.steps)) expect(got[id], id).toBe(status);
      });
      it('flags', () => expect(a.flags.map((f) => f.ruleId).sort()).toEqual([...c.expect.flags].sort()));
      it('cues', () => expect([...new Set(a.cues.map((q) => q.type))].sort()).toEqual([...c.expect.cues].sort()));
      it('mood level in range', () => {
        const at = LADDER.indexOf(a.mood.level!);
        expect(at, `level ${a.mood.level}`).toBeGreaterThanOrEqual(LADDER.indexOf(c.expect.mood.min));
        expect(at, `level ${a.mood.level}`).toBeLessThanOrEqual(LADDER.indexOf(c.expect.mood.max));
      });
      it('tone label', () => expect(c.expect.tone).toContain(a.tone?.label));
    });
  }
});
