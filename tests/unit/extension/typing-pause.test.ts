import { describe, expect, it } from 'vitest';
import { DEFAULT_TYPING_PAUSE_MS, typingPauseOf } from '../../../src/shared/limits.ts';
import { parseSettings } from '../../../src/shared/settings.ts';

describe('typingPauseOf (the content script reads settings without the schema library)', () => {
  it('reads a valid pause and falls back to the default for anything else', () => {
    expect(typingPauseOf({ typingPauseMs: 900 })).toBe(900);
    for (const bad of [undefined, null, {}, { typingPauseMs: 149 }, { typingPauseMs: 3001 }, { typingPauseMs: 400.5 }, { typingPauseMs: '900' }, 'x']) {
      expect(typingPauseOf(bad)).toBe(DEFAULT_TYPING_PAUSE_MS);
    }
  });

  it('agrees with the settings schema on what the pause is', () => {
    for (const ms of [150, 400, 2999, 3000]) expect(typingPauseOf(parseSettings({ version: 2, typingPauseMs: ms }))).toBe(parseSettings({ version: 2, typingPauseMs: ms }).typingPauseMs);
  });
});
