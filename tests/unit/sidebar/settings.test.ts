import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS, MAX_PACKS, MAX_TYPING_PAUSE_MS, MIN_TYPING_PAUSE_MS, planSettings, readSettings, SETTINGS_VERSION, siteEnabled,
} from '../../../src/shared/settings.ts';

describe('settings schema', () => {
  it('migrates a v1 record (packs only, no version) and keeps its packs', () => {
    const { settings, problem } = readSettings({ packs: [{ id: 'team' }] });
    expect(problem).toBeNull();
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.packs).toEqual([{ id: 'team' }]);
    expect(settings.typingPauseMs).toBe(DEFAULT_SETTINGS.typingPauseMs);
    expect(settings.sites).toEqual({ gmail: true, zendesk: true });
    expect(settings.wellbeing).toEqual({ breakTip: true, breakAfter: 3, callTip: true });
  });

  it('refuses a record from a newer version and falls back to defaults, saying why', () => {
    expect(readSettings({ version: SETTINGS_VERSION + 1, compact: true })).toEqual({ settings: DEFAULT_SETTINGS, problem: 'newer' });
  });

  it('keeps the valid fields of a partly broken record and drops unknown keys', () => {
    const { settings, problem } = readSettings({ version: SETTINGS_VERSION, compact: true, typingPauseMs: 'fast', extra: 1 });
    expect(problem).toBe('invalid');
    expect(settings.compact).toBe(true);
    expect(settings.typingPauseMs).toBe(DEFAULT_SETTINGS.typingPauseMs);
    expect(settings).not.toHaveProperty('extra');
  });

  it('takes the typing pause at its caps and refuses one past them', () => {
    expect(planSettings(undefined, { typingPauseMs: MIN_TYPING_PAUSE_MS }).typingPauseMs).toBe(MIN_TYPING_PAUSE_MS);
    expect(planSettings(undefined, { typingPauseMs: MAX_TYPING_PAUSE_MS }).typingPauseMs).toBe(MAX_TYPING_PAUSE_MS);
    expect(() => planSettings(undefined, { typingPauseMs: MIN_TYPING_PAUSE_MS - 1 })).toThrow();
    expect(() => planSettings(undefined, { typingPauseMs: MAX_TYPING_PAUSE_MS + 1 })).toThrow();
    expect(readSettings({ version: SETTINGS_VERSION, packs: Array.from({ length: MAX_PACKS + 1 }, () => ({})) }).settings.packs).toEqual([]);
  });

  it('plans a change of one field without touching the others (packs survive a switch)', () => {
    const stored = { version: SETTINGS_VERSION, packs: [{ id: 'team' }], sites: { gmail: true, zendesk: true } };
    const next = planSettings(stored, { sites: { gmail: false }, wellbeing: { callTip: false } });
    expect(next.packs).toEqual([{ id: 'team' }]);
    expect(next.sites).toEqual({ gmail: false, zendesk: true });
    expect(next.wellbeing.callTip).toBe(false);
    expect(next.wellbeing.breakTip).toBe(true);
    expect(siteEnabled(next, 'gmail')).toBe(false);
    expect(siteEnabled(next, 'zendesk')).toBe(true);
    expect(siteEnabled(next, 'generic')).toBe(true);
  });
});
