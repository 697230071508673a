/**
 * Coaching where the agent types (issue 13): underlines under flagged phrases, a card on them,
 * and the customer's mood chip at the composer's corner.
 *
 * Everything is drawn inside a CLOSED shadow root on one host element (a bare `<div>` with no
 * attributes, appended to `<html>`): the editor's DOM is never touched, the page cannot read the
 * flagged words, rule ids, scores or our class names, no event is dispatched to the page, and
 * `CSS.highlights` is not used (the page can enumerate it). Marks are boxes positioned from the
 * text's own client rects (geometry.ts), redrawn in one animation frame after scrolling,
 * resizing, editing; hidden while an IME composes; removed with the host when turned off.
 */
import type { EditorHandle } from '../../adapters/adapter.ts';
import type { EditResult, InEditorReply } from '../../shared/messages.ts';
import { t } from '../../shared/i18n.ts';
import { followLocal } from '../runtime.ts';
import { SETTINGS_KEY } from '../../shared/limits.ts';
import { follow, measurer, visibleBox } from './geometry.ts';

type Flag = InEditorReply['flags'][number];
type Severity = Flag['severity'];
export interface Dismissed { ruleId: string; text: string }

export interface CoachOptions {
  doc: Document;
  signal: AbortSignal;
  editor(): EditorHandle | null;
  /** Replace through the editor's own path (the sidebar's Replace). */
  replace(editor: EditorHandle, start: number, end: number, expected: string, text: string): Promise<EditResult>;
  /** Read and send the draft now, for the sidebar too (a flag was dismissed). */
  now(): void;
  /** A phrase was just completed: analyse the draft for the marks now, before the typing pause. */
  boundary(): void;
  openCoach(): void;
}

export interface Coach {
  update(reply: InEditorReply | undefined): void;
  /** Flags dismissed for the current draft, for the snapshot (cleared with the draft or conversation). */
  dismissed(conversation: string, draft: string): Dismissed[];
}

/** The keyboard shortcut from inside the editor: cycle through the flags, focus the card. */
export const CYCLE_KEY = { altKey: true, shiftKey: true, code: 'KeyJ' } as const;
const BOUNDARY = /^[\s.,!?;:)\]"'…]$/;
const HOVER_MS = 120;
/**
 * One flag across analyses: each analysis brings new flag objects for the same finding (same
 * rule, same words), so the card is matched by those, never by object identity.
 */
const sameFlag = (a: Flag, b: Flag): boolean => a.ruleId === b.ruleId && a.text === b.text;
const LEAVE_MS = 350;

const CSS = `:host{all:initial!important;position:fixed!important;left:0!important;top:0!important;width:0!important;height:0!important;z-index:2147483647!important;display:block!important;pointer-events:none!important}
.m{position:fixed;height:2px;border-radius:1px;pointer-events:none}.m.error{background:#d93025}.m.warning{background:#e37400}.m.info{background:#1967d2}
.hid .m{display:none}
.c{position:fixed;box-sizing:border-box;width:300px;max-width:calc(100vw - 16px);padding:10px 12px;background:#fff;color:#202124;border:1px solid #5f6368;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.25);font:13px/1.4 system-ui,sans-serif;pointer-events:auto}
.c p{margin:0 0 8px}.c b{font-weight:600}.s{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#5f6368}
.c button{font:inherit;cursor:pointer;border-radius:6px;padding:4px 8px;margin:0 6px 6px 0}
.r{background:#188038;color:#fff;border:1px solid #188038}.a{background:#fff;color:#202124;border:1px solid #dadce0}
.c button:focus-visible,.h:focus-visible{outline:2px solid #1967d2;outline-offset:2px}
.h{position:fixed;box-sizing:border-box;height:24px;padding:0 8px;border:0;border-radius:12px;font:600 12px/24px system-ui,sans-serif;color:#fff;cursor:pointer;pointer-events:auto;white-space:nowrap;box-shadow:0 1px 3px rgba(0,0,0,.3)}
.calm{background:#188038}.upset{background:#b06000}.angry{background:#c5221f}.furious{background:#8e0000}.none{background:#5f6368}
.l{position:fixed;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}`;

interface InEditorSettings { underlines: boolean; severities: Record<Severity, boolean>; chip: boolean }

