/** Issue 13 on Zendesk's composer with a real CKEditor 5 (the workspace fixture), in Chromium and Firefox. */
import { describeInEditor } from './helpers/in-editor.ts';
import { servedPage } from './helpers/sites.ts';

describeInEditor({
  title: 'Zendesk CKEditor 5',
  session: { served: servedPage('acme.zendesk.com', 'zendesk-workspace.html', '/agent/'), url: 'https://acme.zendesk.com/agent/tickets/5150', extension: true },
  editor: '#composer',
  ready: '!!window.__editor',
  // CKEditor 5 draws its toolbar and balloons in a `.ck-body-wrapper` at the end of <body>.
  editorUi: '.ck-body-wrapper, .ck-body-wrapper *, .ck',
  // The draft as CKEditor's own model holds it.
  text: `(() => { const d = window.__editor?.getData() ?? ''; return Array.from(new DOMParser().parseFromString(d, 'text/html').body.children).map((p) => p.textContent).join('\\n').replace(/\\u00a0/g, ' ').trim(); })()`,
});
