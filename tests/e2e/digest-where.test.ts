/**
 * A digest says where it is for in words that fit where it is read: "#general" in a named channel,
 * "this chat" in a Teams group chat or a Slack group DM (not "this channel", not a topic or Slack's
 * pseudo-name "#mpdm-alice--bob-1" printed as a #channel; the store records the kind of place). A signed slash command from a group DM and a real Bot Framework
 * activity from a Teams group chat, the digest built by the core and delivered by each adapter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestFor } from '../../src/reminders/channel-digest.js';
import { blocksText } from '../helpers/fake-slack-blocks.js';
import { seededFake, slackFixture, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';
import { TENANT, fixture, postActivity, replyText } from '../helpers/fake-connector-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.js';

describe('Slack', () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startSlackHarness({
      fake: seededFake()
        .addChannel({ id: 'G0MINISTERS', name: 'mpdm-alice--bob-1', is_member: true, is_mpim: true })
        .addChannel({ id: 'G0SUMMIT', name: 'mpdm-alice--bob--ada-1', is_member: true, is_mpim: true }),
    });
  });
  afterAll(async () => {
    await slack?.stop();
  });

  async function digestOf(channelId: string, channelName: string): Promise<string> {
    const sent = await slack.slash('add Circulate the minutes due 2099-01-31', { channel_id: channelId, channel_name: channelName });
    await slack.fake.responseTo(sent.responseUrl);
    return deliveredDigest(channelId);
  }

  /** The channel's digest, built by the core and delivered by the Slack adapter, as its blocks read. */
  async function deliveredDigest(channelId: string): Promise<string> {
    const address = `slack:T0FAKE:${channelId}`;
    const reply = await digestFor(slack.app.store, 'T0FAKE', address, slack.app.core.clock.now(), { weekly: true });
    const { messageId } = await slack.app.chatAdapters.get('slack')!.deliver(address, reply!, { key: `where:${channelId}` });
    return blocksText(slack.fake.messages.find((m) => m.ts === messageId)!.blocks!);
  }

  it('names a channel by its name, and a group DM as "this chat"', async () => {
    expect(await digestOf('C0GENERAL', 'general')).toMatch(/^Commitments digest for #general$/m);
    const group = await digestOf('G0MINISTERS', 'mpdm-alice--bob-1');
    expect(group).toMatch(/^Commitments digest for this chat$/m);
    expect(group).not.toMatch(/mpdm|this channel/);
  });

  it('a group DM first reached by an @mention (no channel_name to go by) is "this chat" too, in the answer and the digest', async () => {
    const mark = slack.fake.calls.length;
    const envelope = slackFixture('app-mention');
    const event = { ...envelope.event, channel: 'G0SUMMIT', text: '<@U0BOT> add Circulate the minutes due 2099-01-31' };
    expect((await slack.event({ ...envelope, event_id: 'EvGROUPDM1', event })).status).toBe(200);
    const answer: any = await slack.fake.waitFor(
      (c: any) => c.method?.startsWith('chat.post') && c.args.channel === 'G0SUMMIT' && slack.fake.calls.indexOf(c) >= mark,
    );
    const said = answer.args.blocks ? blocksText(answer.args.blocks) : answer.args.text;
    expect(said).toMatch(/^C-\d+ Circulate the minutes$/m);
    expect(said).toMatch(/This chat now gets a digest/);
    expect(said).not.toMatch(/this channel/i);
    const digest = await deliveredDigest('G0SUMMIT');
    expect(digest).toMatch(/^Commitments digest for this chat$/m);
    expect(digest).not.toMatch(/mpdm|this channel/);
  });

  it('an install without mpim:read still answers the @mention, and does not ask Slack again on every mention', async () => {
    slack.fake.addChannel({ id: 'G0NOSCOPE', name: 'mpdm-alice--ada-1', is_member: true, is_mpim: true });
    slack.fake.failNext('conversations.info', { error: 'missing_scope' });
    const envelope = slackFixture('app-mention');
    const asked = () => slack.fake.calls.filter((c: any) => c.method === 'conversations.info' && c.args.channel === 'G0NOSCOPE').length;
    for (const [n, words] of ['add Draft the joint statement due 2099-02-01', 'list'].entries()) {
      const mark = slack.fake.calls.length;
      const event = { ...envelope.event, channel: 'G0NOSCOPE', text: `<@U0BOT> ${words}` };
      expect((await slack.event({ ...envelope, event_id: `EvNOSCOPE${n}`, event })).status).toBe(200);
      const answer: any = await slack.fake.waitFor(
        (c: any) => c.method?.startsWith('chat.post') && c.args.channel === 'G0NOSCOPE' && slack.fake.calls.indexOf(c) >= mark,
      );
      expect(answer.args.blocks ? blocksText(answer.args.blocks) : answer.args.text).toMatch(/C-\d+ Draft the joint statement/);
    }
    expect(asked()).toBe(1);
  });
});

describe('Teams', () => {
  let teams: TeamsHarness;
  beforeAll(async () => {
    teams = await startTeamsHarness();
  });
  afterAll(async () => {
    await teams?.stop();
  });

  /** The digest of group chat `conversation` once `add <title>` was typed there, as the delivered card reads. */
  async function chatDigest(conversation: { id: string; name?: string }, title: string): Promise<string> {
    const { connector, app, base } = teams;
    const message = fixture('group-chat-message', connector.url);
    message.conversation = { ...message.conversation, ...conversation };
    message.text = `<at>Followthrough</at> add ${title} due 2099-01-31`;
    expect((await postActivity(base, message)).status).toBe(200);
    const address = `teams:${TENANT}:${conversation.id}`;
    const reply = await digestFor(app.store, TENANT, address, app.core.clock.now(), { weekly: true });
    const mark = connector.calls.length;
    await app.chatAdapters.get('teams')!.deliver(address, reply!, { key: `where:${conversation.id}` });
    const posted = connector.calls.slice(mark).find((c) => c.method === 'POST')!;
    return replyText(posted.body.activity ?? posted.body);
  }

  it.each([
    ['with no topic: not "this channel"', { id: '19:group-chat-summit@thread.v2' }, 'Circulate the minutes', /this channel/],
    [
      'with a topic: not the topic as a #channel',
      { id: '19:group-chat-topic@thread.v2', name: 'Border markets' },
      'Open the border markets',
      /this channel|#Border markets/,
    ],
  ])('calls a group chat %s, but "this chat"', async (_name, conversation, title, never) => {
    const shown = await chatDigest(conversation, title);
    expect(shown).toMatch(/^Commitments digest for this chat$/m);
    expect(shown).not.toMatch(never);
  });
});
