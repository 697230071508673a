// Issue 14, L5: insertable text with a web address is marked in the sidebar.
import { describe, expect, it } from 'vitest';
import { hasLink } from '../../../src/sidebar/links.ts';

describe('hasLink', () => {
  it('finds web addresses in any usual form', () => {
    for (const t of ['See https://evil.tld/x', 'go to www.example.com now', 'visit example.com/refunds', 'mail help.example.co.uk', 'javascript:alert(1)', 'http://a.b']) {
      expect(hasLink(t), t).toBe(true);
    }
  });

  it('leaves ordinary sentences alone', () => {
    for (const t of ["I'm sorry, Priya. I'll fix this today.", 'e.g. a refund, i.e. your money back.', 'It costs 4.99 a month.', 'Thanks!...See you.']) {
      expect(hasLink(t), t).toBe(false);
    }
  });
});
