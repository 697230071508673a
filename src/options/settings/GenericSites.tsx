/**
 * Other sites: enable the generic adapter per origin. The host permission is asked for here, on
 * the agent's click (a user gesture); the worker then records the site as coached and registers
 * the scripts. Host access granted for a pack download is not listed: it is not a coached site.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';
import { HOST_PERMISSIONS } from '../../sites/registry.ts';
import { request } from '../../shared/request.ts';
import { patternFor } from '../../shared/site-pattern.ts';

export { patternFor };

/** The built-in sites' host permissions (the site registry), not listed as "other sites". */
export const BUILT_IN: readonly string[] = HOST_PERMISSIONS;

const COACHED_SITES_KEY = 'coachedSites';

async function coachedAndGranted(): Promise<string[]> {
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  const stored = (await browser.storage.local.get(COACHED_SITES_KEY))[COACHED_SITES_KEY];
  return Array.isArray(stored) ? stored.filter((o): o is string => typeof o === 'string' && granted.has(o)) : [];
}

export function GenericSites() {
  const [origins, setOrigins] = useState<string[]>([]);
  const [site, setSite] = useState('');
  const [error, setError] = useState('');
  const load = (): void => {
    void coachedAndGranted().then(setOrigins);
  };
  useEffect(load, []);
  const add = (e: Event): void => {
    e.preventDefault();
    const pattern = patternFor(site.trim());
    if (!pattern) return setError(t('optSiteInvalid'));
    setError('');
    void browser.permissions.request({ origins: [pattern] }).then(async (granted) => {
      if (!granted) setError(t('optSiteDenied'));
      else await request({ kind: 'options/site-add', origin: pattern });
      setSite('');
      load();
    });
  };
  const remove = (o: string): void => void request({ kind: 'options/site-remove', origin: o }).then(load);
  return (
    <section class="card" aria-labelledby="generic-h">
      <h2 id="generic-h">{t('optOtherSitesHeading')}</h2>
      <p>{t('optOtherSitesIntro')}</p>
      <form onSubmit={add} class="row">
        <label for="site-input">{t('optSiteLabel')}</label>
        <input id="site-input" value={site} onInput={(e) => setSite((e.target as HTMLInputElement).value)} placeholder="support.example.com" />
        <button type="submit">{t('optSiteEnable')}</button>
      </form>
      {error && <p role="alert">{error}</p>}
      <ul>
        {origins.map((o) => (
          <li key={o}>{o} <button type="button" onClick={() => remove(o)} aria-label={t('optSiteRemoveLabel', o)}>{t('optSiteRemove')}</button></li>
        ))}
      </ul>
    </section>
  );
}
