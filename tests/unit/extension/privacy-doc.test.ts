/**
 * Issue 14, I3: PRIVACY.md says what the code does with the network and with stored ids. Checked
 * against the code's own constants, so the promise cannot drift from the behaviour.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACK_UPDATE_PERIOD_MINUTES } from '../../../src/shared/packs-store.ts';

const privacy = readFileSync('PRIVACY.md', 'utf8').replace(/\s+/g, ' ');

describe('PRIVACY.md', () => {
  it('says policy pack addresses are downloaded without asking', () => {
    expect(privacy).toMatch(/administrator[^.]*policy[^.]*downloaded without asking/i);
  });

  it('says update checks reveal the IP address and when the browser runs, at the real period', () => {
    expect(privacy).toContain(`every ${PACK_UPDATE_PERIOD_MINUTES / 60} hours`);
    expect(privacy).toMatch(/IP address/);
    expect(privacy).toMatch(/when your browser was running/);
  });

  it('says a generic site\'s conversation id is the page address (site and path) and is kept', () => {
    const generic = readFileSync('src/adapters/generic.ts', 'utf8');
    expect(generic).toContain('${doc.location.origin}${doc.location.pathname}'); // what the doc below describes
    expect(privacy).toMatch(/page's address without its query \(site and path/);
  });

  it('says a pack host\'s permission is not used to coach there and goes with the pack', () => {
    expect(privacy).toMatch(/never runs on that site because of it/);
    expect(privacy).toMatch(/gives it back when you remove the pack/);
  });
});
