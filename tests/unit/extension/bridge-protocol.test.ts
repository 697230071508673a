/**
 * Issue 14, L4 and I2: the CKEditor bridge's two ends read each other's events strictly. The page
 * sees every request and can answer first, so a reply carries only success and a known code;
 * a request is checked whole, not only by its id.
 */
import { describe, expect, it } from 'vitest';
import { readBridgeRequest, readBridgeResponse } from '../../../src/adapters/dom/bridge-protocol.ts';

const ID = 'lq2x3-abc123';

describe('bridge replies (L4)', () => {
  it('a forged reply with free text becomes a fixed code; the page\'s words never get through', () => {
    const forged = JSON.stringify({ id: ID, ok: false, detail: 'Your session expired: call +1 555 0100 <img src=x>' });
    expect(readBridgeResponse(forged, ID)).toEqual({ ok: false, detail: 'bridge error' });
  });

  it('keeps the known codes, and ignores replies to other requests or not JSON', () => {
    expect(readBridgeResponse(JSON.stringify({ id: ID, ok: true, detail: 'ckeditor' }), ID)).toEqual({ ok: true, detail: 'ckeditor' });
    expect(readBridgeResponse(JSON.stringify({ id: 'other-1', ok: true, detail: 'ckeditor' }), ID)).toBeNull();
    expect(readBridgeResponse('{', ID)).toBeNull();
    expect(readBridgeResponse({ id: ID }, ID)).toBeNull();
  });
});

describe('bridge requests (I2)', () => {
  it('accepts the two ops the content script sends', () => {
    expect(readBridgeRequest(JSON.stringify({ op: 'insert', text: 'Hello', id: ID }))).toEqual({ op: 'insert', text: 'Hello', id: ID });
    expect(readBridgeRequest(JSON.stringify({ op: 'replace', start: 1, end: 4, expected: 'abc', text: 'x', id: ID }))).toMatchObject({ op: 'replace', start: 1, end: 4 });
  });

  it('refuses anything else: unknown ops, missing or odd fields, reversed ranges, oversized text, odd ids', () => {
    const bad = [
      { op: 'delete', text: 'x', id: ID },
      { op: 'insert', text: 5, id: ID },
      { op: 'insert', text: '', id: ID },
      { op: 'insert', text: 'x'.repeat(10_001), id: ID },
      { op: 'replace', start: 4, end: 1, expected: 'abc', text: 'x', id: ID },
      { op: 'replace', start: -1, end: 1, expected: 'a', text: 'x', id: ID },
      { op: 'replace', start: 0, end: 1, text: 'x', id: ID },
      { op: 'insert', text: 'x', id: 7 },
      { op: 'insert', text: 'x', id: '<img>' },
    ];
    for (const b of bad) expect(readBridgeRequest(JSON.stringify(b)), JSON.stringify(b).slice(0, 80)).toBeNull();
    expect(readBridgeRequest('not json')).toBeNull();
  });
});
