/**
 * What an agent expects to set: the typing pause, which helpdesks are coached, compact mode, and
 * the two wellbeing tips. Each control saves on change (no Save button to forget).
 */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { MAX_BREAK_AFTER, MAX_TYPING_PAUSE_MS, MIN_BREAK_AFTER, MIN_TYPING_PAUSE_MS, type SettingsPatch } from '../../shared/settings.ts';
import { SITES } from '../../sites/registry.ts';
import { saveSettings, useStoredSettings } from './store.ts';

export function SettingsForm() {
  const { settings, problem, loaded } = useStoredSettings();
  const [status, setStatus] = useState('');
  const save = (patch: SettingsPatch): void => {
    saveSettings(patch).then(() => setStatus(t('optSaved')), (err: unknown) => setStatus(t('optSaveFailed', err instanceof Error ? err.message : String(err))));
  };
  const checked = (e: Event): boolean => (e.currentTarget as HTMLInputElement).checked;
  const num = (e: Event): number => Number((e.currentTarget as HTMLInputElement | HTMLSelectElement).value);
  return (
    <section class="card" aria-labelledby="settings-h" data-testid="settings" data-loaded={String(loaded)}>
      <h2 id="settings-h">{t('optSettingsHeading')}</h2>
      {problem === 'newer' && <p class="notice" role="alert">{t('optSettingsNewer')}</p>}
      {problem === 'invalid' && <p class="notice" role="alert">{t('optSettingsInvalid')}</p>}

      <fieldset>
        <legend>{t('optSitesLegend')}</legend>
        {SITES.map((site) => (
          <label class="check" key={site.id}><input type="checkbox" data-testid={`site-${site.id}`} checked={settings.sites[site.id]} onChange={(e) => save({ sites: { [site.id]: checked(e) } })} /> {site.name}</label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('optSidebarLegend')}</legend>
        <label class="field" for="typing-pause">{t('optTypingPause')}</label>
        <div class="row">
          <input id="typing-pause" type="range" data-testid="typing-pause" min={MIN_TYPING_PAUSE_MS} max={MAX_TYPING_PAUSE_MS} step={50}
            value={settings.typingPauseMs} aria-describedby="typing-pause-help" aria-valuetext={t('optMs', settings.typingPauseMs)}
            onChange={(e) => save({ typingPauseMs: num(e) })} />
          <output for="typing-pause">{t('optMs', settings.typingPauseMs)}</output>
        </div>
        <p id="typing-pause-help" class="muted">{t('optTypingPauseHelp')}</p>
        <label class="check"><input type="checkbox" data-testid="compact" checked={settings.compact} onChange={(e) => save({ compact: checked(e) })} /> {t('optCompact')}</label>
      </fieldset>

      <fieldset>
        <legend>{t('optWellbeingLegend')}</legend>
        <label class="check">
          <input type="checkbox" data-testid="break-tip-on" checked={settings.wellbeing.breakTip} onChange={(e) => save({ wellbeing: { breakTip: checked(e) } })} />{' '}
          {t('optBreakTip')}
        </label>
        <label class="field indent" for="break-after">{t('optBreakAfter')}</label>
        <select id="break-after" class="indent" value={String(settings.wellbeing.breakAfter)} disabled={!settings.wellbeing.breakTip}
          onChange={(e) => save({ wellbeing: { breakAfter: num(e) } })}>
          {Array.from({ length: MAX_BREAK_AFTER - MIN_BREAK_AFTER + 1 }, (_, i) => i + MIN_BREAK_AFTER).filter((n) => n <= 10).map((n) => (
            <option key={n} value={String(n)}>{n}</option>
          ))}
        </select>
        <label class="check">
          <input type="checkbox" data-testid="call-tip-on" checked={settings.wellbeing.callTip} onChange={(e) => save({ wellbeing: { callTip: checked(e) } })} />{' '}
          {t('optCallTip')}
        </label>
      </fieldset>
      <p role="status" class="muted" data-testid="settings-status">{status}</p>
    </section>
  );
}
