// Over-long input is read in a window and the rest reported, never refused (issue 11, part 7).
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_WINDOW } from '../../../src/engine/analyze.ts';
import { engine } from '../helpers.ts';

describe('over-long input', () => {
  it('reads a 200,000-character customer message from its opening and reports the rest', () => {
    const opening = 'The invoice is wrong again and this is ridiculous. ';
    const text = opening + 'log 0042 timeout '.repeat(12_000);
    expect(text.length).toBeGreaterThan(200_000);
    const a = engine.analyze({ messages: [{ role: 'customer', text }], draft: '' });
    expect(a.mood.level).not.toBe('calm');
    const driver = a.mood.messages[0]!.drivers.find((d) => d.id === 'signal-direct-frustration')!;
    expect(driver.span.start).toBe(opening.indexOf('ridiculous'));
    expect(a.skipped.messageChars).toBeGreaterThan(text.length - MAX_MESSAGE_WINDOW - 1);
    expect(a.skipped.messageChars).toBeLessThan(text.length);
  });

  it('cuts a very long display name instead of refusing the conversation', () => {
    const a = engine.analyze({ customerName: `Sam ${'Q'.repeat(5_000)}`, messages: [{ role: 'customer', text: 'Where is my parcel?' }], draft: '' });
    expect(a.mood.level).not.toBeNull();
  });

  it('reports nothing skipped for an ordinary ticket', () => {
    const a = engine.analyze({ messages: [{ role: 'customer', text: 'My card was charged twice.' }], draft: 'Hi,' });
    expect(a.skipped).toEqual({ messages: 0, messageChars: 0, draftChars: 0 });
  });
});
