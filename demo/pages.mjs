// The demo helpdesk pages, built from a plain transcript (the same file the CLI analyses), so
// `npm start`, the screenshots and the CLI report all show one conversation. The markup follows
// the stable facts the adapters key on (see src/adapters/zendesk.ts and gmail.ts); it is ours,
// not copied from either app. Served at https://demo.zendesk.com/agent/tickets/1001 and
// https://mail.google.com/mail/u/0/#inbox/demo by playwright's context.route, never from disk.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const demoDir = path.dirname(fileURLToPath(import.meta.url));
export const DEMO_TRANSCRIPT = path.join(demoDir, 'angry-ticket.txt');
export const ZENDESK_DEMO_URL = 'https://demo.zendesk.com/agent/tickets/1001';
export const GMAIL_DEMO_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzDemoThread1001';
const AGENT = { name: 'Dana Whitfield', email: 'dana@acme-support.com' };

/** `Name:`, then `Customer:` / `Agent:` lines and a last `Draft:`; other lines continue the one above. */
export function parseTranscript(text) {
  const out = { name: '', messages: [], draft: '' };
  let last = null;
  for (const line of text.split(/\r?\n/)) {
    const m = /^(Name|Customer|Agent|Draft):\s?(.*)$/.exec(line);
    if (m) {
      const [, kind, body] = m;
      if (kind === 'Name') { out.name = body.trim(); last = null; }
      else if (kind === 'Draft') { out.draft = body; last = 'draft'; }
      else { out.messages.push({ role: kind === 'Customer' ? 'customer' : 'agent', text: body }); last = out.messages.at(-1); }
    } else if (line.trim() && last) {
      if (last === 'draft') out.draft += `\n${line}`;
      else last.text += `\n${line}`;
    }
  }
  return out;
}

export const readDemo = (file = DEMO_TRANSCRIPT) => parseTranscript(readFileSync(file, 'utf8'));

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const paras = (s) => s.split(/\n+/).map((p) => `<p>${esc(p)}</p>`).join('');
const emailOf = (name) => `${name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@example.com`;

