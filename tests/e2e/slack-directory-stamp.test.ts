/**
 * The Slack directory refreshes a person's profile from `users.info` and stamps when it did so in
 * the user's adapter data, in one atomic change of that data as stored at the moment of writing. It
 * used to write back a copy read before the Web API call, so a change made to the row meanwhile (by
 * another request or another instance) was lost. Signed slash commands, the local Web API holding
 * `users.info` open while the row changes, the real SQLite store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => {
  await slack?.stop();
});

describe('refreshing a Slack profile', () => {
  it('stamps slackFetchedAt without undoing a change made to the row while users.info was in flight', async () => {
    const { store } = slack.app;
    const first = await slack.slash('help', { user_id: 'U0BOB', user_name: 'bob' });
    await slack.fake.responseTo(first.responseUrl);
    // A day-old stamp, so the next command asks Slack again.
    await store.users.updatePlatformData('T0FAKE', 'U0BOB', (current) => ({
      ...(current as object),
      slackFetchedAt: '2000-01-01T00:00:00.000Z',
    }));

    const held = slack.fake.holdNextCall('users.info');
    const second = await slack.slash('help', { user_id: 'U0BOB', user_name: 'bob' });
    await held.arrived;
    await store.users.updatePlatformData('T0FAKE', 'U0BOB', (current) => ({ ...(current as object), note: 'written meanwhile' }));
    held.release();
    await slack.fake.responseTo(second.responseUrl);

    const bob = await store.users.get('T0FAKE', 'U0BOB');
    expect(bob).toMatchObject({ name: 'bob', timeZone: 'Europe/Berlin' });
    const data = bob?.platformData as { note?: string; slackFetchedAt?: string };
    expect(data.note).toBe('written meanwhile');
    expect(Date.parse(data.slackFetchedAt!)).toBeGreaterThan(Date.parse('2000-01-02T00:00:00.000Z'));
  });
});
