/**
 * A long Gmail escalation (tests/e2e/pages/gmail-long-thread.html) with the built extension, in
 * Chromium and Firefox through the one cross-browser contract: the sidebar says how much of the
 * thread it read and one click reads the rest; the shared alias's replies count as the agent's;
 * Outlook and plain-text quoted history is not scored; the draft's quote is folded; a new
 * message beside the thread is coached on its own.
 */
import { expect, it } from 'vitest';
import { describeInBrowsers, readSidebar } from './helpers/contract.ts';
import { servedPage, VALIDATING } from './helpers/sites.ts';

const POLL = { timeout: 15_000, interval: 100 };
const URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXMlongThreadTokenAbCdEf';

describeInBrowsers('gmail long thread', { served: servedPage('mail.google.com', 'gmail-long-thread.html', '/mail/'), url: URL, extension: true }, (s) => {
  const view = () => readSidebar(s().sidebar);

  it('says how many messages it read and that five are collapsed or hidden, never the part as the whole', async () => {
    await expect.poll(async () => (await view()).coverage, POLL).toEqual({ read: 2, unread: 5, more: false, trimmed: 0, expand: true });
    const v = await view();
    expect(v.conversation).toBe('gmail:18c4a1b2c3d4e5f6');
    expect(v.moodPoints).toBe(2); // the two expanded customer messages
    expect(v.cues.join(' | ')).not.toMatch(/lawyer|chargeback/i); // quoted agent text is not the customer's
    expect(v.steps.apologize).toBe('todo');
  });

  it("one click expands the thread: every customer message in the mood, the alias's replies as the agent's steps", async () => {
    await s().sidebar.click('[data-testid="expand"]');
    await expect.poll(async () => (await view()).coverage, POLL).toMatchObject({ read: 7, unread: 0, expand: false });
    const v = await view();
    expect(v.moodPoints).toBe(5); // 5 customer messages; the 2 replies from support@shopwise.com are the agent's
    expect(v.steps.apologize).toBe('done'); // "I'm sorry for the wait" from the alias
    expect(v.cues.some((c) => /chargeback/i.test(c))).toBe(true); // read only once expanded
    expect(v.cues.join(' | ')).not.toMatch(/lawyer/i);
  });

  it('folds the plain-text quote below the reply: its "calm down" and "policy" are not flagged', async () => {
    await s().site.click('#reply-top');
    await s().site.type(VALIDATING);
    await expect.poll(async () => (await view()).steps.validate, POLL).toBe('drafted');
    expect((await view()).flags).toEqual([]);
  });

  it('a new message beside the thread is coached on its own, without the thread', async () => {
    await s().site.click('#new-message');
    await s().site.type("That's our policy.");
    await expect.poll(async () => (await view()).conversation, POLL).toBe('gmail:compose:c9001');
    await expect.poll(async () => (await view()).flags, POLL).toContain('avoid-policy-talk');
    const v = await view();
    expect(v.compose).toBe(true);
    expect(v.moodPoints).toBe(0);
    expect(v.coverage).toBeNull();
    // Back in the thread's reply: the thread again.
    await s().site.click('#reply-top');
    await s().site.type(' ');
    await expect.poll(async () => (await view()).conversation, POLL).toBe('gmail:18c4a1b2c3d4e5f6');
  });
});
