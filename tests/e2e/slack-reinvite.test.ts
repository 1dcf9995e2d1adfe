/**
 * A channel marked inactive after a failed post comes back when the bot is invited again: Slack's
 * `member_joined_channel` for the bot's own user, over a signed request. Someone else joining does
 * not count. `followthrough status` (outbox stats) stops listing it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackFixture, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

const ADDRESS = 'slack:T0FAKE:C0GENERAL';
let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
  const sent = await slack.slash('add Appoint liaison officers due 2030-02-05');
  await slack.fake.responseTo(sent.responseUrl);
});
afterAll(async () => {
  await slack?.stop();
});

async function markInactive(): Promise<void> {
  await slack.app.store.channels.upsert({ workspaceId: 'T0FAKE', address: ADDRESS, active: false, inactiveReason: 'not_in_channel' });
}

const listedInactive = async () => (await slack.app.store.outbox.stats(new Date(), new Date(0))).inactive.map((a) => a.address);

function joined(user: string) {
  const envelope = slackFixture('member-joined-channel');
  return { ...envelope, event_id: `Ev${Math.random().toString(36).slice(2)}`, event: { ...envelope.event, user } };
}

/** Waits until the store says `active` (the event is acknowledged before it is handled). */
async function waitForActive(expected: boolean): Promise<boolean | undefined> {
  for (let waited = 0; waited < 3000; waited += 50) {
    const active = (await slack.app.store.channels.get('T0FAKE', ADDRESS))?.active;
    if (active === expected) return active;
    await new Promise((r) => setTimeout(r, 50));
  }
  return (await slack.app.store.channels.get('T0FAKE', ADDRESS))?.active;
}

describe('re-invited channel', () => {
  it('someone else joining leaves the channel inactive', async () => {
    await markInactive();
    const sent = await slack.event(joined('U0BOB'));
    expect(sent.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect((await slack.app.store.channels.get('T0FAKE', ADDRESS))?.active).toBe(false);
    expect(await listedInactive()).toContain(ADDRESS);
  });

  it('the bot joining brings it back: active again, its digest scheduled, no longer listed by status', async () => {
    await markInactive();
    const mark = slack.fake.calls.length;
    const sent = await slack.event(joined('U0BOT'));
    expect(sent.status).toBe(200);
    expect(await waitForActive(true)).toBe(true);
    // The first join also posts the one welcome; let it land before the harness stops.
    await slack.fake.waitFor((r: any) => r.method === 'chat.postMessage' && slack.fake.calls.indexOf(r) >= mark);
    expect(await listedInactive()).not.toContain(ADDRESS);
    const due = await slack.app.store.reminders.dueChannels(new Date('2100-01-01T00:00:00Z'), 10);
    expect(due.map((c) => c.address)).toContain(ADDRESS);
  });
});
