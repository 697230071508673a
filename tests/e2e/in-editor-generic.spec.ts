/**
 * Issue 13 on a site the agent added under "other sites" (the generic adapter): a plain textarea
 * (marks drawn from a mirror of its text) and a plain contenteditable, in Chromium and Firefox.
 */
import { describeInEditor } from './helpers/in-editor.ts';
import { servedPage } from './helpers/sites.ts';

const session = {
  served: servedPage('support.example.org', 'generic-form.html', '/contact'),
  url: 'https://support.example.org/contact',
  extension: true,
  grantedSite: 'https://support.example.org',
};

describeInEditor({
  title: 'a textarea on another site',
  session,
  editor: '#reply',
  text: `document.querySelector('#reply').value.trim()`,
});

describeInEditor({
  title: 'a contenteditable on another site',
  session,
  editor: '#notes',
  text: `document.querySelector('#notes').innerText.replace(/\\u00a0/g, ' ').trim()`,
});