export function zendeskPage(convo) {
  const customer = convo.name || 'Customer';
  const items = convo.messages.map((m, i) => {
    const who = m.role === 'customer' ? customer : AGENT.name;
    return `<article data-test-id="omni-log-comment-item" aria-label="${esc(who)}">
      <div class="avatar ${m.role}" aria-hidden="true">${esc(who[0])}</div>
      <div><span data-test-id="omni-log-item-sender"><strong>${esc(who)}</strong></span>
        <span class="when">${m.role === 'customer' ? 'via email' : 'public reply'} · ${9 + i}:0${i} AM</span>
        <div data-test-id="omni-log-item-message" type="${m.role === 'customer' ? 'end-user' : 'agent'}" mode="standalone">
          <div data-test-id="omni-log-message-content" data-originated-from="EmailInteraction">${paras(m.text)}</div>
        </div></div></article>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket #1001 – Acme Support (Cooldown demo)</title>
<style>
  body { margin: 0; font: 14px/1.5 system-ui, sans-serif; color: #2f3941; background: #f8f9f9; }
  header { height: 44px; display: flex; align-items: center; gap: 12px; padding: 0 16px; background: #03363d; color: #fff; }
  header .tab { background: #fff; color: #2f3941; border-radius: 4px; padding: 4px 10px; font-size: 13px; }
  main#main_panes > div { display: grid; grid-template-columns: 220px 1fr; height: calc(100vh - 44px); }
  .props { border-right: 1px solid #d8dcde; padding: 16px; background: #fff; }
  .props label { display: block; font-size: 12px; color: #68737d; margin-top: 10px; }
  .work { display: flex; flex-direction: column; min-width: 0; }
  .subject { font-size: 18px; font-weight: 600; padding: 14px 20px; border-bottom: 1px solid #d8dcde; background: #fff; }
  [data-test-id="omni-log-container"] { flex: 1; overflow: auto; padding: 4px 20px; }
  article { display: grid; grid-template-columns: 40px 1fr; gap: 10px; padding: 12px 0; border-bottom: 1px solid #e9ebed; }
  .avatar { width: 32px; height: 32px; border-radius: 50%; display: grid; place-items: center; color: #fff; background: #1f73b7; font-weight: 600; }
  .avatar.customer { background: #c72a1c; }
  .when { color: #68737d; font-size: 12px; margin-left: 6px; }
  [data-test-id="omni-log-message-content"] p { margin: 4px 0; }
  .composer { border-top: 1px solid #d8dcde; background: #fff; padding: 10px 20px 16px; }
  .composer .label { font-size: 12px; color: #68737d; }
  [data-test-id="omnicomposer-rich-text-ckeditor"] { min-height: 72px; border: 1px solid #c2c8cc; border-radius: 4px; padding: 8px; outline: none; }
  [data-test-id="omnicomposer-rich-text-ckeditor"] p { margin: 0; }
</style></head><body>
<header><strong>Acme Support</strong><span class="tab">#1001 Charged twice, refund missing</span><span style="margin-left:auto;font-size:12px;opacity:.8">Cooldown demo page, served locally</span></header>
<main id="main_panes"><div data-ticket-id="1001" data-test-id="ticket-pane">
  <section class="props"><label>Requester</label><div data-test-id="ticket-system-field-requester-select"><span>${esc(customer)}</span></div>
    <label>Assignee</label><div>Support / ${esc(AGENT.name)}</div><label>Priority</label><div>High</div></section>
  <section class="work"><div class="subject">Charged twice and still no refund!!</div>
    <div data-test-id="omni-log-container" role="log" aria-label="Conversation">${items}</div>
    <div class="composer"><div class="label">Public reply</div>
      <div data-test-id="ticket-rich-text-editor"><div class="zendesk-editor--rich-text-container">
        <div class="ck ck-content ck-editor__editable" role="textbox" aria-label="Reply" contenteditable="true" data-test-id="omnicomposer-rich-text-ckeditor">${convo.draft ? paras(convo.draft) : '<p><br></p>'}</div>
      </div></div></div></section>
</div></main></body></html>`;
}

export function gmailPage(convo) {
  const customer = convo.name || 'Customer';
  const customerEmail = emailOf(customer);
  const msgs = convo.messages.map((m, i) => {
    const [name, email] = m.role === 'customer' ? [customer, customerEmail] : [AGENT.name, AGENT.email];
    const id = m.role === 'customer' ? `#msg-f:18000000000000000${i}` : `#msg-a:r-9000000000000000${i}`;
    return `<div class="adn ads" data-message-id="${id}">
      <h3 class="iw"><span class="gD" email="${esc(email)}" name="${esc(name)}">${esc(name)}</span> <span class="go">&lt;${esc(email)}&gt;</span>
        <span class="g3" title="Nov 2${i}, 2026, 9:0${i} AM">Nov 2${i}</span></h3>
      <div class="ii gt"><div class="a3s aiL">${paras(m.text)}</div></div></div>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbox - ${AGENT.email} - Gmail (Cooldown demo)</title>
<style>
  body { margin: 0; font: 14px/1.5 Arial, sans-serif; color: #202124; background: #f6f8fc; }
  #gb { height: 56px; display: flex; align-items: center; padding: 0 16px; gap: 12px; }
  #gb .logo { font-size: 20px; color: #5f6368; } #gb a { margin-left: auto; width: 32px; height: 32px; border-radius: 50%; background: #5f6368; }
  .thread { background: #fff; border-radius: 16px; margin: 0 16px 16px; padding: 16px 24px; min-height: calc(100vh - 90px); }
  h2.hP { font-size: 22px; font-weight: 400; margin: 4px 0 16px; }
  .adn { border-bottom: 1px solid #eceff1; padding: 10px 0; } .gD { font-weight: 700; } .go, .g3 { color: #5f6368; font-size: 12px; } .g3 { float: right; }
  .a3s p { margin: 6px 0; }
  .reply { border: 1px solid #dadce0; border-radius: 8px; padding: 10px; margin-top: 14px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  .reply [contenteditable] { min-height: 70px; outline: none; } .reply [contenteditable] div { min-height: 1em; }
</style></head><body>
<div id="gb"><span class="logo">Gmail</span><span style="font-size:12px;color:#5f6368">Cooldown demo page, served locally</span><a href="#" aria-label="Google Account: ${AGENT.name} (${AGENT.email})"></a></div>
<div class="thread" role="main"><h2 class="hP" data-thread-perm-id="thread-f:1800000000000001001">Charged twice and still no refund!!</h2>
${msgs}
<div class="reply"><div style="font-size:12px;color:#5f6368">To ${esc(customer)}</div>
  <div class="Am Al editable" role="textbox" aria-label="Message Body" aria-multiline="true" g_editable="true" contenteditable="true">${convo.draft ? convo.draft.split('\n').map((l) => `<div>${esc(l)}</div>`).join('') : '<div><br></div>'}</div></div>
</div></body></html>`;
}

/** `Served` entries (as in tests/e2e/helpers/sites.ts) for playwright's context.route. */
export function demoSites(convo = readDemo()) {
  const html = (body) => ({ body, contentType: 'text/html; charset=utf-8' });
  return [
    { host: 'demo.zendesk.com', respond: (url) => (new URL(url).pathname.startsWith('/agent/') ? html(zendeskPage(convo)) : null) },
    { host: 'mail.google.com', respond: (url) => (new URL(url).pathname.startsWith('/mail/') ? html(gmailPage(convo)) : null) },
  ];
}
