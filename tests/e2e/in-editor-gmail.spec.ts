/** Issue 13 on Gmail's contenteditable reply box (the shared fixture), in Chromium and Firefox. */
import { describeInEditor } from './helpers/in-editor.ts';
import { GMAIL_EDITOR, GMAIL_URL, gmailServed } from './helpers/sites.ts';

describeInEditor({
  title: 'Gmail contenteditable',
  session: { served: gmailServed, url: GMAIL_URL, extension: true },
  editor: GMAIL_EDITOR,
  text: `(() => { const c = document.querySelector(${JSON.stringify(GMAIL_EDITOR)}).cloneNode(true); c.querySelectorAll('.gmail_quote').forEach((q) => q.remove()); return (c.innerText ?? '').replace(/\\u00a0/g, ' ').trim(); })()`,
});
