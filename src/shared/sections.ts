/**
 * Which of the sidebar's folding sections the agent left open (issue 13): one record in
 * `storage.local["sidebarSections"]`, written by the worker only (the sidebar sends
 * `sidebar/set-section`), read by every open sidebar through followKey, so the side panel and a
 * pop-out agree and the choice survives a reload. Every section starts closed: the first screen
 * is for what to do now. Pure functions; storage is elsewhere.
 */
import * as z from 'zod/mini';

export const SECTIONS_KEY = 'sidebarSections';
export const SECTIONS_VERSION = 1;

/** The sections below the first screen, in the order the sidebar shows them. */
export const SECTION_IDS = ['more-next', 'mood-why', 'cues', 'tips', 'playbook', 'tone', 'effects', 'note'] as const;
export const SectionId = z.enum(SECTION_IDS);
export type SectionId = z.infer<typeof SectionId>;

export type OpenSections = Record<SectionId, boolean>;

export const ALL_CLOSED: OpenSections = Object.fromEntries(SECTION_IDS.map((id) => [id, false])) as OpenSections;

/** Stored shape: only the sections the agent opened or closed; unknown ids (a newer build's) are dropped. */
const Stored = z.object({
  version: z.literal(SECTIONS_VERSION),
  /** Per section; a value that is not `true` reads as closed, without losing the others. */
  open: z.record(z.string(), z.unknown()),
});

export function parseSections(raw: unknown): OpenSections {
  const r = Stored.safeParse(raw);
  if (!r.success) return ALL_CLOSED;
  const out = { ...ALL_CLOSED };
  for (const id of SECTION_IDS) if (r.data.open[id] === true) out[id] = true;
  return out;
}

/** The record to store after the agent opened or closed one section (the others kept as stored). */
export function planSections(current: unknown, id: SectionId, open: boolean): { version: typeof SECTIONS_VERSION; open: OpenSections } {
  return { version: SECTIONS_VERSION, open: { ...parseSections(current), [id]: open } };
}
