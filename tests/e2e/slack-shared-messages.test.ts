/**
 * Presses on shared messages over signed Slack requests: a digest stays that digest (only the pressed
 * row changes, plus "✅ alice marked C-1 done"); a refused or crafted press changes no message and
 * answers only the presser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderKindFor } from '../../src/reminders/cadence.js';
import { buildDigest } from '../../src/reminders/digest.js';
import { ownerMessage } from '../../src/reminders/owner-message.js';
import type { Reply } from '../../src/replies/reply.js';
import { blockProblem, blocksText } from '../helpers/fake-slack-blocks.js';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';
import { sendInteraction } from '../helpers/fake-slack-signer.js';
import { press, pressedElement, pressPayload } from '../helpers/slack-press.js';

const CHANNEL = 'slack:T0FAKE:C0GENERAL';
let slack: SlackHarness;

beforeAll(async () => {
  slack = await startSlackHarness();
  await say('add Appoint liaison officers <@U0BOB|bob> due 2030-02-05');
  await say('add Operationalise border markets <@U0BOB|bob> due 2030-02-06');
  await say('add Set up a joint mechanism <@U0BOB|bob> due 2030-02-07');
});

/** A slash command, answered before the test goes on (Slack's ack comes first, the work after). */
async function say(text: string): Promise<void> {
  const sent = await slack.slash(text);
  await slack.fake.responseTo(sent.responseUrl);
}
afterAll(async () => {
  await slack?.stop();
});

/** The channel digest as the scheduler builds it, posted to #general the way the outbox posts it. */
async function postDigest(): Promise<{ ts: string; blocks: any[]; text: string }> {
  const now = new Date('2030-02-03T09:00:00Z');
  const commitments = await slack.app.store.commitments.list('T0FAKE', { channel: CHANNEL, statuses: ['open', 'in_progress', 'blocked'] });
  const digest = buildDigest({ channelName: 'general', commitments, proposedCount: 0, changes: [], unreachable: [], now }) as Reply;
  const { messageId } = await slack.app.chatAdapters.get('slack')!.deliver(CHANNEL, digest, { key: `digest:${Math.random()}` });
  const message = slack.fake.messages.find((m) => m.ts === messageId)!;
  return { ts: messageId, blocks: message.blocks!, text: message.text ?? '' };
}

const callsSince = (n: number) => slack.fake.calls.slice(n);

