/**
 * Options (placeholder until issue 4): enable the generic adapter on a site. Host access for a
 * site is an optional permission, asked for here from the agent's click.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser.ts';

const BUILT_IN = ['https://mail.google.com/*', 'https://*.zendesk.com/*'];

function patternFor(input: string): string | null {
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(input) ? input : `https://${input}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.protocol}//${url.hostname}/*` : null;
  } catch {
    return null;
  }
}

function Welcome() {
  const [shortcut, setShortcut] = useState('');
  // Firefox may leave host access to the user; without it the coach cannot read the helpdesks.
  const [hostAccess, setHostAccess] = useState(true);
  const checkAccess = (): void => void browser.permissions.contains({ origins: BUILT_IN }).then(setHostAccess);
  useEffect(checkAccess, []);
  useEffect(() => {
    void browser.commands.getAll().then((all) => {
      const open = all.find((c) => c.name === '_execute_action' || c.name === '_execute_sidebar_action');
      setShortcut(open?.shortcut ?? '');
    });
  }, []);
  return (
    <section data-testid="welcome">
      <h2>Welcome to Cooldown</h2>
      <p>
        Open a Zendesk ticket or a Gmail thread, then open the coach with the toolbar button
        {shortcut ? <> or <kbd>{shortcut}</kbd></> : null}. It reads the conversation on screen and your draft as you type.
      </p>
      {!hostAccess && (
        <p>
          Cooldown needs access to Gmail and Zendesk to read the conversation.{' '}
          <button type="button" onClick={() => void browser.permissions.request({ origins: BUILT_IN }).then(checkAccess)}>Allow access</button>
        </p>
      )}
    </section>
  );
}

function Options() {
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
    if (!pattern) return setError('Enter a site address such as support.example.com');
    setError('');
    void browser.permissions.request({ origins: [pattern] }).then((granted) => {
      if (!granted) setError('Permission was not granted.');
      setSite('');
      load();
    });
  };
  const remove = (o: string): void => void browser.permissions.remove({ origins: [o] }).then(load);
  return (
    <main>
      <h1>Cooldown options</h1>
      {new URLSearchParams(location.search).has('welcome') && <Welcome />}
      <p>Zendesk and Gmail are coached out of the box. Enable other sites to coach the text field you are typing in.</p>
      <form onSubmit={add}>
        <label>Site <input value={site} onInput={(e) => setSite((e.target as HTMLInputElement).value)} placeholder="support.example.com" /></label>
        <button type="submit">Enable</button>
      </form>
      {error && <p role="alert">{error}</p>}
      <ul>
        {origins.map((o) => (
          <li key={o}>{o} <button type="button" onClick={() => remove(o)}>Remove</button></li>
        ))}
      </ul>
      <p><small>Analysis runs on this device. Nothing you type leaves the browser.</small></p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
