/** @mentions (in threads too), DMs, url_verification and Slack's event retries, over signed HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../helpers/fake-slack.js';
import { slackFixture, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => {
  await slack?.stop();
});

function mention(text: string, extra: Record<string, any> = {}, eventId = `Ev${Math.random().toString(36).slice(2)}`) {
  const envelope = slackFixture('app-mention');
  return { ...envelope, event_id: eventId, event: { ...envelope.event, text, ...extra } };
}

const isCall =
  (method: string, where: (c: RecordedCall) => boolean) =>
  (r: any): r is RecordedCall =>
    r.method === method && where(r);

describe('Slack events', () => {
  it('answers url_verification with the challenge', async () => {
    const challenge = slackFixture('url-verification');
    const sent = await slack.event(challenge);
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.text)).toEqual({ challenge: challenge.challenge });
  });

  it('takes an @mention in a thread and answers in that thread, without the bot’s own mention in the words', async () => {
    const sent = await slack.event(
      mention('<@U0BOT> add Deploy liaison officers <@U0BOB> at an early date', { thread_ts: '1699999999.000001' }),
    );
    expect(sent.status).toBe(200);
    expect(sent.elapsedMs).toBeLessThan(3000);
    const post = await slack.fake.waitFor(isCall('chat.postMessage', (c) => c.args.channel === 'C0GENERAL'));
    expect(post.args.thread_ts).toBe('1699999999.000001');
    const c1 = await slack.app.store.commitments.get('T0FAKE', 'C-1');
    expect(c1?.title).toBe('Deploy liaison officers');
    expect(c1?.owners.map((o) => o.name)).toEqual(['bob']);
  });

  it('answers a private reply to an @mention as an ephemeral message', async () => {
    await slack.event(mention('<@U0BOT> show C-1', {}, 'EvSHOW1'));
    const ephemeral = await slack.fake.waitFor(isCall('chat.postEphemeral', (c) => c.args.user === 'U0ALICE'));
    expect(ephemeral.args.channel).toBe('C0GENERAL');
    expect(ephemeral.args.thread_ts).toBeUndefined();
  });

  it('handles a retried event once', async () => {
    const envelope = mention('<@U0BOT> add Open the border market due 2030-06-30', {}, 'EvRETRY1');
    await slack.event(envelope);
    await slack.fake.waitFor(isCall('chat.postMessage', (c) => String(c.args.text).includes('Open the border market')));
    const retry = await slack.event(envelope, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    // A later, different event is our barrier: once it is answered, the retry has been processed too.
    await slack.event(mention('<@U0BOT> help', {}, 'EvBARRIER1'));
    await slack.fake.waitFor(isCall('chat.postEphemeral', (c) => c.args.text !== undefined && String(c.args.text).includes('add')));
    const added = await slack.app.store.commitments.list('T0FAKE', {});
    expect(added.filter((c) => c.title === 'Open the border market')).toHaveLength(1);
  });

  it('treats a DM to the app as a command, `list` meaning my items, and answers in the DM', async () => {
    const envelope = slackFixture('message-im');
    await slack.event({ ...envelope, event_id: 'EvDM1', event: { ...envelope.event, user: 'U0BOB', channel: 'D0BOB', text: 'list' } });
    const post = await slack.fake.waitFor(isCall('chat.postMessage', (c) => c.args.channel === 'D0BOB'));
    expect(post.args.text).toMatch(/Your commitments/);
    expect(post.args.text).toMatch(/C-1/);
  });

  it('ignores the bot’s own DM posts and message edits', async () => {
    const envelope = slackFixture('message-im');
    const before = slack.fake.calls.length;
    await slack.event({ ...envelope, event_id: 'EvBOTDM', event: { ...envelope.event, bot_id: 'B0BOT', user: 'U0BOT', text: 'list' } });
    await slack.event({ ...envelope, event_id: 'EvEDIT', event: { ...envelope.event, subtype: 'message_changed', text: 'list' } });
    await slack.event(mention('<@U0BOT> help', {}, 'EvBARRIER2'));
    await slack.fake.waitFor((r: any) => r.method === 'chat.postEphemeral' && slack.fake.calls.indexOf(r) >= before);
    expect(slack.fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });
});
