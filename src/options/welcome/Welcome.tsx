/**
 * First-run page (options.html?welcome=1, opened by the worker on install): what the three parts
 * of the sidebar show, how to open it, and the privacy promise. The Firefox e2e tests reuse this
 * extension-opened tab to reach the sidebar, so it must stay a plain extension page.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';
import { BUILT_IN } from '../settings/GenericSites.tsx';

export function Welcome() {
  const [shortcut, setShortcut] = useState('');
  // Firefox may leave host access to the user; without it the coach cannot read the helpdesks.
  const [hostAccess, setHostAccess] = useState(true);
  const checkAccess = (): void => void browser.permissions.contains({ origins: [...BUILT_IN] }).then(setHostAccess);
  useEffect(checkAccess, []);
  useEffect(() => {
    void browser.commands.getAll().then((all) => {
      const open = all.find((c) => c.name === '_execute_action' || c.name === '_execute_sidebar_action');
      setShortcut(open?.shortcut ?? '');
    });
  }, []);
  return (
    <section class="welcome" data-testid="welcome" aria-labelledby="welcome-h">
      <h2 id="welcome-h">{t('welcomeHeading')}</h2>
      <p>{t('welcomeIntro')}</p>
      <ol class="three">
        <li data-testid="welcome-mood"><strong>{t('welcomeMoodTitle')}</strong> {t('welcomeMoodBody')}</li>
        <li data-testid="welcome-playbook"><strong>{t('welcomePlaybookTitle')}</strong> {t('welcomePlaybookBody')}</li>
        <li data-testid="welcome-flags"><strong>{t('welcomeFlagsTitle')}</strong> {t('welcomeFlagsBody')}</li>
      </ol>
      <p>
        {t('welcomeOpen')}{shortcut ? <> {t('welcomeOpenShortcut')} <kbd data-testid="shortcut">{shortcut}</kbd></> : null}.{' '}
        {t('welcomePopOut')}
      </p>
      <p class="promise" data-testid="privacy-promise"><strong>{t('welcomePrivacyTitle')}</strong> {t('welcomePrivacyBody')}</p>
      {!hostAccess && (
        <p>
          {t('welcomeNeedsAccess')}{' '}
          <button type="button" onClick={() => void browser.permissions.request({ origins: [...BUILT_IN] }).then(checkAccess)}>{t('welcomeAllowAccess')}</button>
        </p>
      )}
    </section>
  );
}
