// Issue 14, I4: "other sites" asks for one exact host, never a wildcard.
import { describe, expect, it } from 'vitest';
import { patternFor, SITE_PATTERN } from '../../../src/shared/site-pattern.ts';

describe('patternFor', () => {
  it('asks for one host', () => {
    expect(patternFor('support.example.com')).toBe('https://support.example.com/*');
    expect(patternFor('http://helpdesk.local/tickets/1')).toBe('http://helpdesk.local/*');
  });

  it('refuses wildcards and other schemes, so "*" never asks for every site', () => {
    for (const input of ['*', '*.example.com', 'https://*/', 'https://*.example.com/x', 'ftp://example.com', 'file:///etc', '']) {
      expect(patternFor(input), input).toBeNull();
    }
    expect(SITE_PATTERN.test('https://*/*')).toBe(false);
  });
});
