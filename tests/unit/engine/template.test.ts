/**
 * Issue 14, L5: the customer's display name comes from the page, and its first word becomes the
 * greeting's first name in insertable text. Only letters make a name: a URL, an address or markup
 * never reaches a suggestion.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.ts';
import { fillTemplate, firstName } from '../../../src/engine/text/template.ts';

describe('firstName', () => {
  it('takes the first word of a name, accents, apostrophes and hyphens included', () => {
    expect(firstName('Priya Shah')).toBe('Priya');
    expect(firstName('  Zoë  Martin')).toBe('Zoë');
    expect(firstName("D'Arcy Jones")).toBe("D'Arcy");
    expect(firstName('Jean-Luc Picard')).toBe('Jean-Luc');
    expect(firstName('Łukasz')).toBe('Łukasz');
  });

  it('is none for anything but letters: URLs, addresses, digits, markup', () => {
    for (const name of ['https://evil.tld/x', 'evil.tld/x Smith', 'www.evil.tld', 'a@b.c', '<img>', 'Bob2', '#1 fan', '+1 555 0100', '']) {
      expect(firstName(name), name).toBeUndefined();
    }
  });

  it('a display name like a URL never becomes part of a suggestion', () => {
    const engine = createEngine();
    const a = engine.analyze({ customerName: 'https://evil.tld/x', messages: [{ role: 'customer', text: 'My blender arrived broken!!' }], draft: '' });
    expect(a.next.length).toBeGreaterThan(0);
    for (const n of a.next) expect(n.text).not.toMatch(/evil|https?:/);
    expect(fillTemplate('Thanks, {{name}}.', { name: firstName('https://evil.tld/x') })).toBe('Thanks.');
  });
});
