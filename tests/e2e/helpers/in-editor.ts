/**
 * Issue 13's checks, written once and run per editor kind (Gmail contenteditable, Zendesk's
 * CKEditor 5, …) in Chromium and Firefox with the built extension: underlines under the phrase's
 * own rect that follow edits and scrolling, the card by hover and by keyboard, Replace through
 * the editor with one undo, "not here" in editor and sidebar, nothing else changed on the page,
 * and a page script that finds nothing of ours. Marks are read from screenshots (the overlay is
 * in a closed shadow root nobody else can open).
 */
import { afterAll, beforeAll, describe, expect, it as vit } from 'vitest';
import { readSidebar } from './contract.ts';
import { BROWSERS, openSession, type Session, type SessionOptions, type Tab } from './browsers.ts';
import { COLOURS, crop, decodePng, findColour } from './pixels.ts';

const view = async (tab: Tab, clip: { x: number; y: number; width: number; height: number }) => crop(decodePng(await tab.shot()), clip);

const POLL = { timeout: 15_000, interval: 100 };
/** Longer than the default typing pause (400 ms) plus an analysis: for "did NOT happen". */
const QUIET_MS = 900;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface EditorKind {
  title: string;
  session: SessionOptions;
  /** CSS selector of the editor the agent types in. */
  editor: string;
  /** Before the tests: e.g. wait for CKEditor 5 to mount. */
  ready?: string;
  /** The draft as the site's own editor holds it (expression). */
  text: string;
  /** Selector of the editor's own UI outside its editable (toolbars, balloons): its mutations are the page's. */
  editorUi?: string;
  /** Checks not yet passing on this editor kind in a browser (listed in the report, skipped visibly). */
  pending?: { test: RegExp; browsers: string[] }[];
}

export interface Rect { left: number; top: number; right: number; bottom: number; width: number; height: number }

/** Page-side: the first line rect of the `n`-th occurrence of `sub` in the editor's text nodes (the test's own words). */
const rectOf = (editor: string, sub: string): string => `(() => {
  const root = document.querySelector(${JSON.stringify(editor)});
  if (root instanceof HTMLTextAreaElement) {
    // A textarea has no text nodes: the test measures the phrase in its own mirror (the usual
    // caret-position technique), laid over the textarea with the same box, font and wrapping.
    const i = root.value.indexOf(${JSON.stringify(sub)});
    if (i < 0) return null;
    const cs = getComputedStyle(root);
    const mirror = document.createElement('div');
    mirror.__testMirror = true;
    for (const p of ['boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'lineHeight', 'textTransform', 'wordSpacing', 'textIndent', 'tabSize']) mirror.style[p] = cs[p];
    const box = root.getBoundingClientRect();
    Object.assign(mirror.style, { position: 'fixed', left: box.left + 'px', top: box.top - root.scrollTop + 'px', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', visibility: 'hidden', overflow: 'hidden', height: 'auto' });
    mirror.style.width = (root.clientWidth + parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth)) + 'px';
    if (cs.boxSizing !== 'border-box') mirror.style.width = root.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) + 'px';
    const text = document.createTextNode(root.value);
    mirror.append(text);
    document.documentElement.append(mirror);
    const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + ${sub.length});
    const b = r.getClientRects()[0];
    mirror.remove();
    return b ? { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height } : null;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.data.replace(/\\u00a0/g, ' ').indexOf(${JSON.stringify(sub)});
    if (i < 0) continue;
    const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + ${sub.length});
    const b = r.getClientRects()[0]; if (!b) return null;
    return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height };
  }
  return null;
})()`;

async function colourUnder(tab: Tab, r: Rect, rgb: readonly number[]) {
  const clip = { x: Math.max(0, Math.floor(r.left) - 4), y: Math.max(0, Math.floor(r.bottom) - 4), width: Math.ceil(r.width) + 8, height: 10 };
  const found = findColour(await view(tab, clip), rgb);
  return { ...found, left: clip.x + found.x1, right: clip.x + found.x2 + 1 };
}

