/**
 * The generic fallback on editors other helpdesks use (tests/e2e/pages/generic-editors.html), in
 * Chromium and Firefox through the one cross-browser contract. The generic adapter runs only on
 * origins the agent granted, a browser permission prompt no test can answer, so the adapter is
 * run in the page itself (the same code the content script bundles) and driven with real keys.
 */
import { expect, it } from 'vitest';
import { describeInBrowsers } from './helpers/contract.ts';
import type { Tab } from './helpers/browsers.ts';
import { adapterProbeScript } from './helpers/probe.ts';
import type { ProbeResult } from './helpers/adapter-probe.ts';
import { servedPage } from './helpers/sites.ts';

const URL = 'https://support.example.org/cases/42';

async function probe(tab: Tab): Promise<ProbeResult> {
  const code = await adapterProbeScript();
  return tab.eval<ProbeResult>(`(() => {
    if (!('__cooldownProbe' in globalThis)) { const s = document.createElement('script'); s.textContent = ${JSON.stringify(code)}; document.head.append(s); }
    return globalThis.__cooldownProbe();
  })()`);
}
const insert = (tab: Tab, text: string) => tab.eval<{ ok: boolean; detail: string }>(`globalThis.__cooldownInsert(${JSON.stringify(text)})`);

describeInBrowsers('generic editors', { served: servedPage('support.example.org', 'generic-editors.html', '/cases/'), url: URL, extension: false }, (s) => {
  it('coaches nothing before the agent focuses an editor', async () => {
    expect(await probe(s().site)).toMatchObject({ site: 'generic', conversationId: null, editor: null });
  });

  it('reads and inserts into a CKEditor 4 style editor inside a same-origin iframe', async () => {
    await s().site.click('#ck4');
    await s().site.type("That's our policy.");
    const r = await probe(s().site);
    expect(r?.conversationId).toBe(`generic:${URL}`);
    expect(r?.editor?.draft).toBe("That's our policy.");
    expect(await insert(s().site, 'I understand.')).toMatchObject({ ok: true });
    expect((await probe(s().site))?.editor?.draft).toBe("That's our policy. I understand.");
  });

  it('reads an editor in an open shadow root', async () => {
    await s().site.click('#shadow-editor');
    await s().site.type('Please calm down.');
    expect((await probe(s().site))?.editor?.draft).toBe('Please calm down.');
  });

  it('inserts into a model-first editor through beforeinput, and Ctrl+Z undoes it', async () => {
    await s().site.click('#pm');
    await s().site.type('Hello');
    expect(await s().site.eval('window.__pm.text')).toBe('Hello');
    const result = await insert(s().site, 'I understand.');
    expect(result).toEqual({ ok: true, detail: 'beforeinput' });
    expect(await s().site.eval('window.__pm.text')).toBe('Hello I understand.');
    expect(await s().site.eval('window.__pm.foreign')).toBe(0); // nothing went around the editor's model
    expect((await probe(s().site))?.editor?.draft).toBe('Hello I understand.');
    await s().site.press('Undo');
    expect(await s().site.eval('window.__pm.text')).toBe('Hello');
  });
});
