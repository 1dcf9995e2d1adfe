/**
 * Issue 15's Slack findings, each as a signed request against the real app: future timestamps and
 * replayed signatures, requests from a team this installation does not serve, broadcasts typed into
 * titles, notes and reasons (real tokens and Slack's escaped literals), and an event retried after
 * its first answer failed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/reminders/digest.js';
import type { RecordedCall } from '../helpers/fake-slack.js';
import { sendSlashCommand, slackSignature, sendSigned } from '../helpers/fake-slack-signer.js';
import { SIGNING_SECRET, slackFixture, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => {
  await slack?.stop();
});

const now = () => Math.floor(Date.now() / 1000);
const titles = async () => (await slack.app.store.commitments.list('T0FAKE', {})).map((c) => c.title);
const isCall =
  (method: string, where: (c: RecordedCall) => boolean) =>
  (r: any): r is RecordedCall =>
    r.method === method && where(r);

/** Everything Slack would parse in what we sent: text, every block, every field. */
function anyBroadcast(payload: unknown): string[] {
  return [...JSON.stringify(payload).matchAll(/<!(?:channel|here|everyone|group|subteam)[^>]*>/g)].map((m) => m[0]);
}

describe('signed requests', () => {
  // Just past the window, with room for a slow machine: a request in flight for seconds brings a future stamp closer.
  it.each([
    ['330 seconds in the future', 330],
    ['ten years in the future', 10 * 365 * 24 * 3600],
    ['301 seconds old', -301],
  ])('refuses a correctly signed request timestamped %s, changing nothing', async (_name, offset) => {
    const fields = {
      ...slackFixture('slash-command'),
      text: `add Future promise ${offset} due 2030-01-01`,
      response_url: slack.fake.responseUrl(),
    };
    const sent = await sendSlashCommand(slack.eventsUrl, fields, { secret: SIGNING_SECRET, timestamp: now() + offset });
    expect(sent.status).toBe(401);
    expect(await titles()).not.toContain(`Future promise ${offset}`);
  });

  it('ignores the same signed bytes sent twice: one commitment, one answer', async () => {
    const responseUrl = slack.fake.responseUrl();
    const body = new URLSearchParams({
      ...slackFixture<Record<string, string>>('slash-command'),
      text: 'add Replayed promise due 2030-01-01',
      response_url: responseUrl,
    }).toString();
    const timestamp = now();
    const first = await sendSigned(slack.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET, timestamp });
    expect(first.status).toBe(200);
    await slack.fake.responseTo(responseUrl);
    const again = await sendSigned(slack.eventsUrl, body, 'application/x-www-form-urlencoded', {
      secret: SIGNING_SECRET,
      timestamp,
      signature: slackSignature(SIGNING_SECRET, timestamp, body),
    });
    expect(again.status).toBe(200);
    expect(again.text).toBe('');
    // A later command is the barrier: once it is answered, the replay had its chance to run.
    const barrier = await slack.slash('list');
    await slack.fake.responseTo(barrier.responseUrl);
    expect((await titles()).filter((t) => t === 'Replayed promise')).toHaveLength(1);
    expect(slack.fake.responses.filter((r) => r.id === responseUrl.split('/').pop())).toHaveLength(1);
  });
});

describe('a team this installation does not serve', () => {
  beforeAll(async () => {
    const sent = await slack.slash('add Home team secret plan due 2030-01-01');
    await slack.fake.responseTo(sent.responseUrl);
  });

  it.each(['show C-1', 'list everywhere', 'export csv everywhere', 'add Planted item due 2030-01-01'])(
    'gets a refusal for a signed `/commitments %s`, and nothing of ours',
    async (text) => {
      const sent = await slack.slash(text, { team_id: 'T0OTHER', team_domain: 'other' });
      const answer = (await slack.fake.responseTo(sent.responseUrl)).body;
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text).toMatch(/installed for Fake Team only.*Nothing was read or changed/);
      expect(JSON.stringify(answer)).not.toMatch(/secret plan/);
      expect(await titles()).not.toContain('Planted item');
    },
  );

  it('gets a refusal for a signed Done press, and the item stays open', async () => {
    const id = (await slack.app.store.commitments.list('T0FAKE', {})).find((c) => c.title === 'Home team secret plan')!.id;
    const payload = slackFixture('block-actions');
    const sent = await slack.click({
      ...payload,
      team: { id: 'T0OTHER', domain: 'other' },
      user: { id: 'U0ADMIN', username: 'ada', name: 'ada', team_id: 'T0OTHER' },
      actions: [{ ...payload.actions[0], block_id: `ft|0|${id}|list:` }],
    });
    const answer = (await slack.fake.responseTo(sent.responseUrl)).body;
    expect(answer.text).toMatch(/installed for Fake Team only/);
    expect((await slack.app.store.commitments.get('T0FAKE', id))?.status).toBe('open');
  });

  it('ignores an app mention from another team rather than filing it in a workspace of its own', async () => {
    const envelope = slackFixture('app-mention');
    await slack.event({
      ...envelope,
      team_id: 'T0OTHER',
      event_id: 'EvOTHERTEAM',
      authorizations: [{ ...envelope.authorizations[0], team_id: 'T0OTHER' }],
      event: { ...envelope.event, team: 'T0OTHER', text: '<@U0BOT> add Foreign item due 2030-01-01' },
    });
    const barrier = await slack.slash('list');
    await slack.fake.responseTo(barrier.responseUrl);
    expect(await slack.app.store.commitments.list('T0OTHER', {})).toHaveLength(0);
    expect(await titles()).not.toContain('Foreign item');
  });
});

