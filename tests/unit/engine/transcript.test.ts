import { describe, expect, it } from 'vitest';
import { parseTranscript, TranscriptError } from '../../../src/engine/transcript.ts';

describe('transcript parser', () => {
  it('reads roles, continuation lines, the optional name and the draft', () => {
    const conv = parseTranscript('Name: Priya Shah\nCustomer: The blender arrived broken.\nThe lid is cracked too.\n\nagent: I am sorry to hear that.\nDraft: Could you send a photo?\nThanks!');
    expect(conv).toEqual({
      customerName: 'Priya Shah',
      messages: [
        { role: 'customer', text: 'The blender arrived broken.\nThe lid is cracked too.' },
        { role: 'agent', text: 'I am sorry to hear that.' },
      ],
      draft: 'Could you send a photo?\nThanks!',
    });
  });

  it('accepts a transcript without a draft, and CRLF line ends', () => {
    expect(parseTranscript('Customer: hi\r\nAgent: hello\r\n')).toEqual({ messages: [{ role: 'customer', text: 'hi' }, { role: 'agent', text: 'hello' }], draft: '' });
  });

  it('names the line of a problem', () => {
    expect(() => parseTranscript('Hello there\nCustomer: hi')).toThrow(/line 1: expected "Customer:"/);
    expect(() => parseTranscript('Customer: hi\nDraft: x\nCustomer: again')).toThrow(/line 3: .*after "Draft:"/);
    expect(() => parseTranscript('Customer: hi\nName: Bo')).toThrow(/line 2: "Name:" must come before/);
    expect(() => parseTranscript('\n\n')).toThrow(TranscriptError);
  });
});
