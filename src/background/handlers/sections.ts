/**
 * The sidebar's folding sections (src/shared/sections.ts): the worker is the one writer of the
 * record, as for settings, so two sidebars (side panel and pop-out) toggling at once never
 * overwrite each other's choice: each write reads the record, changes one section, writes it back,
 * one at a time.
 */
import browser from '../../shared/browser.ts';
import type { MessageOf, Reply } from '../../shared/messages.ts';
import { planSections, SECTIONS_KEY } from '../../shared/sections.ts';
import { createSerial } from '../serial.ts';

const serial = createSerial();

export function onSetSection(msg: MessageOf<'sidebar/set-section'>): Promise<Reply<'sidebar/set-section'>> {
  return serial(async () => {
    const got = await browser.storage.local.get(SECTIONS_KEY);
    await browser.storage.local.set({ [SECTIONS_KEY]: planSections(got[SECTIONS_KEY], msg.section, msg.open) });
    return { ok: true };
  });
}
