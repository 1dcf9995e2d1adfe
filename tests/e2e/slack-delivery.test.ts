/** The ChatAdapter port on Slack: posts, DMs, updates, the crash look-up by key, and each error class. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Permanent, RateLimited, Transient, type ChatAdapter } from '../../src/ports/chat-adapter.js';
import { channelReply, type Reply } from '../../src/replies/reply.js';
import { startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

let slack: SlackHarness;
let chat: ChatAdapter & { findByKey(address: string, key: string): Promise<{ messageId: string } | undefined> };
beforeAll(async () => {
  slack = await startSlackHarness();
  chat = slack.app.chatAdapters.get('slack') as typeof chat;
});
afterAll(async () => {
  await slack?.stop();
});

const digest: Reply = channelReply('Digest: C-1 Appoint liaison officers — overdue', {
  title: 'Commitments in this channel',
  sections: [
    {
      heading: 'Overdue (1)',
      items: [
        {
          id: 'C-1',
          title: 'C-1 Appoint liaison officers',
          lines: ['overdue since Mon 5 Feb'],
          actions: [{ id: 'done', label: 'Done', target: 'C-1', style: 'primary' }],
        },
      ],
    },
  ],
  context: 'list:',
});

describe('Slack delivery', () => {
  it('posts to a channel with the outbox key in message metadata and returns the ts', async () => {
    const { messageId } = await chat.deliver('slack:T0FAKE:C0GENERAL', digest, { key: 'digest:C0GENERAL:2030-01-07' });
    const post = slack.fake.callsOf('chat.postMessage').at(-1)!;
    expect(post.args.metadata).toEqual({ event_type: 'followthrough_reminder', event_payload: { key: 'digest:C0GENERAL:2030-01-07' } });
    expect(post.args.text).toMatch(/Digest/);
    expect(messageId).toBe(slack.fake.messages.at(-1)!.ts);
    expect(await chat.findByKey('slack:T0FAKE:C0GENERAL', 'digest:C0GENERAL:2030-01-07')).toEqual({ messageId });
    expect(await chat.findByKey('slack:T0FAKE:C0GENERAL', 'digest:C0GENERAL:2030-01-08')).toBeUndefined();
  });

  it('nudges an owner in their DM by posting to the user id', async () => {
    const { messageId } = await chat.deliver('slack:T0FAKE:U0BOB', channelReply('C-1 is due today'), { key: 'nudge:C-1:due' });
    expect(slack.fake.messages.find((m) => m.ts === messageId)?.channel).toBe('D0BOB');
    expect(await chat.findByKey('slack:T0FAKE:U0BOB', 'nudge:C-1:due')).toEqual({ messageId });
  });

  it('updates a delivered message, and says message_not_found for one that is not there', async () => {
    const { messageId } = await chat.deliver('slack:T0FAKE:C0GENERAL', digest, { key: 'k-update' });
    await chat.update('slack:T0FAKE:C0GENERAL', messageId, channelReply('C-1 done'));
    expect(slack.fake.messages.find((m) => m.ts === messageId)?.text).toBe('C-1 done');
    await expect(chat.update('slack:T0FAKE:C0GENERAL', '1.000000', channelReply('x'))).rejects.toMatchObject({
      name: 'Permanent',
      reason: 'message_not_found',
    });
  });

  it.each([
    ['not_in_channel', 'slack:T0FAKE:C0RANDOM'],
    ['channel_not_found', 'slack:T0FAKE:C0GONE'],
    ['is_archived', 'slack:T0FAKE:C0OLD'],
  ])('maps %s to Permanent', async (reason, address) => {
    const error = await chat.deliver(address, digest, { key: `k-${reason}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Permanent);
    expect((error as Permanent).reason).toBe(reason);
  });

  it.each(['account_inactive', 'invalid_auth', 'token_revoked'])('maps %s to Permanent', async (code) => {
    slack.fake.failNext('chat.postMessage', { error: code });
    const error = await chat.deliver('slack:T0FAKE:C0GENERAL', digest, { key: `k-${code}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Permanent);
    expect((error as Permanent).reason).toBe(code);
  });

  it('maps HTTP 429 to RateLimited with Retry-After in milliseconds, without waiting or retrying', async () => {
    slack.fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    const before = slack.fake.callsOf('chat.postMessage').length;
    const error = await chat.deliver('slack:T0FAKE:C0GENERAL', digest, { key: 'k-429' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimited);
    expect((error as RateLimited).retryAfterMs).toBe(30_000);
    expect(slack.fake.callsOf('chat.postMessage').length).toBe(before + 1);
  });

  it.each([
    ['HTTP 503', { status: 503 }],
    ['HTTP 500', { status: 500 }],
    ['internal_error', { error: 'internal_error' }],
  ])('maps %s to Transient, once (the outbox retries)', async (_name, failure) => {
    slack.fake.failNext('chat.postMessage', failure as never);
    const before = slack.fake.callsOf('chat.postMessage').length;
    const error = await chat.deliver('slack:T0FAKE:C0GENERAL', digest, { key: `k-${_name}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Transient);
    expect(slack.fake.callsOf('chat.postMessage').length).toBe(before + 1);
  });

  it('maps a network failure to Transient', async () => {
    const { SlackChatAdapter } = await import('../../adapters/slack/slack-chat-adapter.js');
    const { WebClient, LogLevel } = await import('@slack/web-api');
    const unreachable = new SlackChatAdapter(
      new WebClient('xoxb-test', { slackApiUrl: 'http://127.0.0.1:9/api/', retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR }),
    );
    await expect(unreachable.deliver('slack:T0FAKE:C0GENERAL', digest, { key: 'k-net' })).rejects.toBeInstanceOf(Transient);
  });

  it('splits a very long card into several posts within Block Kit limits (the fake refuses invalid_blocks)', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      id: `C-${i + 1}`,
      title: `C-${i + 1} Promise number ${i + 1}`,
      lines: ['due Fri 15 Mar'],
      actions: [{ id: 'done' as const, label: 'Done', target: `C-${i + 1}` }],
    }));
    const before = slack.fake.callsOf('chat.postMessage').length;
    await chat.deliver(
      'slack:T0FAKE:C0GENERAL',
      channelReply('Sixty promises', { title: 'All', sections: [{ items }], context: 'list:' }),
      { key: 'k-long' },
    );
    const posts = slack.fake.callsOf('chat.postMessage').slice(before);
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.every((p) => p.outcome === 'ok')).toBe(true);
    const shown = posts.flatMap((p) => p.args.blocks.filter((b: any) => b.type === 'actions')).length;
    expect(shown).toBe(60);
  });
});
