/** Other sites: enable the generic adapter per origin (an optional host permission, asked for on the agent's click). */
import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';
import { HOST_PERMISSIONS } from '../../sites/registry.ts';

/** The built-in sites' host permissions (the site registry), not listed as "other sites". */
export const BUILT_IN: readonly string[] = HOST_PERMISSIONS;

export function patternFor(input: string): string | null {
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(input) ? input : `https://${input}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.protocol}//${url.hostname}/*` : null;
  } catch {
    return null;
  }
}

export function GenericSites() {
  const [origins, setOrigins] = useState<string[]>([]);
  const [site, setSite] = useState('');
  const [error, setError] = useState('');
  const load = (): void => {
    void browser.permissions.getAll().then((p) => setOrigins((p.origins ?? []).filter((o) => !BUILT_IN.includes(o))));
  };
  useEffect(load, []);
  const add = (e: Event): void => {
    e.preventDefault();
    const pattern = patternFor(site.trim());
    if (!pattern) return setError(t('optSiteInvalid'));
    setError('');
    void browser.permissions.request({ origins: [pattern] }).then((granted) => {
      if (!granted) setError(t('optSiteDenied'));
      setSite('');
      load();
    });
  };
  const remove = (o: string): void => void browser.permissions.remove({ origins: [o] }).then(load);
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
