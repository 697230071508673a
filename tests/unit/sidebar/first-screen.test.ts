/**
 * Issue 13: the sidebar's first screen answers "what should I do now?". The whole sidebar (App)
 * is rendered by Preact into a small DOM (mini-dom.ts) over a fake extension API whose
 * storage is in memory and whose messages go to the worker's own handlers, so a section opened
 * here is stored exactly as the worker stores it, and a second render (the sidebar reloaded)
 * reads it back.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { substitute, type Catalog } from '../../../src/shared/i18n.ts';
import { installDocument, type FakeDocument, type FakeElement } from './mini-dom.ts';
import { engine } from '../helpers.ts';

const fake = vi.hoisted(() => {
  type Changes = Record<string, { newValue?: unknown; oldValue?: unknown }>;
  const listeners = new Set<(changes: Changes, area: string) => void>();
  const area = (name: 'local' | 'session') => {
    const data = new Map<string, unknown>();
    return {
      data,
      async get(key: string): Promise<Record<string, unknown>> {
        return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
      },
      async set(values: Record<string, unknown>): Promise<void> {
        const changes: Changes = {};
        for (const [k, v] of Object.entries(values)) {
          changes[k] = { oldValue: data.get(k), newValue: structuredClone(v) };
          data.set(k, structuredClone(v));
        }
        for (const l of [...listeners]) l(changes, name);
      },
    };
  };
  const noEvent = { addListener: () => undefined, removeListener: () => undefined };
  const sent: unknown[] = [];
  const browser = {
    storage: {
      local: area('local'),
      session: area('session'),
      onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) },
    },
    tabs: {
      get: async (id: number) => ({ id, windowId: 1, url: 'https://acme.zendesk.com/agent/tickets/1' }),
      query: async () => [{ id: 1, windowId: 1, url: 'https://acme.zendesk.com/agent/tickets/1' }],
      onActivated: noEvent,
      onUpdated: noEvent,
    },
    runtime: {
      /** Set by the test: the worker's handler for page messages. */
      handle: null as null | ((msg: unknown) => Promise<unknown>),
      async sendMessage(msg: unknown): Promise<unknown> {
        sent.push(msg);
        return browser.runtime.handle?.(msg);
      },
    },
  };
  return { browser, listeners, sent };
});
vi.mock('../../../src/shared/browser.ts', () => ({ default: fake.browser, isContextInvalidated: () => false }));

const { App } = await import('../../../src/sidebar/components/App.tsx');
const { onSetSection } = await import('../../../src/background/handlers/sections.ts');
const { parseMessage } = await import('../../../src/shared/messages.ts');
const { STATE_VERSION, tabKey } = await import('../../../src/shared/state.ts');
const { SECTIONS_KEY, SECTION_IDS, parseSections, planSections } = await import('../../../src/shared/sections.ts');
const { splitCues, splitNext, splitPrompts, FIRST_NEXT_STEPS } = await import('../../../src/sidebar/first-screen.ts');

// The worker's side of `sidebar/set-section`, through the same parse as the router.
fake.browser.runtime.handle = async (raw) => {
  const msg = parseMessage(raw);
  return msg?.kind === 'sidebar/set-section' ? onSetSection(msg) : undefined;
};

// Real strings, as the browser's i18n API would give them.
const catalog = JSON.parse(readFileSync(new URL('../../../_locales/en/messages.json', import.meta.url), 'utf8')) as Catalog;
(globalThis as { chrome?: unknown }).chrome = {
  i18n: { getMessage: (key: string, subs?: string | string[]) => substitute(catalog[key]?.message ?? '', subs === undefined ? [] : ([] as string[]).concat(subs)) },
};
// A pop-out bound to tab 1 (sidebar.html?tabId=1).
(globalThis as { location?: unknown }).location = { search: '?tabId=1' };

const ANGRY = [
  { role: 'customer' as const, text: 'My order is three weeks late and nobody answers my emails.' },
  { role: 'agent' as const, text: 'Sorry, we are looking into it.' },
  { role: 'customer' as const, text: "This is unacceptable. If it isn't here by Friday I will file a chargeback and cancel my account. You people are useless idiots!!" },
];
const CALM = [{ role: 'customer' as const, text: 'Hi, could you tell me when my parcel will arrive? Thanks a lot.' }];

async function showConversation(messages: typeof ANGRY | typeof CALM, draft: string): Promise<ReturnType<typeof engine.analyze>> {
  const analysis = engine.analyze({ messages, draft });
  await fake.browser.storage.session.set({
    [tabKey(1)]: {
      version: STATE_VERSION, tabId: 1, site: 'zendesk', origin: 'https://acme.zendesk.com', status: 'ready',
      conversation: { id: 'zendesk:1', customerName: 'Margaret', messageCount: messages.length, hasEditor: true, draftLength: draft.length },
      analysis, updatedAt: 1,
    },
  });
  return analysis;
}

