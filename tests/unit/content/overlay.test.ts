/** Issue 13, the pure parts of in-editor coaching: following a flag through edits, the worker's "not here" filter, settings. */
import { describe, expect, it } from 'vitest';
import { follow } from '../../../src/content/overlay/geometry.ts';
import { parseInEditor } from '../../../src/content/overlay/reply.ts';
import { inEditorReply, withoutDismissed } from '../../../src/background/handlers/in-editor.ts';
import { parseSettings, planSettings } from '../../../src/shared/settings.ts';
import type { Analysis } from '../../../src/engine/analysis.ts';

const sent = 'Please calm down and wait.';
const at = sent.indexOf('calm down');

describe('follow: a flag through the edits made since its analysis', () => {
  it('stays when the edit is after it, shifts when before it, is lost when the edit touches it', () => {
    expect(follow(sent, `${sent} Thanks.`, at, 'calm down')).toBe(at);
    expect(follow(sent, `Hi, ${sent}`, at, 'calm down')).toBe(at + 4);
    expect(follow(sent, 'Please calm dawn and wait.', at, 'calm down')).toBe(-1);
    expect(follow(sent, sent, at, 'calm down')).toBe(at);
  });
});

const flag = { ruleId: 'avoid-calm-down', severity: 'error' as const, start: at, end: at + 9, text: 'calm down', message: 'Hurts.', replacements: ['I hear you'] };
const analysis = { mood: { messages: [], latest: 80, level: 'angry', trend: 'rising', delta: 5 }, flags: [flag, { ...flag, ruleId: 'other', text: 'wait', start: 20, end: 24 }] } as unknown as Analysis;

describe('"not here" and the reply to the tab', () => {
  it('the worker drops dismissed flags (same rule, same words) and keeps the others', () => {
    expect(withoutDismissed(analysis, [{ ruleId: 'avoid-calm-down', text: 'calm down' }]).flags.map((f) => f.ruleId)).toEqual(['other']);
    expect(withoutDismissed(analysis, [{ ruleId: 'avoid-calm-down', text: 'calm' }]).flags).toHaveLength(2);
    expect(withoutDismissed(analysis, undefined)).toBe(analysis);
  });

  it('the content script keeps only well-formed flags that read their words in the draft', () => {
    const reply = { ok: true, inEditor: inEditorReply(sent, analysis) };
    const parsed = parseInEditor(reply);
    expect(parsed?.flags.map((f) => f.ruleId)).toEqual(['avoid-calm-down']); // 'wait' is not at [20, 24)
    expect(parsed?.mood).toEqual({ level: 'angry', trend: 'rising' });
    expect(parseInEditor({ ok: true })).toBeUndefined();
    expect(parseInEditor({ inEditor: { draft: sent, flags: [{ ...flag, severity: 'fatal' }], mood: {} } })?.flags).toEqual([]);
  });
});

describe('in-editor settings', () => {
  it('default on, switch per severity without losing the others', () => {
    expect(parseSettings(undefined).inEditor).toEqual({ underlines: true, chip: true, severities: { error: true, warning: true, info: true } });
    const next = planSettings(undefined, { inEditor: { severities: { info: false } } });
    expect(next.inEditor).toEqual({ underlines: true, chip: true, severities: { error: true, warning: true, info: false } });
    expect(planSettings(next, { inEditor: { chip: false } }).inEditor.severities.info).toBe(false);
  });
});
