/** Button presses on real rendered cards: chat.update for channel messages, response_url for ephemeral ones. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/registry.js';
import type { RecordedCall, ResponseUrlPost } from '../helpers/fake-slack.js';
import { startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';
import { press } from '../helpers/slack-press.js';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
  await slack.slash('add Appoint liaison officers <@U0BOB|bob> due 2030-02-05');
  await slack.slash('add Operationalise border markets <@U0BOB|bob> due 2030-03-30');
  await slack.slash('add Set up a joint mechanism <@U0BOB|bob> due 2030-04-30');
  await slack.fake.waitFor((r: any) => 'id' in r && /C-3/.test(r.body.text));
});
afterAll(async () => {
  await slack?.stop();
});

async function channelCard(): Promise<{ ts: string; blocks: any[] }> {
  const invocation = {
    workspace: { id: 'T0FAKE' },
    channel: { address: 'slack:T0FAKE:C0GENERAL', isDirect: false },
    user: { id: 'U0ALICE', name: 'alice', isAdmin: false },
    text: 'list',
    mentions: [],
    receivedAt: new Date(),
  };
  const reply = await slack.app.core.handle(invocation);
  const { messageId } = await slack.app.chatAdapters
    .get('slack')!
    .deliver('slack:T0FAKE:C0GENERAL', reply, { key: `digest:${Math.random()}` });
  const message = slack.fake.messages.find((m) => m.ts === messageId)!;
  return { ts: messageId, blocks: message.blocks! };
}

const update =
  (ts: string, after: number) =>
  (r: any): r is RecordedCall =>
    r.method === 'chat.update' && r.args.ts === ts && slack.fake.calls.indexOf(r) >= after;

describe('Slack buttons', () => {
  it('Done on a channel message marks it done and updates the message in place with who did it', async () => {
    const { ts, blocks } = await channelCard();
    const before = slack.fake.calls.length;
    const sent = await slack.click(press(blocks, 'C-1', 'ft_done', { ts, ephemeral: false }));
    expect(sent.status).toBe(200);
    expect(sent.elapsedMs).toBeLessThan(3000);
    const updated = await slack.fake.waitFor(update(ts, before));
    expect(updated.args.channel).toBe('C0GENERAL');
    expect(JSON.stringify(updated.args.blocks)).toMatch(/alice marked C-1 done/);
    expect((await slack.app.store.commitments.get('T0FAKE', 'C-1'))?.status).toBe('done');
    expect(slack.fake.messages.find((m) => m.ts === ts)?.text).toBe(updated.args.text);
  });

  it('a double click changes nothing more: the second press is answered to the presser alone, the message is left as the first made it', async () => {
    const { ts, blocks } = await channelCard();
    const before = slack.fake.calls.length;
    const first = press(blocks, 'C-2', 'ft_done', { ts, ephemeral: false });
    await slack.click(first);
    await slack.fake.waitFor(update(ts, before));
    const afterFirst = slack.fake.calls.length;
    const second = await slack.click(first);
    const answer = await slack.fake.responseTo(second.responseUrl);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.body.text).toMatch(/C-2 is already done/);
    expect(slack.fake.calls.slice(afterFirst).some((c: any) => c.method === 'chat.update')).toBe(false);
    const history = await slack.app.store.commitments.history('T0FAKE', 'C-2');
    expect(history.filter((e) => e.action === 'done')).toHaveLength(1);
  });

  it('Done on an ephemeral list replaces it through response_url (chat.update cannot edit ephemeral messages)', async () => {
    const listed = await slack.slash('list');
    const list = await slack.fake.responseTo(listed.responseUrl);
    expect(list.body.response_type).toBe('ephemeral');
    const before = slack.fake.callsOf('chat.update').length;
    const clicked = await slack.click(press(list.body.blocks, 'C-3', 'ft_done', { ephemeral: true }));
    const replaced = await slack.fake.responseTo(clicked.responseUrl);
    expect(replaced.body.replace_original).toBe(true);
    expect(JSON.stringify(replaced.body.blocks)).toMatch(/marked C-3 done/);
    expect(slack.fake.callsOf('chat.update')).toHaveLength(before);
    expect((await slack.app.store.commitments.get('T0FAKE', 'C-3'))?.status).toBe('done');
  });

  it('a refused click is answered privately and leaves the message and the item alone', async () => {
    await slack.slash('reopen C-1');
    const { ts, blocks } = await channelCard();
    const before = slack.fake.calls.length;
    const clicked = await slack.click(press(blocks, 'C-1', 'ft_done', { ts, ephemeral: false, user: 'U0CAROL' }));
    const refusal: ResponseUrlPost = await slack.fake.responseTo(clicked.responseUrl);
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(slack.fake.calls.slice(before).some((c) => c.method === 'chat.update')).toBe(false);
    expect((await slack.app.store.commitments.get('T0FAKE', 'C-1'))?.status).toBe('open');
  });

  it.runIf(commands.some((c) => c.name === 'status'))('Update status from the select menu', async () => {
    const { ts, blocks } = await channelCard();
    const before = slack.fake.calls.length;
    await slack.click(press(blocks, 'C-1', 'ft_status', { ts, ephemeral: false }, { choice: 'blocked' }));
    await slack.fake.waitFor(update(ts, before));
    expect((await slack.app.store.commitments.get('T0FAKE', 'C-1'))?.status).toBe('blocked');
  });

  it.runIf(commands.some((c) => c.name === 'snooze'))('Snooze from the date picker', async () => {
    const { ts, blocks } = await channelCard();
    const before = slack.fake.calls.length;
    // A date picked ten days from now (a snooze may last at most a year).
    const picked = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await slack.click(press(blocks, 'C-1', 'ft_snooze.date', { ts, ephemeral: false }, { date: picked }));
    await slack.fake.waitFor(update(ts, before));
    expect((await slack.app.store.commitments.get('T0FAKE', 'C-1'))?.snoozedUntil?.slice(0, 10)).toBe(picked);
  });
});
