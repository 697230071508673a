/**
 * Issue 14: what the reliability specs (privacy, security, hostile, faults) read and do through a
 * `Tab`, the same expression in Chromium and Firefox.
 */
import type { Tab } from './browsers.ts';
import { CKEDITOR_URL } from './sites.ts';

export const POLL = { timeout: 15_000, interval: 100 };
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const q = JSON.stringify;

export const flagSel = (rule: string): string => `[data-testid="flag"][data-rule="${rule}"]`;
export const count = (tab: Tab, selector: string): Promise<number> => tab.eval<number>(`document.querySelectorAll(${q(selector)}).length`);
/** The first match's textContent (null: no match). */
export const textOf = (tab: Tab, selector: string): Promise<string | null> => tab.eval<string | null>(`document.querySelector(${q(selector)})?.textContent ?? null`);
/** The first match's innerText, non-breaking spaces as spaces ('' when there is no match). */
export const innerText = (tab: Tab, selector: string): Promise<string> =>
  tab.eval<string>(`(document.querySelector(${q(selector)})?.innerText ?? '').replace(/\\u00a0/g, ' ')`);
export const attr = (tab: Tab, selector: string, name: string): Promise<string | null> =>
  tab.eval<string | null>(`document.querySelector(${q(selector)})?.getAttribute(${q(name)}) ?? null`);
export const flagRules = (sidebar: Tab): Promise<string[]> =>
  sidebar.eval<string[]>(`Array.from(document.querySelectorAll('[data-testid="flag"]')).map((e) => e.getAttribute('data-rule') ?? '').sort()`);
export const conversationOf = (sidebar: Tab): Promise<string | null> => attr(sidebar, '[data-testid="sidebar"]', 'data-conversation');
export const customerOf = (sidebar: Tab): Promise<string | null> => textOf(sidebar, '[data-testid="customer"]');

/** Clears the editor at `selector` (select all, delete) and types `text`, as the agent does. */
export async function retype(tab: Tab, selector: string, text: string): Promise<void> {
  await tab.click(selector);
  await tab.press('SelectAll');
  await tab.press('Backspace');
  await tab.type(text);
}

/** Mounts a real CKEditor 5 (what Zendesk runs) in the composer at `selector`; window.__changes counts its data changes. */
export async function mountCkeditor(tab: Tab, selector: string): Promise<void> {
  await tab.eval(`(async () => {
    if (!window.CKEDITOR) {
      await new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = ${q(CKEDITOR_URL)};
        s.onload = resolve;
        s.onerror = () => reject(new Error('CKEditor did not load'));
        document.head.append(s);
      });
    }
    const { InlineEditor, Essentials, Paragraph, Bold, Italic } = window.CKEDITOR;
    const el = document.querySelector(${q(selector)});
    if (!el) throw new Error('composer slot not found');
    const editor = await InlineEditor.create(el, { licenseKey: 'GPL', plugins: [Essentials, Paragraph, Bold, Italic] });
    window.__changes = 0;
    editor.model.document.on('change:data', () => window.__changes++);
    return true;
  })()`);
}

/** CKEditor's own serialisation of the draft, as plain text. */
export const ckeditorText = (tab: Tab, selector: string): Promise<string> => tab.eval<string>(`(() => {
  const data = document.querySelector(${q(selector)})?.ckeditorInstance?.getData() ?? '';
  return (new DOMParser().parseFromString(data, 'text/html').body.textContent ?? '').replace(/\\u00a0/g, ' ').trim();
})()`);

/** Everything in a storage area, as an extension page sees it. */
export const storageDump = (ext: Tab, area: 'local' | 'sync' | 'session'): Promise<Record<string, unknown>> =>
  ext.eval<Record<string, unknown>>(`(globalThis.browser ?? globalThis.chrome).storage.${area}.get(null)`);

/** Messages the worker refused, as counted in storage.session["stats:dropped"]. */
export async function droppedCount(ext: Tab): Promise<number> {
  const got = await storageDump(ext, 'session');
  return typeof got['stats:dropped'] === 'number' ? got['stats:dropped'] : 0;
}

/** Runs an extension API call from an extension page: `call` is an expression over `api` (browser or chrome). */
export const withApi = <T>(ext: Tab, call: string): Promise<T> =>
  ext.eval<T>(`(async () => { const api = globalThis.browser ?? globalThis.chrome; return await (${call}); })()`);
