import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS, MAX_TYPING_PAUSE_MS, MIN_TYPING_PAUSE_MS, planSettings, readSettings, SETTINGS_VERSION, siteEnabled,
} from '../../../src/shared/settings.ts';

describe('settings schema', () => {
  it('migrates a v1 record (packs only, no version), dropping the dead packs field (packs live under storage.local["packs"])', () => {
    const { settings, problem } = readSettings({ packs: [{ id: 'team' }] });
    expect(problem).toBeNull();
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings).not.toHaveProperty('packs');
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
  });

  it('migrates a v2 record, dropping its dead packs field and keeping the rest', () => {
    const { settings, problem } = readSettings({ version: 2, packs: Array.from({ length: 60 }, () => ({})), compact: true });
    expect(problem).toBeNull();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, compact: true });
  });

  it('plans a change of one field without touching the others', () => {
    const stored = { version: SETTINGS_VERSION, compact: true, sites: { gmail: true, zendesk: true } };
    const next = planSettings(stored, { sites: { gmail: false }, wellbeing: { callTip: false } });
    expect(next.compact).toBe(true);
    expect(next.sites).toEqual({ gmail: false, zendesk: true });
    expect(next.wellbeing.callTip).toBe(false);
    expect(next.wellbeing.breakTip).toBe(true);
    expect(siteEnabled(next, 'gmail')).toBe(false);
    expect(siteEnabled(next, 'zendesk')).toBe(true);
    expect(siteEnabled(next, 'generic')).toBe(true);
  });
});