describe('a press on a channel digest', () => {
  it('updates that row in place and says who did it; the digest keeps its header, other rows and text', async () => {
    const digest = await postDigest();
    const before = blocksText(digest.blocks);
    expect(before).toMatch(/Commitments digest for #general/);
    const mark = slack.fake.calls.length;
    await slack.click(press(digest.blocks, 'C-1', 'ft_done', { ts: digest.ts, ephemeral: false, text: digest.text }));
    const update: any = await slack.fake.waitFor(
      (r: any) => r.method === 'chat.update' && r.args.ts === digest.ts && slack.fake.calls.indexOf(r) >= mark,
    );
    expect(blockProblem(update.args.blocks)).toBeUndefined();
    const after = blocksText(update.args.blocks);
    // Still the digest: its day, the same other rows with their buttons; its header counts the rows
    // as they now are (slack-press-counts.test.ts).
    expect(before.split('\n')[0]).toBe('Sun 3 Feb — 3 due within 7 days');
    expect(after.split('\n')[0]).toBe('Sun 3 Feb — 2 due within 7 days · 1 done');
    expect(after).toMatch(/C-2 Operationalise border markets\n.*\n\[Done\]/);
    expect(after).toMatch(/C-3 Set up a joint mechanism\n.*\n\[Done\]/);
    expect(after).not.toMatch(/Commitments in this channel/);
    // The fallback `text` is said again from the blocks: with blocks, Slack shows `text` only in
    // notifications, screen readers and previews (chat.update: "text will be used as fallback text
    // for notifications only"), so it must not keep the counts and row the digest was sent with.
    expect(digest.text.split('\n')[0]).toBe('Sun 3 Feb — 3 due within 7 days');
    expect(update.args.text.split('\n')[0]).toBe('Sun 3 Feb — 2 due within 7 days · 1 done');
    expect(update.args.text).toMatch(/Commitments digest for #general/);
    expect(update.args.text).toMatch(/^\*C-1 Appoint liaison officers\*\ndone .* · @bob$/m);
    expect(update.args.text).toMatch(/^\*C-2 Operationalise border markets\*\ndue Wed 6 Feb · @bob$/m);
    expect(update.args.text).toMatch(/✅ alice marked C-1 done: Appoint liaison officers/);
    expect(update.args.text).not.toMatch(/3 due within 7 days|\[Done\]/);
    // The pressed row as it is now: done, with Reopen instead of Done; and the line under the digest.
    expect(after).toMatch(/C-1 Appoint liaison officers\n.*done.*\n\[Reopen\]/);
    expect(after.split('\n').at(-1)).toMatch(/^✅ alice marked C-1 done: Appoint liaison officers \(done /);
    expect((await slack.app.store.commitments.get('T0FAKE', 'C-1'))?.status).toBe('done');
    // The press after that adds its own line; the first stays.
    const mark2 = slack.fake.calls.length;
    await slack.click(
      press(update.args.blocks, 'C-2', 'ft_status', { ts: digest.ts, ephemeral: false, user: 'U0BOB' }, { choice: 'blocked' }),
    );
    const second: any = await slack.fake.waitFor(
      (r: any) => r.method === 'chat.update' && r.args.ts === digest.ts && slack.fake.calls.indexOf(r) >= mark2,
    );
    const text2 = blocksText(second.args.blocks);
    expect(text2).toMatch(/✅ alice marked C-1 done: .*\n🔄 bob set C-2 to blocked$/);
    expect(text2).toMatch(/C-2 Operationalise border markets\n.*blocked/);
  });

  it('a refused press changes no message: no chat.update, the presser alone is told why', async () => {
    // The digest went out while C-3 was open; someone has marked it done since.
    const digest = await postDigest();
    await say('done C-3');
    const mark = slack.fake.calls.length;
    const clicked = await slack.click(
      press(digest.blocks, 'C-3', 'ft_status', { ts: digest.ts, ephemeral: false }, { choice: 'in-progress' }),
    );
    const refusal = await slack.fake.responseTo(clicked.responseUrl);
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(refusal.body.text).toMatch(/C-3 is done; reopen it first/);
    expect(callsSince(mark).some((c: any) => c.method === 'chat.update')).toBe(false);
    expect(slack.fake.messages.find((m) => m.ts === digest.ts)?.blocks).toEqual(digest.blocks);
  });
});

describe('a crafted press (typed actions, never command text)', () => {
  const cases: [string, (action: Record<string, any>) => Record<string, any>][] = [
    ['a value whose id smuggles more words', (a) => ({ ...a, value: JSON.stringify({ kind: 'done', id: 'C-1 title Pwned' }) })],
    [
      'a value naming a command no button runs',
      (a) => ({ ...a, value: JSON.stringify({ kind: 'edit', id: 'C-2', choice: 'title Pwned' }) }),
    ],
    ['a value that is not JSON', (a) => ({ ...a, value: 'C-2 title Pwned' })],
    ['a value whose kind disagrees with its action id', (a) => ({ ...a, value: JSON.stringify({ kind: 'reopen', id: 'C-2' }) })],
    ['a block id whose target smuggles more words', (a) => ({ ...a, block_id: 'ft|0a0|C-2 title Pwned|list:' })],
    [
      'a block id whose context smuggles a command',
      (a) => ({ ...a, block_id: 'ft|0a0|C-2|list:; edit C-2 title Pwned', value: JSON.stringify({ kind: 'done', id: 'C-2' }) }),
    ],
    [
      'a date picker whose date carries more words',
      (a) => ({ ...a, action_id: 'ft_confirm-date.date', type: 'datepicker', value: undefined, selected_date: '2030-03-01 title Pwned' }),
    ],
  ];

  it.each(cases)('%s: a friendly refusal to the presser, nothing changed, no message edited', async (_name, craft) => {
    await say('reopen C-1');
    const digest = await postDigest();
    const titles = (await slack.app.store.commitments.list('T0FAKE', {})).map((c) => `${c.id} ${c.title} ${c.status}`);
    const history = await slack.app.store.commitments.history('T0FAKE', 'C-2');
    const action = craft(pressedElement(digest.blocks, 'C-2', 'ft_done'));
    const mark = slack.fake.calls.length;
    const clicked = await slack.click(pressPayload(digest.blocks, action, { ts: digest.ts, ephemeral: false }));
    expect(clicked.status).toBe(200);
    const refusal = await slack.fake.responseTo(clicked.responseUrl);
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(refusal.body.text).toMatch(/not one I know.*Nothing was changed/);
    expect(callsSince(mark).some((c: any) => c.method === 'chat.update')).toBe(false);
    expect((await slack.app.store.commitments.list('T0FAKE', {})).map((c) => `${c.id} ${c.title} ${c.status}`)).toEqual(titles);
    expect(await slack.app.store.commitments.history('T0FAKE', 'C-2')).toEqual(history);
  });
});

describe("answer buttons on an owner's daily message and a proposed item", () => {
  it('"Still kept" on the daily message answers the review: that row changes, the rest of the message stays', async () => {
    await say('add Fully implement the security agreements <@U0BOB|bob> till full eradication of terrorism');
    const duty = (await slack.app.store.commitments.list('T0FAKE', {})).find((c) => c.title === 'Fully implement the security agreements')!;
    const open = await slack.app.store.commitments.list('T0FAKE', { ownerId: 'U0BOB', statuses: ['open', 'in_progress', 'blocked'] });
    const reminders = open.flatMap((commitment) =>
      reminderKindFor(commitment) ? [{ kind: reminderKindFor(commitment)!, commitment }] : [],
    );
    const daily = ownerMessage({ id: 'U0BOB', name: 'bob' }, reminders, new Date(), 'Europe/Berlin');
    const { messageId } = await slack.app.chatAdapters
      .get('slack')!
      .deliver('slack:T0FAKE:U0BOB', daily, { key: `owner-day:${Math.random()}` });
    const message = slack.fake.messages.find((m) => m.ts === messageId)!;
    const before = blocksText(message.blocks!);
    expect(before).toMatch(/\[Still kept\] \[It has ended\] \[Not kept\]/);
    const mark = slack.fake.calls.length;
    const element = pressedElement(message.blocks!, duty.id, 'ft_review');
    await slack.click(
      pressPayload(message.blocks!, element, {
        ts: messageId,
        ephemeral: false,
        user: 'U0BOB',
        channel: message.channel,
        text: message.text,
      }),
    );
    const update: any = await slack.fake.waitFor(
      (r: any) => r.method === 'chat.update' && r.args.ts === messageId && slack.fake.calls.indexOf(r) >= mark,
    );
    const after = blocksText(update.args.blocks);
    expect(after.split('\n')[0]).toBe(before.split('\n')[0]);
    expect(after).toMatch(new RegExp(`🔁 bob: ${duty.id} is still kept$`));
    const rowTitles = (text: string) => text.split('\n').filter((l) => /^C-\d+ /.test(l));
    expect(rowTitles(after)).toEqual(rowTitles(before));
    const history = await slack.app.store.commitments.history('T0FAKE', duty.id);
    expect(history.at(-1)?.action).toMatch(/review/);
  });

  it('Accept with a person picked names the owner (users_select), on a private list rebuilt in place', async () => {
    await say('import agreed 2024-01-29 The two foreign ministers agreed to immediately appoint liaison officers in Turbat and Zahedan.');
    const listed = await slack.slash('list proposed');
    const list = await slack.fake.responseTo(listed.responseUrl);
    const item = (await slack.app.store.commitments.list('T0FAKE', { statuses: ['proposed'] }))[0];
    const element = pressedElement(list.body.blocks, item.id, 'ft_accept.user');
    const clicked = await slack.click(
      pressPayload(list.body.blocks, { ...element, type: 'users_select', selected_user: 'U0BOB' }, { ephemeral: true }),
    );
    const replaced = await slack.fake.responseTo(clicked.responseUrl);
    expect(replaced.body.replace_original).toBe(true);
    expect((await slack.app.store.commitments.get('T0FAKE', item.id))?.owners.map((o) => o.id)).toEqual(['U0BOB']);
    expect((await slack.app.store.commitments.get('T0FAKE', item.id))?.status).toBe('open');
  });
});

describe('a refusal when the response_url no longer works', () => {
  it('reaches the presser alone by chat.postEphemeral, and still edits no message', async () => {
    await say('add Draft the joint communiqué <@U0BOB|bob> due 2030-02-04');
    const item = (await slack.app.store.commitments.list('T0FAKE', {})).find((c) => c.title === 'Draft the joint communiqué')!;
    const digest = await postDigest();
    // Done by typing since the digest went out: the digest's Done is now refused ("already done").
    await say(`done ${item.id}`);
    const payload = press(digest.blocks, item.id, 'ft_done', { ts: digest.ts, ephemeral: false, user: 'U0BOB' });
    const mark = slack.fake.calls.length;
    const expired = `${slack.fake.apiUrl.replace(/\/api\/$/, '')}/expired/1`;
    const sent = await sendInteraction(slack.eventsUrl, { ...payload, response_url: expired }, { secret: SIGNING_SECRET });
    expect(sent.status).toBe(200);
    const ephemeral: any = await slack.fake.waitFor((r: any) => r.method === 'chat.postEphemeral' && slack.fake.calls.indexOf(r) >= mark);
    expect(ephemeral.args).toMatchObject({ channel: 'C0GENERAL', user: 'U0BOB' });
    expect(ephemeral.args.text).toMatch(new RegExp(`${item.id} is already done`));
    expect(callsSince(mark).some((c: any) => c.method === 'chat.update')).toBe(false);
  });
});