describe('broadcasts in user text', () => {
  // What a user's typing reaches us as: @channel as a real token, a literal <!everyone> escaped, a user group.
  const TITLE = 'Brief <!channel> and &lt;!everyone&gt; plus <!subteam^S0LEGAL|@legal> <!here>';
  let id = '';

  it('adds the item and announces it without a single broadcast, the words still readable', async () => {
    const sent = await slack.slash(`add ${TITLE} due 2030-01-01`);
    const answer = (await slack.fake.responseTo(sent.responseUrl)).body;
    expect(answer.response_type).toBe('in_channel');
    expect(anyBroadcast(answer)).toEqual([]);
    expect(answer.text).toMatch(/Brief @\u2060channel and &lt;!everyone&gt; plus @legal @\u2060here/);
    id = (await slack.app.store.commitments.list('T0FAKE', {})).find((c) => c.title.startsWith('Brief'))!.id;
  });

  it.each([
    ['done', (i: string) => `done ${i} told <!channel> &lt;!here&gt;`],
    ['reopen', (i: string) => `reopen ${i}`],
    ['drop', (i: string) => `drop ${i} <!everyone> &lt;!subteam^S1|@ops&gt; no longer needed`],
  ])('announces %s without a broadcast', async (_name, command) => {
    const sent = await slack.slash(command(id));
    const answer = (await slack.fake.responseTo(sent.responseUrl)).body;
    expect(answer.response_type).toBe('in_channel');
    expect(anyBroadcast(answer)).toEqual([]);
  });

  it('answers an @mention without a broadcast', async () => {
    const envelope = slackFixture('app-mention');
    const before = slack.fake.calls.length;
    await slack.event({
      ...envelope,
      event_id: 'EvPING1',
      event: { ...envelope.event, text: '<@U0BOT> add Tell <!here> and &lt;!channel&gt; due 2030-01-01' },
    });
    const post = await slack.fake.waitFor(
      isCall('chat.postMessage', (c) => slack.fake.calls.indexOf(c) >= before && /Tell/.test(String(c.args.text))),
    );
    expect(anyBroadcast(post.args)).toEqual([]);
  });

  it('posts the scheduled digest without a broadcast', async () => {
    const commitments = await slack.app.store.commitments.list('T0FAKE', { channel: 'slack:T0FAKE:C0GENERAL' });
    expect(commitments.some((c) => c.title.startsWith('Tell'))).toBe(true);
    const digest = buildDigest({ commitments, proposedCount: 0, changes: [], unreachable: [], now: new Date('2029-12-30T09:00:00Z') })!;
    const { messageId } = await slack.app.chatAdapters.get('slack')!.deliver('slack:T0FAKE:C0GENERAL', digest, { key: 'digest:ping-test' });
    const message = slack.fake.messages.find((m) => m.ts === messageId)!;
    expect(JSON.stringify(message.blocks)).toMatch(/Tell/);
    expect(anyBroadcast(message)).toEqual([]);
  });
});

describe('an event retried after its answer failed', () => {
  it('is answered on the retry, and the command still ran once', async () => {
    const envelope = slackFixture('app-mention');
    const retried = {
      ...envelope,
      event_id: 'EvFAILFIRST',
      event: { ...envelope.event, text: '<@U0BOT> add Survive a failed answer due 2030-01-01' },
    };
    slack.fake.failNext('chat.postMessage', { status: 500 });
    const before = slack.fake.calls.length;
    await slack.event(retried);
    await slack.fake.waitFor(isCall('chat.postMessage', (c) => slack.fake.calls.indexOf(c) >= before && c.outcome === 'http 500'));
    // Slack retries a minute later, re-signed, numbered in a header.
    await slack.event(retried, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
    const answered = await slack.fake.waitFor(
      isCall('chat.postMessage', (c) => c.outcome === 'ok' && /Survive a failed answer/.test(String(c.args.text))),
    );
    expect(answered.args.channel).toBe('C0GENERAL');
    expect((await titles()).filter((t) => t === 'Survive a failed answer')).toHaveLength(1);
    // A third delivery after the answer arrived is a plain repeat: nothing more is posted.
    await slack.event(retried, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' });
    const barrier = await slack.slash('list');
    await slack.fake.responseTo(barrier.responseUrl);
    expect(
      slack.fake.callsOf('chat.postMessage').filter((c) => c.outcome === 'ok' && /Survive a failed answer/.test(String(c.args.text))),
    ).toHaveLength(1);
  });
});
