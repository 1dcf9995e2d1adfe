// A coordinator's week in Slack, as a first user runs it: 30 items, a press on page 2, a nudge in a DM,
// a channel the bot is not in, and a member whose profile has no time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderMessage } from '../../src/reminders/reminder-message.js';
import { seededFake, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';
import { press } from '../helpers/slack-press.js';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness({
    fake: seededFake()
      .addUser({ id: 'U0NOTZ', name: 'noz', real_name: 'No Zone' })
      .addChannel({ id: 'C0NEW', name: 'new', is_member: true }),
  });
  for (let i = 1; i <= 30; i++) {
    const sent = await slack.slash(`add Item number ${i} <@U0BOB|bob> due 2030-0${1 + (i % 9)}-1${i % 9}`);
    await slack.fake.responseTo(sent.responseUrl);
  }
}, 120_000);
afterAll(async () => {
  await slack?.stop();
});

describe('Slack, as a first user', () => {
  it('lists 30 items over two ephemeral messages; Done on page 2 replaces that page, counting what did not fit', async () => {
    const listed = await slack.slash('list');
    const first = await slack.fake.responseTo(listed.responseUrl, 1);
    const second = await slack.fake.responseTo(listed.responseUrl, 2);
    expect(first.body.blocks.length).toBeLessThanOrEqual(50);
    expect(second.body.text).toMatch(/continued, part 2 of 2/);
    const target = second.body.blocks.find((b: any) => b.type === 'actions').block_id.split('|')[2];
    const clicked = await slack.click(
      press(second.body.blocks, target, 'ft_done', { ephemeral: true, user: 'U0ALICE', channel: 'C0GENERAL' }),
    );
    const replaced = await slack.fake.responseTo(clicked.responseUrl);
    expect(replaced.body.replace_original).toBe(true);
    expect(replaced.body.blocks.length).toBeLessThanOrEqual(50);
    const shown = JSON.stringify(replaced.body.blocks);
    expect(shown).toMatch(new RegExp(`alice marked ${target} done`));
    expect(shown).toMatch(/…and \d+ more — type `\/commitments list`/);
    expect((await slack.app.store.commitments.get('T0FAKE', target))?.status).toBe('done');
  });

  it('Done on a nudge in the owner’s DM updates that DM message in place and says who did it', async () => {
    const c1 = (await slack.app.store.commitments.get('T0FAKE', 'C-1'))!;
    const { messageId } = await slack.app.chatAdapters
      .get('slack')!
      .deliver('slack:T0FAKE:U0BOB', reminderMessage('nudge', c1, new Date('2030-02-07T09:00:00Z')), { key: 'nudge:acceptance' });
    const message = slack.fake.messages.find((m) => m.ts === messageId)!;
    expect(message.channel).toBe('D0BOB');
    const before = slack.fake.calls.length;
    await slack.click(press(message.blocks!, 'C-1', 'ft_done', { ts: messageId, ephemeral: false, user: 'U0BOB', channel: 'D0BOB' }));
    const update: any = await slack.fake.waitFor(
      (r: any) => r.method === 'chat.update' && r.args.ts === messageId && slack.fake.calls.indexOf(r) >= before,
    );
    expect(update.args.channel).toBe('D0BOB');
    expect(JSON.stringify(update.args.blocks)).toMatch(/bob marked C-1 done/);
  });

  it('`remind` in a channel the bot is not in sets it and asks to be invited', async () => {
    const sent = await slack.slash('remind weekdays 10:00', { channel_id: 'C0RANDOM', channel_name: 'random' });
    const answer = await slack.fake.responseTo(sent.responseUrl);
    expect(answer.body.text).toMatch(/Invite me to this channel \(`\/invite @Followthrough`\)/);
  });

  it('a member with no zone in their profile gets the default zone for a new channel, and says so', async () => {
    const sent = await slack.slash('add Thing from a member with no zone due 2030-05-01', {
      user_id: 'U0NOTZ',
      user_name: 'noz',
      channel_id: 'C0NEW',
      channel_name: 'new',
    });
    const answer = await slack.fake.responseTo(sent.responseUrl);
    expect(answer.body.text).toMatch(/noz added C-\d+: Thing from a member with no zone/);
    expect(answer.body.text).toMatch(/digest weekdays at 09:00 \(UTC\)/);
  });
});

describe('Slack rendering of a long code block (an inline `export csv` near its 3,500-character limit)', () => {
  it('splits it into sections that each open and close their own ``` fence', async () => {
    const { renderMessages } = await import('../../adapters/slack/block-kit.js');
    const { privateReply } = await import('../../src/replies/reply.js');
    const rows = Array.from(
      { length: 40 },
      (_, i) => `C-${i + 1},Deliver work package number ${i + 1} to the ministry,open,no,exact,2099-03-15`,
    );
    const text = `CSV of 40 commitments:\n\`\`\`\nid,title,status,at_risk,deadline_kind,due\n${rows.join('\n')}\n\`\`\``;
    expect(text.length).toBeGreaterThan(3000);
    const sections = renderMessages(privateReply(text))
      .flatMap((m) => m.blocks)
      .filter((b: any) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections as any[]) {
      expect(section.text.text.length).toBeLessThanOrEqual(3000);
      expect(section.text.text.match(/```/g)?.length ?? 0).toBe(2);
    }
    const rejoined = sections.map((s: any) => s.text.text.replace(/^```\n/, '').replace(/\n```$/, '')).join('\n');
    for (const row of rows) expect(rejoined).toContain(row);
  });
});
