/**
 * The two helpdesk fixtures, served at their real addresses so the manifest's match patterns
 * are exercised, and what a test needs to know to drive each one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ckeditorUmd, fixture, repoRoot } from './paths.ts';

export interface Served {
  /** Host whose requests this serves. */
  host: string;
  /** Body for a request, or null to let it fail (no network in tests). */
  respond(url: string): { body: string; contentType: string } | null;
}

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWmKxVcbpLtdZsHNCdBvPmRs';
export const ZENDESK_URL = 'https://acme.zendesk.com/agent/tickets/48213';
/** Served beside the Zendesk fixture so the test can mount a real CKEditor 5 in its composer. */
export const CKEDITOR_URL = 'https://acme.zendesk.com/__test__/ckeditor5.umd.js';

export const gmailServed: Served = {
  host: 'mail.google.com',
  respond: (url) => (new URL(url).pathname.startsWith('/mail/') ? { body: fixture('gmail-thread.html'), contentType: 'text/html; charset=utf-8' } : null),
};

export const zendeskServed: Served = {
  host: 'acme.zendesk.com',
  respond(url) {
    const p = new URL(url).pathname;
    if (url === CKEDITOR_URL) return { body: readFileSync(ckeditorUmd, 'utf8'), contentType: 'text/javascript; charset=utf-8' };
    if (p.startsWith('/agent/')) return { body: fixture('zendesk-ticket.html'), contentType: 'text/html; charset=utf-8' };
    return null;
  },
};

/** The reply editor of the conversation on screen. */
export const GMAIL_EDITOR = 'div[g_editable="true"][contenteditable="true"]';
export const ZENDESK_EDITOR = (ticket: string): string =>
  `[data-ticket-id="${ticket}"] [data-test-id="omnicomposer-rich-text-ckeditor"]`;

export const POLICY_AND_CALM = "That's our policy, please calm down.";
export const VALIDATING = 'I completely understand how frustrating that must be.';

/** A page of tests/e2e/pages served at `host` for every document path under `prefix` (CKEditor beside Zendesk pages). */
export function servedPage(host: string, name: string, prefix: string): Served {
  return {
    host,
    respond(url) {
      if (url === CKEDITOR_URL) return { body: readFileSync(ckeditorUmd, 'utf8'), contentType: 'text/javascript; charset=utf-8' };
      return new URL(url).pathname.startsWith(prefix) ? { body: readFileSync(path.join(repoRoot, 'tests/e2e/pages', name), 'utf8'), contentType: 'text/html; charset=utf-8' } : null;
    },
  };
}