let doc: FakeDocument;
let root: FakeElement;
const $ = (s: string): FakeElement | null => root.querySelector(s);
const $$ = (s: string): FakeElement[] => root.querySelectorAll(s);
const section = (id: string): FakeElement => {
  const el = $(`[data-section="${id}"]`);
  if (!el) throw new Error(`no section ${id}`);
  return el;
};
const toggle = (id: string): FakeElement => section(id).querySelector('[data-testid="section-toggle"]')!;
const body = (id: string): FakeElement => section(id).querySelector('.fold-body')!;

/** Renders the sidebar as a fresh page would (a reload is: unmount, render again). */
async function openSidebar(): Promise<void> {
  root = doc.createElement('div');
  doc.body.appendChild(root);
  render(h(App, null), root as unknown as Element);
  await vi.waitFor(() => expect($('[data-testid="mood"]'), root.textContent).not.toBeNull());
}
function closeSidebar(): void {
  render(null, root as unknown as Element);
  root.remove();
}

beforeEach(() => {
  doc = installDocument();
  fake.browser.storage.local.data.clear();
  fake.browser.storage.session.data.clear();
  fake.sent.length = 0;
});
afterEach(() => closeSidebar());

describe('the first screen: what to do now', () => {
  it('shows the mood with its trend, every open flag with its Replace buttons and the first two next steps, all sections closed', async () => {
    const analysis = await showConversation(ANGRY, "That's our policy, please calm down.");
    expect(analysis.flags.length).toBeGreaterThan(0);
    expect(analysis.next.length).toBeGreaterThan(FIRST_NEXT_STEPS); // so the cap is what is tested
    await openSidebar();

    const first = $('[data-testid="first-screen"]')!;
    expect(first.isHidden).toBe(false);
    expect(first.querySelector('[data-testid="mood"]')?.getAttribute('data-score')).toBe(String(analysis.mood.latest));
    expect(first.querySelector('[data-testid="mood-trend"]')?.textContent).toMatch(/rising|steady|falling/);
    const flags = first.querySelectorAll('[data-testid="flag"]');
    expect(flags.map((f) => f.getAttribute('data-rule'))).toEqual(analysis.flags.map((f) => f.ruleId));
    for (const f of flags) {
      expect(f.isHidden).toBe(false);
      expect(f.querySelectorAll('[data-testid="replace"]').length).toBe(analysis.flags.find((x) => x.ruleId === f.getAttribute('data-rule'))!.replacements.length);
    }
    const now = first.querySelectorAll('[data-testid="suggestion"]');
    expect(now.map((s) => s.getAttribute('data-step'))).toEqual(analysis.next.slice(0, 2).map((s) => s.step));
    expect(now.every((s) => !s.isHidden && s.querySelector('[data-testid="insert"]') !== null)).toBe(true);

    // Everything else is one click away, closed by default.
    const sections = $$('[data-testid="section"]');
    expect(sections.map((s) => s.getAttribute('data-section'))).toEqual(expect.arrayContaining(['more-next', 'cues', 'playbook', 'note']));
    for (const s of sections) {
      expect(s.getAttribute('data-open'), s.getAttribute('data-section')!).toBe('false');
      expect(s.querySelector('[data-testid="section-toggle"]')!.getAttribute('aria-expanded')).toBe('false');
      expect(s.querySelector('.fold-body')!.isHidden).toBe(true);
      expect(first.contains(s)).toBe(false);
    }
    expect($$('[data-testid="step"]').every((s) => s.isHidden)).toBe(true);
    expect($('[data-testid="copy-note"]')!.isHidden).toBe(true);
  });

  it('loses nothing: every next step, cue, step and action of the analysis is in the page, once', async () => {
    const analysis = await showConversation(ANGRY, 'Please calm down.');
    await openSidebar();
    expect($$('[data-testid="suggestion"]').map((s) => s.getAttribute('data-step'))).toEqual(analysis.next.map((s) => s.step));
    expect($$('[data-testid="insert"]').length).toBe(analysis.next.length);
    expect($$('[data-testid="cue"]').length).toBe(analysis.cues.length);
    expect($$('[data-testid="prompt"]').length).toBe(analysis.prompts.length);
    expect($$('[data-testid="step"]').length).toBe(analysis.steps.length);
    expect($('[data-testid="customer-type"]') !== null).toBe(analysis.customerType !== null);
    expect($('[data-testid="tone"]') !== null).toBe(!!analysis.tone);
    expect($$('[data-testid="effect"]').length).toBeGreaterThan(0);
    expect($('[data-testid="mood-why"]')).not.toBeNull();
    expect($('[data-testid="copy-note"]')).not.toBeNull();
  });

  it('a calm conversation with no flags: the mood, "nothing to flag" and its next steps, no safety card', async () => {
    await showConversation(CALM, 'Hi! Let me check that for you.');
    await openSidebar();
    expect($('[data-testid="safety"]')).toBeNull();
    expect($('[data-testid="first-screen"] [data-testid="no-flags"]')).not.toBeNull();
    expect($$('[data-testid="first-screen"] [data-testid="suggestion"]').length).toBeLessThanOrEqual(FIRST_NEXT_STEPS);
  });
});

