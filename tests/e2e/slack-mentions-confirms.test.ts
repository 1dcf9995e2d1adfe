/**
 * Owners as real Slack mentions in channel posts, confirmation dialogs on Drop and on Done for
 * someone else's item, and an org-wide (Enterprise Grid) install keyed by the organisation.
 */
import { decodeAction } from '../../adapters/slack/action-ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/reminders/digest.js';
import { reminderMessage } from '../../src/reminders/reminder-message.js';
import { blockProblem } from '../helpers/fake-slack-blocks.js';
import type { FakeSlack } from '../helpers/fake-slack.js';
import { seededFake, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
  const sent = await slack.slash('add Appoint liaison officers <@U0BOB|bob> due 2030-02-05');
  await slack.fake.responseTo(sent.responseUrl);
});
afterAll(async () => {
  await slack?.stop();
});

const doneButtons = (blocks: any[]) =>
  blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements)
    .filter((e: any) => e.action_id.startsWith('ft_done'));

describe('owners as Slack mentions', () => {
  it('announces an add with the owner as <@U…>, and a list the same way', async () => {
    const list = await slack.slash('list');
    const body = (await slack.fake.responseTo(list.responseUrl)).body;
    expect(JSON.stringify(body.blocks)).toMatch(/due Tue 5 Feb 2030 · <@U0BOB>/);
  });

  it('keeps a name for an owner without a Slack id, and mentions nobody in a digest', async () => {
    const commitments = await slack.app.store.commitments.list('T0FAKE', {});
    const digest = buildDigest({ commitments, proposedCount: 0, changes: [], unreachable: [], now: new Date('2030-02-01T09:00:00Z') })!;
    const { messageId } = await slack.app.chatAdapters.get('slack')!.deliver('slack:T0FAKE:C0GENERAL', digest, { key: 'digest:mentions' });
    const message = slack.fake.messages.find((m) => m.ts === messageId)!;
    expect(JSON.stringify(message.blocks)).toMatch(/@bob/);
    expect(JSON.stringify(message)).not.toMatch(/<@U0BOB>/);
  });
});

describe('confirmation dialogs', () => {
  it('asks before Done on someone else’s item in my private list, not on my own', async () => {
    const alice = (await slack.fake.responseTo((await slack.slash('list')).responseUrl)).body;
    const [aliceDone] = doneButtons(alice.blocks);
    expect(aliceDone.confirm).toMatchObject({
      title: { text: 'Mark C-1 done?' },
      text: { text: expect.stringMatching(/C-1 belongs to @bob/) },
      confirm: { text: 'Mark done' },
    });
    const bob = (await slack.fake.responseTo((await slack.slash('list', { user_id: 'U0BOB', user_name: 'bob' })).responseUrl)).body;
    expect(doneButtons(bob.blocks)[0].confirm).toBeUndefined();
  });

  it('asks before Done in a message the whole channel sees, naming the owner', async () => {
    const sent = await slack.slash('add Review the border protocol <@U0BOB|bob> due 2030-03-01');
    const body = (await slack.fake.responseTo(sent.responseUrl)).body;
    expect(body.response_type).toBe('in_channel');
    expect(doneButtons(body.blocks)[0].confirm.text.text).toMatch(/belongs to @bob/);
    expect(blockProblem(body.blocks)).toBeUndefined();
  });

  it('asks before Drop on an event reminder, in red, even for the owner', async () => {
    const sent = await slack.slash('add Host the visit <@U0BOB|bob> after the elections');
    await slack.fake.responseTo(sent.responseUrl);
    const item = (await slack.app.store.commitments.list('T0FAKE', {})).find((c) => c.title === 'Host the visit')!;
    const reminder = reminderMessage('event-check', item, new Date('2030-01-01T09:00:00Z'));
    const { messageId } = await slack.app.chatAdapters
      .get('slack')!
      .deliver('slack:T0FAKE:U0BOB', reminder, { key: 'event-check:drop-confirm' });
    const message = slack.fake.messages.find((m) => m.ts === messageId)!;
    const drop = message
      .blocks!.filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements)
      .find((e: any) => decodeAction(e.value)?.choice === 'drop');
    expect(drop.confirm).toMatchObject({ title: { text: `Drop ${item.id}?` }, style: 'danger', confirm: { text: 'Drop it' } });
  });
});

describe('an org-wide install', () => {
  let org: SlackHarness;
  beforeAll(async () => {
    const fake: FakeSlack = seededFake();
    fake.enterprise = { id: 'E0ORG', name: 'Fake Org' };
    org = await startSlackHarness({ fake });
  });
  afterAll(async () => {
    await org?.stop();
  });

  it('keys every workspace of the organisation by the organisation, and refuses another organisation', async () => {
    const a = await org.slash('add Org-wide promise due 2030-01-01', {
      team_id: 'T0FAKE',
      enterprise_id: 'E0ORG',
      is_enterprise_install: 'true',
    });
    expect((await org.fake.responseTo(a.responseUrl)).body.response_type).toBe('in_channel');
    const b = await org.slash('list everywhere', { team_id: 'T0SISTER', enterprise_id: 'E0ORG', is_enterprise_install: 'true' });
    expect((await org.fake.responseTo(b.responseUrl)).body.text).toMatch(/Org-wide promise/);
    const other = await org.slash('list everywhere', { team_id: 'T0ELSE', enterprise_id: 'E0ELSE' });
    expect((await org.fake.responseTo(other.responseUrl)).body.text).toMatch(/installed for Fake Team only/);
    expect((await org.app.store.commitments.list('E0ORG', {})).map((c) => c.title)).toEqual(['Org-wide promise']);
  });
});
