/**
 * A far-off dated item is never out of sight for more than 14 days (DESIGN §5), also with
 * `remind off`: where no channel digest lists it, its owner's daily message carries it every 14
 * days as "Coming up" until the real nudges start (3 days before). Where the channel has a digest,
 * the weekly digest lists it ("Later") and the owner is not messaged about it early. Real Slack
 * adapter over signed requests and the fake Slack, the real tick and delivery loop day by day with
 * an injected clock; asserted on the DMs and posts as a person reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { deliverAt } from '../helpers/deliver-at.js';
import { blocksText } from '../helpers/fake-slack-blocks.js';
import { seededFake, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

const DAY = 86_400_000;
let slack: SlackHarness;
/** What each conversation received, day by day: [ISO day, text read]. */
const received = new Map<string, [string, string][]>();

beforeAll(async () => {
  slack = await startSlackHarness({ fake: seededFake().addChannel({ id: 'C0BORDER', name: 'border', is_member: true }) });
  const say = async (text: string, fields: Record<string, string> = {}) => {
    const sent = await slack.slash(text, fields);
    return (await slack.fake.responseTo(sent.responseUrl)).body.text as string;
  };
  // #general turns its digest off; alice's item there is due in late June 2030.
  expect(await say('add Ratify the border agreement due 2030-06-28')).toMatch(/added C-1/);
  expect(await say('remind off')).toMatch(/digest off/);
  // #border keeps its digest; bob's item there is due the same day.
  const bob = { user_id: 'U0BOB', user_name: 'bob', channel_id: 'C0BORDER', channel_name: 'border' };
  expect(await say('add Open the border markets due 2030-06-28', bob)).toMatch(/added C-2/);

  // Every day from 1 May to 28 Jun 2030 at 05:00 and 12:00 UTC (mornings and afternoons in Karachi
  // and Berlin, the owners' zones): one tick, one drain each.
  const adapter = slack.app.chatAdapters.get('slack')!;
  const quiet = parseQuietHours('20:00-08:00');
  const times: number[] = [];
  for (let t = Date.parse('2030-05-01T05:00:00Z'); t <= Date.parse('2030-06-28T05:00:00Z'); t += DAY) times.push(t, t + 7 * 3_600_000);
  for (const t of times) {
    const mark = slack.fake.messages.length;
    await deliverAt(slack.app.store, adapter, new Date(t), { quiet });
    for (const message of slack.fake.messages.slice(mark)) {
      const list = received.get(message.channel) ?? [];
      list.push([new Date(t).toISOString().slice(0, 10), blocksText(message.blocks as never)]);
      received.set(message.channel, list);
    }
  }
}, 120_000);
afterAll(async () => {
  await slack?.stop();
});

const gaps = (days: string[]) => days.slice(1).map((d, i) => (Date.parse(d) - Date.parse(days[i])) / DAY);

describe('a far-off item in a channel with its digest off', () => {
  it('comes up in the owner’s daily message at least every 14 days, then gets the real nudges', () => {
    const alice = received.get('D0ALICE') ?? [];
    const about = alice.filter(([, text]) => text.includes('C-1 Ratify the border agreement'));
    const days = about.map(([day]) => day);
    expect(days[0] <= '2030-05-15').toBe(true);
    expect(Math.max(...gaps(days))).toBeLessThanOrEqual(14);
    // Until the 3-days-before nudge it reads as "coming up", then as due soon.
    const early = about.find(([day]) => day < '2030-06-20')!;
    expect(early[1]).toMatch(/Your commitments, \w{3} \d+ \w{3} — 1 coming up/);
    expect(early[1]).toMatch(/Coming up \(1\)/);
    expect(early[1]).toMatch(/Due in \d+ days \(Fri 28 Jun\)\./);
    expect(about.find(([day]) => day === '2030-06-25')?.[1]).toMatch(/Due soon \(1\)[\s\S]*Due in 3 days \(Fri 28 Jun\)\./);
  });
});

describe('a far-off item in a channel with a digest', () => {
  it('the owner hears nothing early: the weekly digest lists it under Later every week', () => {
    const bob = (received.get('D0BOB') ?? []).filter(([, text]) => text.includes('C-2 Open the border markets'));
    expect(bob.map(([day]) => day)).toEqual(['2030-06-25', '2030-06-28']);
    const digests = (received.get('C0BORDER') ?? []).filter(([, text]) => /Later \(1\)[\s\S]*C-2 Open the border markets/.test(text));
    expect(Math.max(...gaps(digests.map(([day]) => day)))).toBeLessThanOrEqual(7);
  });
});
