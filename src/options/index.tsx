/**
 * Options page layout: the first-run welcome (?welcome=1), the agent's settings, other sites for
 * the generic adapter, and rule packs (issue 4's `PacksSection`).
 */
import '../shared/zod-jitless.ts'; // first: before any zod schema runs
import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { PacksSection } from './packs/PacksSection.tsx';
import { GenericSites } from './settings/GenericSites.tsx';
import { SettingsForm } from './settings/SettingsForm.tsx';
import { Welcome } from './welcome/Welcome.tsx';

function Options() {
  const welcome = new URLSearchParams(location.search).has('welcome');
  return (
    <>
      <header><h1>{welcome ? 'Cooldown' : t('optTitle')}</h1></header>
      <main>
        {welcome && <Welcome />}
        {welcome && <h2 class="settings-title">{t('optTitle')}</h2>}
        <SettingsForm />
        <GenericSites />
        <PacksSection />
      </main>
      <footer class="privacy">{t('privacyShort')}</footer>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
