/**
 * A list long enough to come in parts in the app's DM (30 overdue items: "Overdue (30)" heads part 1,
 * the section runs on into part 2): a press on a row in part 2 recounts the heading in part 1 too
 * ("Overdue (29)"), read back from the DM's history; a press in part 1 after that counts the row
 * done in part 2 as well ("Overdue (28)"). Signed Slack requests (message.im, block_actions)
 * against the local Web API; asserted on what she reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksText } from '../helpers/fake-slack-blocks.js';
import { slackFixture, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';
import { press } from '../helpers/slack-press.js';

let slack: SlackHarness;
const ITEMS = 30;

beforeAll(async () => {
  slack = await startSlackHarness();
  for (let n = 1; n <= ITEMS; n++) {
    const sent = await slack.slash(`add Item ${n} due 2024-01-${String(n).padStart(2, '0')}`);
    await slack.fake.responseTo(sent.responseUrl);
  }
}, 120_000);
afterAll(async () => {
  await slack?.stop();
});

interface Part {
  ts: string;
  blocks: any[];
}

const inDm = () => slack.fake.messages.filter((m) => m.channel === 'D0ALICE');
const partOf = (ts: string): Part => {
  const message = slack.fake.messages.find((m) => m.channel === 'D0ALICE' && m.ts === ts)!;
  return { ts, blocks: message.blocks as any[] };
};
const overdueHeading = (part: Part) => blocksText(part.blocks).match(/^Overdue \(\d+\)$/m)?.[0];
const rowIds = (part: Part) => part.blocks.filter((b) => b.block_id?.startsWith('ftrow|')).map((b) => b.block_id.split('|')[2] as string);

/** Alice presses Done on `id` in `part`; resolves once a chat.update of each of `edited` (message ts) has come in. */
async function done(part: Part, id: string, edited: string[]): Promise<void> {
  const mark = slack.fake.calls.length;
  await slack.click(press(part.blocks, id, 'ft_done', { ts: part.ts, ephemeral: false, channel: 'D0ALICE', user: 'U0ALICE' }));
  for (const ts of edited)
    await slack.fake.waitFor((r: any) => r.method === 'chat.update' && r.args.ts === ts && slack.fake.calls.indexOf(r) >= mark, 20_000);
}

describe('a list that came in parts in the DM, after a press', () => {
  it('recounts the heading on the other part', async () => {
    const envelope = slackFixture('message-im');
    expect((await slack.event({ ...envelope, event_id: 'Ev0LONGLIST', event: { ...envelope.event, text: 'list' } })).status).toBe(200);
    await slack.fake.waitFor(() => inDm().some((m) => /^\(continued, part 2\)/.test(blocksText(m.blocks as any[]))), 20_000);
    const [first, second] = inDm().map((m) => partOf(m.ts));
    expect(blocksText(first.blocks)).toMatch(/^Your commitments everywhere/);
    expect(overdueHeading(first)).toBe(`Overdue (${ITEMS})`);
    expect(overdueHeading(second)).toBeUndefined();

    const later = rowIds(second)[0];
    await done(second, later, [second.ts, first.ts]);
    expect(overdueHeading(partOf(first.ts))).toBe(`Overdue (${ITEMS - 1})`);
    expect(partOf(first.ts).blocks.length).toBe(first.blocks.length);
    expect(blocksText(partOf(second.ts).blocks)).toMatch(new RegExp(`${later} Item \\d+\\ndone `));
    // Part 1's fallback text says the same count.
    expect(slack.fake.messages.find((m) => m.ts === first.ts)?.text).toMatch(new RegExp(`^\\*Overdue \\(${ITEMS - 1}\\)\\*$`, 'm'));

    // A press in part 1 counts the row done in part 2 as well.
    const now = partOf(first.ts);
    await done(now, rowIds(now)[0], [first.ts]);
    expect(overdueHeading(partOf(first.ts))).toBe(`Overdue (${ITEMS - 2})`);
  });
});