/** The underline sits under the phrase: coloured pixels spanning (almost) exactly its width. */
async function expectUnderlined(tab: Tab, r: Rect, rgb: readonly number[] = COLOURS.error): Promise<void> {
  await expect.poll(async () => (await colourUnder(tab, r, rgb)).count, POLL).toBeGreaterThan(4);
  const u = await colourUnder(tab, r, rgb);
  expect(Math.abs(u.left - r.left)).toBeLessThanOrEqual(2);
  expect(Math.abs(u.right - r.right)).toBeLessThanOrEqual(2);
}

async function expectNotUnderlined(tab: Tab, r: Rect): Promise<void> {
  for (const rgb of [COLOURS.error, COLOURS.warning, COLOURS.info]) expect((await colourUnder(tab, r, rgb)).count).toBe(0);
}

export function describeInEditor(kind: EditorKind): void {
  // describeInBrowsers' loop, written out so a check can be marked pending in one browser.
  for (const browser of BROWSERS) describe(`in-editor coaching, ${kind.title} in ${browser}`, () => {
    let session: Session | undefined;
    beforeAll(async () => {
      session = await openSession(browser, kind.session);
      const site = session.site;
      if (kind.ready) await site.until(kind.ready, 20_000);
      // The page records every mutation outside the editor from now on (checked in the last test).
      await site.eval(`(() => {
        const editor = document.querySelector(${JSON.stringify(kind.editor)});
        window.__foreign = [];
        // The page's own words before the agent typed (a fixture may quote "calm down" itself).
        const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
        window.__ownText = new Set();
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!editor.contains(n)) window.__ownText.add(n.data);
        new MutationObserver((records) => {
          for (const r of records) {
            // The editor's own typing; a text node the editor removed after changing it is no longer part of the page.
            if (editor.contains(r.target) || !r.target.isConnected) continue;
            // The test's own measuring mirror for a textarea (see rectOf).
            if (Array.from(r.addedNodes).some((n) => n.__testMirror)) continue;
            // The editor's own UI outside its editable (CKEditor's toolbar and balloons) is the page's doing.
            const ui = ${JSON.stringify(kind.editorUi ?? '')};
            if (ui && (r.target.closest?.(ui) || (r.addedNodes.length && Array.from(r.addedNodes).every((n) => n.matches?.(ui))))) continue;
            window.__foreign.push({ type: r.type, target: r.target.nodeName, html: (r.target.outerHTML || '').slice(0, 150), added: Array.from(r.addedNodes).map((n) => n.nodeName + ':' + (n.attributes ? n.attributes.length : '-')), removed: r.removedNodes.length, attr: r.attributeName });
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      })()`);
    });
    afterAll(async () => {
      await session?.close();
    });
    const s = (): Session => {
      if (!session) throw new Error(`${browser} did not start`);
      return session;
    };
    const it = (name: string, fn: () => Promise<void>): void => {
      const pending = kind.pending?.some((p) => p.test.test(name) && p.browsers.includes(browser));
      (pending ? vit.skip : vit)(name, fn);
    };
    const site = () => s().site;
    const rect = async (sub: string): Promise<Rect> => {
      let r: Rect | null = null;
      await expect.poll(async () => (r = await site().eval<Rect | null>(rectOf(kind.editor, sub))), POLL).not.toBeNull();
      return r!;
    };
    const clearAndType = async (text: string): Promise<void> => {
      await site().click(kind.editor);
      await site().press('SelectAll');
      await site().press('Backspace');
      await site().until(`${kind.text} === ''`);
      await site().type(text);
    };
    const flags = async () => (await readSidebar(s().sidebar)).flags;

    it('underlines the flagged phrase under its own rect, and not the words around it', async () => {
      await clearAndType('Thanks for writing in. Please calm down and wait.');
      await expect.poll(flags, POLL).toContain('avoid-calm-down');
      await expectUnderlined(site(), await rect('calm down'));
      await expectNotUnderlined(site(), await rect('Thanks for'));
      await expectNotUnderlined(site(), await rect('and wait'));
    });

    it('the underline moves down when text above it grows', async () => {
      await clearAndType('Thanks for writing in. Please calm down and wait.');
      const before = await rect('calm down');
      await expectUnderlined(site(), before);
      await site().eval(`(() => {
        const el = document.querySelector(${JSON.stringify(kind.editor)});
        if (el instanceof HTMLTextAreaElement) return el.setSelectionRange(0, 0);
        const first = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
        const r = document.createRange(); r.setStart(first, 0); r.collapse(true);
        const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r);
      })()`);
      await site().type('Hello Margaret,');
      await site().key('Enter');
      const after = await rect('calm down');
      expect(after.top).toBeGreaterThan(before.top + 5);
      await expectUnderlined(site(), after);
      await expect.poll(async () => (await colourUnder(site(), before, COLOURS.error)).count, POLL).toBe(0);
    });

    it('follows the editor when it scrolls, and is clipped to it', async () => {
      await clearAndType('Thanks for writing in. Please calm down and wait.');
      // The page makes its editor a short scrolling box (as many composers are), then scrolls it.
      await site().eval(`(() => { const el = document.querySelector(${JSON.stringify(kind.editor)}); el.style.height = el.style.maxHeight = '60px'; el.style.minHeight = '0'; el.style.overflowY = 'auto'; })()`);
      await site().key('Control+End');
      await site().key('Enter');
      await site().type('One more line.');
      await site().key('Enter');
      await site().type('And another.');
      for (const line of ['Line three.', 'Line four.', 'Line five.']) {
        await site().key('Enter');
        await site().type(line);
      }
      await site().eval(`document.querySelector(${JSON.stringify(kind.editor)}).scrollTop = 0`);
      const top = await rect('calm down');
      await expectUnderlined(site(), top);
      await site().eval(`document.querySelector(${JSON.stringify(kind.editor)}).scrollTop = 12`);
      const scrolled = await rect('calm down');
      expect(scrolled.top).toBeLessThan(top.top - 5);
      await expectUnderlined(site(), scrolled);
      await site().eval(`document.querySelector(${JSON.stringify(kind.editor)}).scrollTop = 10000`);
      const box = await site().eval<Rect>(`(() => { const b = document.querySelector(${JSON.stringify(kind.editor)}).getBoundingClientRect(); return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height }; })()`);
      const hidden = await rect('calm down');
      // Scrolled out of the box: nothing drawn over the page above the editor.
      expect(hidden.bottom).toBeLessThan(box.top);
      await sleep(100);
      const img = await view(site(), { x: Math.floor(box.left), y: Math.max(0, Math.floor(hidden.top) - 4), width: Math.ceil(box.width), height: Math.ceil(box.top - hidden.top) + 2 });
      expect(findColour(img, COLOURS.error).count).toBe(0);
      await site().eval(`(() => { const el = document.querySelector(${JSON.stringify(kind.editor)}); el.style.height = el.style.maxHeight = el.style.minHeight = el.style.overflowY = ''; el.scrollTop = 0; })()`);
    });

    it('hover opens the card; its Replace lands through the editor and one undo restores the draft', async () => {
      await clearAndType('Please calm down and wait.');
      const r = await rect('calm down');
      await expectUnderlined(site(), r);
      await site().hover(r.left + r.width / 2, r.top + r.height / 2);
      // The card's Replace button (green) appears beside the phrase.
      const region = { x: Math.max(0, Math.floor(r.left) - 320), y: Math.max(0, Math.floor(r.top) - 260), width: 760, height: 560 };
      let button = { count: 0, x1: 0, y1: 0, x2: 0, y2: 0 };
      await expect.poll(async () => (button = findColour(await view(site(), region), COLOURS.replace, 4)).count, POLL).toBeGreaterThan(50);
      const before = await site().eval<string>(kind.text);
      await site().clickAt(region.x + (button.x1 + button.x2) / 2, region.y + button.y1 + 6);
      await expect.poll(() => site().eval<string>(kind.text), POLL).not.toContain('calm down');
      const replaced = await site().eval<string>(kind.text);
      expect(replaced).toMatch(/^Please .+ and wait\.$/);
      await expect.poll(flags, POLL).not.toContain('avoid-calm-down');
      await site().press('Undo');
      await expect.poll(() => site().eval<string>(kind.text), POLL).toBe(before);
    });

    it('a key from inside the editor opens the card with focus; Escape returns to the editor; Enter replaces', async () => {
      await clearAndType('Please calm down and wait.');
      await expectUnderlined(site(), await rect('calm down'));
      await site().key('Alt+Shift+KeyJ');
      // Focus left the editor for our card (the page sees only our neutral host as active).
      await site().until(`!document.querySelector(${JSON.stringify(kind.editor)}).contains(document.activeElement)`);
      await site().key('Escape');
      await site().until(`document.querySelector(${JSON.stringify(kind.editor)}).contains(document.activeElement)`);
      await site().type(' Thanks.');
      await expect.poll(() => site().eval<string>(kind.text), POLL).toBe('Please calm down and wait. Thanks.');
      await site().key('Alt+Shift+KeyJ');
      await site().until(`!document.querySelector(${JSON.stringify(kind.editor)}).contains(document.activeElement)`);
      await site().key('Enter');
      await expect.poll(() => site().eval<string>(kind.text), POLL).not.toContain('calm down');
      expect(await site().eval<string>(kind.text)).toMatch(/^Please .+ and wait\. Thanks\.$/);
    });

    it('"not here" hides the flag in the editor and in the sidebar for this draft', async () => {
      await clearAndType('Please calm down and wait.');
      const r = await rect('calm down');
      await expectUnderlined(site(), r);
      await expect.poll(flags, POLL).toContain('avoid-calm-down');
      const replacements = await s().sidebar.eval<number>(`document.querySelectorAll('[data-testid="flag"][data-rule="avoid-calm-down"] [data-testid="replace"]').length`);
      await site().key('Alt+Shift+KeyJ');
      await site().until(`!document.querySelector(${JSON.stringify(kind.editor)}).contains(document.activeElement)`);
      for (let i = 0; i < replacements; i++) await site().key('Tab');
      await site().key('Enter');
      await expect.poll(flags, POLL).not.toContain('avoid-calm-down');
      await site().until(`document.querySelector(${JSON.stringify(kind.editor)}).contains(document.activeElement)`);
      await sleep(QUIET_MS);
      await expectNotUnderlined(site(), await rect('calm down'));
      expect(await flags()).not.toContain('avoid-calm-down');
      expect(await site().eval<string>(kind.text)).toBe('Please calm down and wait.');
    });

    it('the page learns nothing: no words, rule ids, scores or names of ours in its DOM, no highlights, nothing changed outside our one host', async () => {
      await clearAndType('Please calm down, that is our policy.');
      await expectUnderlined(site(), await rect('calm down'));
      const probe = await site().eval<{ leaks: string[]; hosts: number; foreign: unknown[] }>(`(() => {
        const editor = document.querySelector(${JSON.stringify(kind.editor)});
        const needles = [/avoid-/i, /cooldown/i, /calm down/i, /severity/i];
        const leaks = [];
        const scan = (root) => {
          for (const el of root.querySelectorAll('*')) {
            if (editor.contains(el)) continue; // the agent's own words live in the editor
            for (const a of el.getAttributeNames()) { const v = a + '=' + el.getAttribute(a); if (needles.some((n) => n.test(v))) leaks.push(el.nodeName + ' ' + v.slice(0, 80)); }
            if (el.shadowRoot) scan(el.shadowRoot);
          }
        };
        scan(document);
        // Text outside the editor (the conversation is the page's own: the draft's words must not appear elsewhere).
        const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!editor.contains(n) && !window.__ownText.has(n.data) && /calm down|avoid-/i.test(n.data)) leaks.push('text: ' + n.data.slice(0, 80));
        if (globalThis.CSS && CSS.highlights && CSS.highlights.size) leaks.push('CSS.highlights: ' + CSS.highlights.size);
        // Our host: one bare element at the end of <html>, closed shadow root, no attributes.
        const extra = Array.from(document.documentElement.children).filter((c) => c !== document.head && c !== document.body);
        for (const h of extra) { if (h.shadowRoot) leaks.push('open shadow root on ' + h.nodeName); if (h.getAttributeNames().length) leaks.push('host attributes: ' + h.getAttributeNames().join(',')); if (h.childNodes.length) leaks.push('host children'); }
        return { leaks, hosts: extra.length, foreign: window.__foreign.filter((m) => !(m.type === 'childList' && m.target === 'HTML' && m.removed === 0 && m.added.length === 1 && m.added[0] === 'DIV:0') && !(m.type === 'childList' && m.target === 'HTML' && m.added.length === 0)) };
      })()`);
      expect(probe.leaks).toEqual([]);
      expect(probe.hosts).toBe(1);
      expect(probe.foreign).toEqual([]);
    });

    it('turned off in the settings, the underlines and the chip go at once and leave no trace; back on, they return', async () => {
      await clearAndType('Please calm down and wait.');
      const r = await rect('calm down');
      await expectUnderlined(site(), r);
      const set = (inEditor: object) => s().sidebar.eval(`(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        const { settings } = await api.storage.local.get('settings');
        await api.storage.local.set({ settings: { version: 2, ...(settings ?? {}), inEditor: ${JSON.stringify(inEditor)} } });
      })()`);
      await set({ underlines: true, chip: true, severities: { error: false, warning: true, info: true } });
      await expect.poll(async () => (await colourUnder(site(), r, COLOURS.error)).count, POLL).toBe(0);
      await set({ underlines: false, chip: false });
      await site().until(`Array.from(document.documentElement.children).every((c) => c === document.head || c === document.body)`);
      await sleep(QUIET_MS);
      await expectNotUnderlined(site(), r);
      await set({ underlines: true, chip: true });
      await expectUnderlined(site(), r);
    });

    it('a click on the mood chip opens the coach for this tab (side panel, sidebar or pop-out)', async () => {
      await clearAndType('Please calm down and wait.');
      await expectUnderlined(site(), await rect('calm down'));
      // What is open of the coach, asked from an extension page: Chrome's side panels, Firefox's
      // sidebar, and pop-out tabs (the test's own bound sidebar is one of those, counted before).
      const open = () => s().sidebar.eval<{ panels: number; sidebars: number; tabs: number }>(`(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        const panels = api.sidePanel && api.runtime.getContexts ? (await api.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length : 0;
        const views = (type) => api.extension.getViews({ type }).filter((w) => w.location.pathname.endsWith('/sidebar.html')).length;
        return { panels, sidebars: api.sidePanel ? 0 : views('sidebar'), tabs: views('tab') };
      })()`);
      const before = await open();
      expect(before.panels + before.sidebars).toBe(0);
      // The chip sits in our closed shadow root: found by its fill where the overlay puts it, just
      // outside the composer's bottom-right corner (above it when the viewport ends there).
      const box = await site().eval<Rect>(`(() => { const b = document.querySelector(${JSON.stringify(kind.editor)}).getBoundingClientRect(); return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height }; })()`);
      let chip: { x: number; y: number } | null = null;
      await expect.poll(async () => {
        const img = decodePng(await site().shot());
        for (const clip of [
          { x: Math.max(0, Math.floor(box.right - 300)), y: Math.floor(box.bottom), width: Math.min(300, Math.floor(box.right)), height: 40 },
          { x: Math.max(0, Math.floor(box.right - 300)), y: Math.max(0, Math.floor(box.top - 40)), width: Math.min(300, Math.floor(box.right)), height: 40 },
        ]) {
          const part = crop(img, clip);
          for (const fill of CHIP_FILLS) {
            const f = findColour(part, fill, 6);
            if (f.count > 100) return (chip = { x: clip.x + (f.x1 + f.x2) / 2, y: clip.y + (f.y1 + f.y2) / 2 });
          }
        }
        return (chip = null);
      }, POLL).not.toBeNull();
      await site().clickAt(chip!.x, chip!.y);
      await expect.poll(async () => {
        const now = await open();
        return now.panels + now.sidebars + (now.tabs - before.tabs);
      }, POLL).toBe(1);
      // Leave the session as it was for the other checks: no extra pop-out, the site in front.
      await s().sidebar.eval(`(() => {
        const api = globalThis.browser ?? globalThis.chrome;
        for (const w of api.extension.getViews({ type: 'tab' })) if (w !== window && w.location.pathname.endsWith('/sidebar.html')) w.close();
      })()`);
      await site().front();
    });
  });
}

/** The chip's fill for each mood (coach.ts CSS), any of which marks it on screen. */
const CHIP_FILLS = [[24, 128, 56], [176, 96, 0], [197, 34, 31], [142, 0, 0], [95, 99, 104]] as const;