function readSettings(raw: unknown): InEditorSettings {
  const o = (raw as { inEditor?: { underlines?: unknown; chip?: unknown; severities?: Record<string, unknown> } } | undefined)?.inEditor;
  const on = (v: unknown): boolean => v !== false;
  return { underlines: on(o?.underlines), chip: on(o?.chip), severities: { error: on(o?.severities?.error), warning: on(o?.severities?.warning), info: on(o?.severities?.info) } };
}

const MOOD_KEY = { calm: 'moodCalm', upset: 'moodUpset', angry: 'moodAngry', furious: 'moodFurious' } as const;
const TREND = { rising: '↑', steady: '→', falling: '↓' } as const;
const TREND_KEY = { rising: 'trendRising', steady: 'trendSteady', falling: 'trendFalling' } as const;

export function startCoach(o: CoachOptions): Coach {
  const { doc, signal } = o;
  const win = doc.defaultView!;
  let settings = readSettings(undefined);
  let reply: InEditorReply | undefined;
  let dismissed: Dismissed[] = [];
  let dismissedFor = '';
  let editorEl: HTMLElement | null = null;
  /** The handle of the editor we draw over (kept while focus is in our card, where the adapter would look elsewhere). */
  let handle: EditorHandle | null = null;
  let measure: ReturnType<typeof measurer> | null = null;
  /** Flags at their current offsets in the editor (after the agent's edits since the analysis). */
  let live: { flag: Flag; start: number; rects: DOMRect[] }[] = [];
  let composing = false;
  let frame = 0;
  let host: HTMLDivElement | null = null;
  let root: ShadowRoot | null = null;
  let layer: HTMLDivElement | null = null;
  let marks: HTMLDivElement[] = [];
  let card: HTMLDivElement | null = null;
  let cardFlag: { flag: Flag; start: number } | null = null;
  let chip: HTMLButtonElement | null = null;
  let status: HTMLDivElement | null = null;
  let restore: (() => void) | null = null;
  let hoverTimer = 0;
  let leaveTimer = 0;
  let observer: MutationObserver | null = null;
  let resizer: ResizeObserver | null = null;

  const el = (tag: string, cls: string, parent: Node): HTMLElement => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  };

  /** Nothing is added to the page until the agent writes (a page merely opened changes not at all). */
  const wanted = (): boolean => (!!host || !!reply?.draft.trim()) && !!reply && (settings.underlines || settings.chip) && !signal.aborted;

  /** Our one host element; made when there is something to draw, removed when there is not. */
  const ensureHost = (): void => {
    if (host) return;
    host = doc.createElement('div');
    root = host.attachShadow({ mode: 'closed' });
    const style = el('style', '', root);
    style.textContent = CSS;
    layer = el('div', '', root) as HTMLDivElement;
    status = el('div', 'l', root) as HTMLDivElement;
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    // Keys and clicks inside our card stop at the shadow root (the page's bubble listeners never see them).
    for (const type of ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'focusin', 'focusout', 'input']) {
      root.addEventListener(type, (e) => e.stopPropagation());
    }
    root.addEventListener('keydown', onCardKey as EventListener);
    doc.documentElement.appendChild(host);
  };
  const dropHost = (): void => {
    closeCard(false);
    measure?.drop();
    host?.remove();
    host = root = layer = status = chip = null;
    marks = [];
  };

  const setEditor = (nextHandle: EditorHandle | null): void => {
    const next = nextHandle?.element ?? null;
    handle = nextHandle;
    if (next === editorEl) return;
    observer?.disconnect();
    resizer?.disconnect();
    measure?.drop();
    editorEl = next;
    measure = null;
    if (!next || next.ownerDocument !== doc) return; // editors in frames are not drawn over (their coordinates are the frame's)
    ensureHost();
    measure = measurer(next, root!);
    observer = new MutationObserver(() => textChanged());
    observer.observe(next, { childList: true, subtree: true, characterData: true });
    resizer = new ResizeObserver(() => schedule());
    resizer.observe(next);
  };

  /** The editor's text changed: flags move with the agent's edits until the next analysis. */
  const textChanged = (): void => {
    measure?.reset();
    relocate();
    schedule();
  };

  const relocate = (): void => {
    const editor = handle;
    if (!reply || !editor) {
      live = [];
      return;
    }
    const now = editor.read().text;
    live = [];
    if (!now.trim()) dismissed = []; // an emptied editor starts a new draft
    for (const flag of reply.flags) {
      if (!settings.severities[flag.severity] || dismissed.some((d) => d.ruleId === flag.ruleId && d.text === flag.text)) continue;
      const start = follow(reply.draft, now, flag.start, flag.text);
      if (start >= 0) live.push({ flag, start, rects: [] });
    }
  };

  const schedule = (): void => {
    if (frame || signal.aborted) return;
    frame = win.requestAnimationFrame(draw);
    // No frames while the browser thinks the tab is hidden (a second window over it): draw anyway, a little later.
    win.setTimeout(() => {
      if (frame) {
        win.cancelAnimationFrame(frame);
        draw();
      }
    }, 100);
  };

  /** One frame: ask the browser for the phrases' rects and place the marks, the card and the chip. */
  const draw = (): void => {
    frame = 0;
    if (!host || !layer || !editorEl || !measure) return;
    const clip = visibleBox(editorEl);
    let n = 0;
    const underlines = settings.underlines && !composing;
    for (const item of live) {
      item.rects = measure.rects(item.start, item.flag.text);
      if (!underlines) continue;
      for (const r of item.rects) {
        const x = Math.max(r.left, clip.x);
        const w = Math.min(r.right, clip.x + clip.w) - x;
        const y = Math.round(r.bottom - 1);
        if (w <= 0 || r.bottom < clip.y || r.bottom - 1 > clip.y + clip.h) continue;
        const m = marks[n] ?? (marks[n] = el('div', '', layer) as HTMLDivElement);
        m.className = `m ${item.flag.severity}`;
        m.style.cssText = `left:${Math.round(x)}px;top:${y}px;width:${Math.round(w)}px`;
        n++;
      }
    }
    for (const m of marks.splice(n)) m.remove();
    layer.className = composing ? 'hid' : '';
    drawChip(clip);
    if (card && cardFlag) placeCard();
  };

  const drawChip = (clip: { x: number; y: number; w: number; h: number }): void => {
    if (!settings.chip || !reply || !root || clip.h < 8 || composing) {
      chip?.remove();
      chip = null;
      return;
    }
    if (!chip) {
      chip = el('button', '', root) as HTMLButtonElement;
      chip.type = 'button';
      chip.addEventListener('click', (e) => {
        if (e.isTrusted) o.openCoach();
      });
    }
    const level = reply.mood.level;
    const count = live.length;
    const mood = level ? t(MOOD_KEY[level]) : t('moodUnknown');
    chip.className = `h ${level ?? 'none'}`;
    chip.textContent = `${mood} ${level ? TREND[reply.mood.trend] : ''} · ${t('chipFlags', count)}`;
    chip.setAttribute('aria-label', t('chipLabel', [mood, t(TREND_KEY[reply.mood.trend]), count]));
    // Just outside the composer's bottom-right corner (above it when the viewport ends there): never over the text.
    const w = chip.offsetWidth;
    const below = clip.y + clip.h + 4;
    chip.style.left = `${Math.round(clip.x + clip.w - w)}px`;
    chip.style.top = `${Math.round(below + 24 <= innerHeight ? below : clip.y - 28)}px`;
  };

  // ── the card ──────────────────────────────────────────────────────────────────────────────

  const placeCard = (): void => {
    const item = live.find((l) => sameFlag(l.flag, cardFlag!.flag));
    // A new analysis re-lists the flags with their rects still to measure (the next frame does it);
    // a card opened before that frame measures its own phrase rather than closing for want of a rect.
    if (item && !item.rects.length && measure) item.rects = measure.rects(item.start, item.flag.text);
    const r = item?.rects[0];
    if (!card || !r) return closeCard(false);
    const below = r.bottom + 6;
    const h = card.offsetHeight;
    card.style.top = `${Math.round(below + h > innerHeight ? Math.max(4, r.top - h - 6) : below)}px`;
    card.style.left = `${Math.round(Math.max(4, Math.min(r.left, innerWidth - card.offsetWidth - 4)))}px`;
  };

  const openCard = (item: { flag: Flag; start: number }, focus: boolean): void => {
    if (!root) return;
    if (cardFlag && card && sameFlag(cardFlag.flag, item.flag)) {
      if (focus) (card.querySelector('button') as HTMLButtonElement | null)?.focus();
      return;
    }
    closeCard(false);
    if (focus) restore = saveFocus();
    const { flag } = item;
    cardFlag = item;
    card = el('div', 'c', root) as HTMLDivElement;
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', t('cardLabel', flag.text));
    const head = el('p', '', card);
    el('b', '', head).textContent = `“${flag.text}”`;
    head.append(' ');
    el('span', 's', head).textContent = t(flag.severity === 'error' ? 'sevError' : flag.severity === 'warning' ? 'sevWarning' : 'sevInfo');
    el('p', '', card).textContent = flag.message;
    const button = (cls: string, label: string, run: () => void): void => {
      const b = el('button', cls, card!) as HTMLButtonElement;
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', run);
    };
    for (const r of flag.replacements) button('r', t('cardReplace', r), () => void replaceWith(flag, r));
    button('a', t('cardDismiss'), () => dismiss(flag));
    button('a', t('cardOpenCoach'), () => {
      o.openCoach();
      closeCard(true);
    });
    card.addEventListener('mouseenter', () => win.clearTimeout(leaveTimer));
    card.addEventListener('mouseleave', () => leaveSoon());
    status!.textContent = `${t('cardLabel', flag.text)}. ${flag.message}`;
    placeCard();
    if (focus) (card.querySelector('button') as HTMLButtonElement | null)?.focus();
  };

  const closeCard = (returnFocus: boolean): void => {
    card?.remove();
    card = null;
    cardFlag = null;
    if (status) status.textContent = '';
    if (returnFocus) restore?.();
    restore = null;
  };

  /** Where the agent was in the editor, to go back there when the card closes. */
  const saveFocus = (): (() => void) => {
    const target = editorEl;
    if (!target) return () => undefined;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
      const [s, e] = [target.selectionStart, target.selectionEnd];
      return () => {
        target.focus();
        if (s !== null && e !== null) target.setSelectionRange(s, e);
      };
    }
    const sel = doc.getSelection();
    const range = sel?.rangeCount && target.contains(sel.getRangeAt(0).startContainer) ? sel.getRangeAt(0).cloneRange() : null;
    return () => {
      target.focus();
      if (range) {
        sel?.removeAllRanges();
        sel?.addRange(range);
      }
    };
  };

  const replaceWith = async (flag: Flag, text: string): Promise<void> => {
    restore = null; // the edit puts the caret after the new words, in the editor
    closeCard(false);
    // Offsets of the latest analysis, followed through the agent's edits since; the editor checks the words again.
    const cur = reply?.flags.find((f) => f.ruleId === flag.ruleId && f.text === flag.text) ?? flag;
    const editor = handle;
    if (!editor) return;
    const at = reply ? follow(reply.draft, editor.read().text, cur.start, cur.text) : -1;
    const start = at >= 0 ? at : cur.start;
    await o.replace(editor, start, start + cur.text.length, cur.text, text);
  };

  const dismiss = (flag: Flag): void => {
    dismissed.push({ ruleId: flag.ruleId, text: flag.text });
    closeCard(true);
    relocate();
    schedule();
    o.now();
  };

  const onCardKey = (e: KeyboardEvent): void => {
    if (!card) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      closeCard(true);
    } else if (e.key === 'Tab') {
      // Focus stays in the card until Escape (a small dialog, not a trap: Escape always leaves).
      const buttons = [...card.querySelectorAll('button')];
      const i = buttons.indexOf(root!.activeElement as HTMLButtonElement);
      e.preventDefault();
      buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus();
    } else if (e.altKey && e.shiftKey && e.code === CYCLE_KEY.code) {
      e.preventDefault();
      cycle(true);
    }
  };

  /** Next flag after the one shown (or after the caret), wrapping; its card takes focus. */
  const cycle = (focus: boolean): void => {
    if (!live.length) return;
    const caret = handle?.read().caret ?? 0;
    const from = cardFlag ? cardFlag.start + 1 : caret;
    const sorted = [...live].sort((a, b) => a.start - b.start);
    const next = sorted.find((l) => l.start >= from) ?? sorted[0]!;
    const keep = restore;
    closeCard(false);
    restore = keep;
    openCard(next, focus);
  };

  const hit = (x: number, y: number) =>
    live.find((l) => l.rects.some((r) => x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 3));

  const leaveSoon = (): void => {
    win.clearTimeout(leaveTimer);
    leaveTimer = win.setTimeout(() => {
      if (card && !card.matches(':hover') && !(root!.activeElement && card.contains(root!.activeElement))) closeCard(false);
    }, LEAVE_MS);
  };

  // ── page events (listened to, never dispatched) ───────────────────────────────────────────

  const opts = { capture: true, passive: true, signal };
  doc.addEventListener('scroll', schedule, opts);
  win.addEventListener('resize', schedule, opts);
  // A textarea's value changes without a DOM mutation: its edits are heard as input events.
  doc.addEventListener('input', (e) => {
    if (editorEl instanceof HTMLTextAreaElement && e.target === editorEl) textChanged();
  }, opts);
  doc.addEventListener('compositionstart', () => {
    composing = true;
    schedule();
  }, opts);
  doc.addEventListener('compositionend', () => {
    composing = false;
    textChanged();
  }, opts);
  doc.addEventListener('keydown', (e) => {
    if (!(e.target instanceof Node)) return;
    // Before anything is drawn (a fresh draft) there is no editor of ours yet: ask the adapter,
    // so the first phrase of a draft is marked at its boundary too.
    if (!editorEl) {
      if (!e.isComposing && (e.key === 'Enter' || BOUNDARY.test(e.key)) && o.editor()?.element.contains(e.target)) win.setTimeout(o.boundary, 0);
      return;
    }
    if (!editorEl.contains(e.target)) return;
    if (e.altKey && e.shiftKey && e.code === CYCLE_KEY.code && !e.isComposing) {
      e.preventDefault();
      cycle(true);
      return;
    }
    if (e.key === 'Escape' && card) closeCard(false);
    // A phrase is complete at the space or punctuation after it: analyse now, not after the pause.
    if (!e.isComposing && (e.key === 'Enter' || BOUNDARY.test(e.key))) win.setTimeout(o.boundary, 0);
  }, { capture: true, signal });
  doc.addEventListener('mousemove', (e) => {
    if (!live.length) return;
    win.clearTimeout(hoverTimer);
    const over = hit(e.clientX, e.clientY);
    if (over) {
      win.clearTimeout(leaveTimer);
      // Looked up again when the timer fires: an analysis may have arrived meanwhile.
      const { clientX: x, clientY: y } = e;
      hoverTimer = win.setTimeout(() => {
        const still = hit(x, y);
        if (still) openCard(still, false);
      }, HOVER_MS);
    } else if (card) leaveSoon();
  }, opts);
  doc.addEventListener('click', (e) => {
    if (!editorEl || !(e.target instanceof Node) || !editorEl.contains(e.target)) return;
    const over = hit(e.clientX, e.clientY);
    if (over) openCard(over, false);
    else closeCard(false);
  }, opts);

  const apply = (): void => {
    if (!wanted()) {
      setEditor(null);
      dropHost();
      return;
    }
    // While the agent is in our card, the adapter's "focused editor" is not the one we draw over.
    const editor = root?.activeElement ? handle : o.editor();
    if (editor?.element !== editorEl) {
      setEditor(null);
      dropHost();
      setEditor(editor);
    } else handle = editor;
    relocate();
    if (cardFlag && !live.some((l) => sameFlag(l.flag, cardFlag!.flag))) closeCard(false);
    else if (cardFlag) cardFlag = live.find((l) => sameFlag(l.flag, cardFlag!.flag)) ?? null;
    measure?.reset();
    schedule();
  };

  const stopFollowing = followLocal(SETTINGS_KEY, (raw) => {
    settings = readSettings(raw);
    apply();
  });
  signal.addEventListener('abort', () => {
    stopFollowing();
    win.cancelAnimationFrame(frame);
    setEditor(null);
    dropHost();
  }, { once: true });

  return {
    update(next) {
      // The pause's send usually answers what the word-boundary send already drew: nothing to redo.
      if (next && reply && JSON.stringify(next) === JSON.stringify(reply)) return;
      if (card && cardFlag && next) {
        // Keep the card on the same flag (same rule, same words) across analyses.
        const same = next.flags.find((f) => sameFlag(f, cardFlag!.flag));
        if (same) cardFlag = { flag: same, start: same.start };
      }
      reply = next;
      apply();
    },
    dismissed(conversation, draft) {
      const key = conversation;
      if (key !== dismissedFor || !draft.trim()) dismissed = [];
      dismissedFor = key;
      return dismissed;
    },
  };
}