describe('safety cues are never behind a closed section', () => {
  it('a threat, abuse and the prompt to document them are on the first screen, and only there', async () => {
    const analysis = await showConversation(ANGRY, '');
    const serious = analysis.cues.filter((c) => c.type === 'threat' || c.type === 'abuse');
    expect(serious.length).toBeGreaterThan(0);
    expect(analysis.prompts.some((p) => p.id === 'document')).toBe(true);
    await openSidebar();

    const safety = $('[data-testid="first-screen"] [data-testid="safety"]')!;
    expect(safety.isHidden).toBe(false);
    expect(safety.querySelector('[data-testid="prompt"][data-prompt="document"]')).not.toBeNull();
    expect(safety.querySelectorAll('[data-testid="cue"]').map((c) => c.getAttribute('data-cue')).sort()).toEqual(serious.map((c) => c.type).sort());
    for (const c of $$('[data-testid="section"] [data-testid="cue"]')) expect(['threat', 'abuse']).not.toContain(c.getAttribute('data-cue'));
    expect($('[data-testid="section"] [data-prompt="document"]')).toBeNull();
  });

  it('the split itself: threat and abuse cues and the document prompt go first; other cues and prompts fold', () => {
    const a = engine.analyze({ messages: ANGRY, draft: '' });
    const cues = splitCues(a.cues);
    expect(cues.now.every((c) => c.type === 'threat' || c.type === 'abuse')).toBe(true);
    expect(cues.later.some((c) => c.type === 'threat' || c.type === 'abuse')).toBe(false);
    expect(cues.now.length + cues.later.length).toBe(a.cues.length);
    const prompts = splitPrompts([{ id: 'pause', text: 'p', messageIndex: 2 }, { id: 'document', text: 'd', messageIndex: 2 }]);
    expect(prompts.now.map((p) => p.id)).toEqual(['document']);
    expect(prompts.later.map((p) => p.id)).toEqual(['pause']);
    const next = splitNext(a.next);
    expect(next.now).toEqual(a.next.slice(0, 2));
    expect(next.later).toEqual(a.next.slice(2));
  });
});

describe('sections remember the agent\'s choice', () => {
  it('opens on a click at once, is stored through the worker, and is open again after a reload; closing is remembered too', async () => {
    await showConversation(ANGRY, 'Please calm down.');
    await openSidebar();
    expect(body('playbook').isHidden).toBe(true);

    toggle('playbook').click();
    await vi.waitFor(() => expect(section('playbook').getAttribute('data-open')).toBe('true'));
    expect(toggle('playbook').getAttribute('aria-expanded')).toBe('true');
    expect(body('playbook').isHidden).toBe(false);
    expect(fake.sent).toContainEqual({ kind: 'sidebar/set-section', section: 'playbook', open: true });
    await vi.waitFor(() => expect(fake.browser.storage.local.data.get(SECTIONS_KEY)).toMatchObject({ open: { playbook: true } }));

    closeSidebar();
    await openSidebar();
    await vi.waitFor(() => expect(section('playbook').getAttribute('data-open')).toBe('true'));
    expect(body('playbook').isHidden).toBe(false);
    expect(section('note').getAttribute('data-open')).toBe('false');
    expect(body('note').isHidden).toBe(true);

    toggle('playbook').click();
    await vi.waitFor(() => expect(fake.browser.storage.local.data.get(SECTIONS_KEY)).toMatchObject({ open: { playbook: false } }));
    closeSidebar();
    await openSidebar();
    // Give a stored "open" every chance to arrive: it must not.
    await new Promise((r) => setTimeout(r, 50));
    expect(section('playbook').getAttribute('data-open')).toBe('false');
    expect(body('playbook').isHidden).toBe(true);
  });

  it('another sidebar\'s choice (the side panel beside a pop-out) arrives live', async () => {
    await showConversation(ANGRY, 'Please calm down.');
    await openSidebar();
    await fake.browser.storage.local.set({ [SECTIONS_KEY]: planSections(undefined, 'cues', true) });
    await vi.waitFor(() => expect(section('cues').getAttribute('data-open')).toBe('true'));
    expect(section('playbook').getAttribute('data-open')).toBe('false');
  });

  it('the record: one key, every section closed unless stored open, anything malformed or unknown ignored', () => {
    expect(Object.values(parseSections(undefined)).every((v) => v === false)).toBe(true);
    expect(Object.keys(parseSections(undefined))).toEqual([...SECTION_IDS]);
    expect(parseSections({ version: 1, open: { note: true, bogus: true, cues: 'yes' } })).toMatchObject({ note: true, cues: false });
    expect(parseSections({ version: 1, open: { note: true, bogus: true } })).not.toHaveProperty('bogus');
    expect(parseSections({ version: 2, open: { note: true } }).note).toBe(false);
    expect(parseSections('open everything').note).toBe(false);
    const once = planSections(undefined, 'tone', true);
    expect(planSections(once, 'note', true).open).toMatchObject({ tone: true, note: true, cues: false });
    expect(planSections(once, 'tone', false).open.tone).toBe(false);
    expect(parseMessage({ kind: 'sidebar/set-section', section: 'bogus', open: true })).toBeNull();
  });
});
