/** `/commitments` over signed HTTP against the real app: ack within Slack's 3 s, then the answer on response_url. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/registry.js';
import { startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => {
  await slack?.stop();
});

async function ask(text: string, fields: Record<string, string> = {}) {
  const sent = await slack.slash(text, fields);
  expect(sent.status).toBe(200);
  // Slack's deadline for the acknowledgement; the answer follows on response_url.
  expect(sent.elapsedMs).toBeLessThan(3000);
  expect(sent.text).toBe('');
  const answer = await slack.fake.responseTo(sent.responseUrl);
  return answer.body;
}

describe('/commitments', () => {
  it('adds a commitment in the channel for everyone to see, owner resolved from the escaped mention', async () => {
    const body = await ask('add Appoint liaison officers <@U0BOB|bob> due immediately agreed 2024-01-29');
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toMatch(/C-1/);
    // The owner is a real Slack mention, shown under their current Slack name (issue 13).
    expect(body.text).toMatch(/ — <@U0BOB>\n/);
    const c1 = await slack.app.store.commitments.get('T0FAKE', 'C-1');
    expect(c1?.owners.map((o) => o.id)).toEqual(['U0BOB']);
    expect(c1?.channel).toBe('slack:T0FAKE:C0GENERAL');
    const bob = await slack.app.store.users.get('T0FAKE', 'U0BOB');
    expect(bob).toMatchObject({ timeZone: 'Europe/Berlin', dmAddress: 'slack:T0FAKE:U0BOB' });
    const alice = await slack.app.store.users.get('T0FAKE', 'U0ALICE');
    expect(alice).toMatchObject({ name: 'alice', timeZone: 'Asia/Karachi', dmAddress: 'slack:T0FAKE:U0ALICE', isAdmin: false });
  });

  it('lists privately, as Block Kit with Done, Snooze and Update status on each item', async () => {
    const body = await ask('list');
    expect(body.response_type).toBe('ephemeral');
    const actions = body.blocks.filter((b: any) => b.type === 'actions' && b.block_id.startsWith('ft|'));
    expect(actions).toHaveLength(1);
    expect(body.blocks.at(-1).elements.map((e: any) => e.action_id)).toEqual(['followthrough_add_open']);
    expect(actions[0].elements.map((e: any) => `${e.type}:${e.action_id}`)).toEqual([
      'button:ft_done',
      'static_select:ft_snooze',
      'datepicker:ft_snooze.date',
      'static_select:ft_status',
    ]);
    expect(actions[0].block_id).toBe('ft|0a0|C-1|list:');
  });

  it('folds curly quotes and keeps the quoted title whole', async () => {
    const body = await ask('add \u201cReview by legal\u201d due 2030-03-15');
    expect(body.response_type).toBe('in_channel');
    const c2 = await slack.app.store.commitments.get('T0FAKE', 'C-2');
    expect(c2?.title).toBe('Review by legal');
  });

  it('answers show, edit, done, reopen and drop with the right visibility', async () => {
    expect((await ask('show C-1')).response_type).toBe('ephemeral');
    expect((await ask('edit C-2 title Review by counsel')).response_type).toBe('ephemeral');
    expect((await slack.app.store.commitments.get('T0FAKE', 'C-2'))?.title).toBe('Review by counsel');
    expect((await ask('done C-2 signed off')).response_type).toBe('in_channel');
    expect((await ask('reopen C-2')).response_type).toBe('in_channel');
    expect((await ask('drop C-2 no longer needed')).response_type).toBe('in_channel');
    expect((await slack.app.store.commitments.get('T0FAKE', 'C-2'))?.status).toBe('dropped');
  });

  it('refuses a change by someone who is neither owner, creator nor admin', async () => {
    const body = await ask('done C-1', { user_id: 'U0ADMIN', user_name: 'ada' });
    // Ada is a Slack admin, so she may; Bob owns it; a stranger may not.
    expect(body.response_type).toBe('in_channel');
    await ask('reopen C-1', { user_id: 'U0ADMIN', user_name: 'ada' });
    const refused = await ask('done C-1', { user_id: 'U0CAROL', user_name: 'carol' });
    expect(refused.response_type).toBe('ephemeral');
    expect((await slack.app.store.commitments.get('T0FAKE', 'C-1'))?.status).toBe('open');
  });

  it('answers every registered command through Slack (each spec’s first example)', async () => {
    for (const spec of commands) {
      const body = await ask(spec.examples[0]);
      expect(body.text, spec.name).not.toMatch(/Something went wrong/);
      expect(['in_channel', 'ephemeral']).toContain(body.response_type);
    }
  });

  it('tells the core whether the bot is in the channel (a slash command works where it is not), without a Web API call per command', async () => {
    const before = slack.fake.calls.length;
    const body = await ask('list', { channel_id: 'C0RANDOM', channel_name: 'random' });
    expect(body.response_type).toBe('ephemeral');
    await ask('list');
    await ask('list', { channel_id: 'C0RANDOM', channel_name: 'random' });
    const made = slack.fake.calls.slice(before).map((c) => c.method);
    // The bot's channel listing (at most once here, kept for minutes) answers for every channel.
    expect(made.filter((m) => m === 'users.conversations').length).toBeLessThanOrEqual(1);
    expect(made.filter((m) => m === 'conversations.info')).toEqual([]);
  });

  it('has remind ask to be invited in a channel the bot is not in, and not where it is', async () => {
    const outside = await ask('remind weekdays 09:00', { channel_id: 'C0RANDOM', channel_name: 'random' });
    expect(outside.text).toMatch(/\/invite @Followthrough/);
    const inside = await ask('remind weekdays 09:00');
    expect(inside.text).not.toMatch(/\/invite/);
  });

  it('gives a new channel the zone of the user who first adds to it', async () => {
    const channel = await slack.app.store.channels.get('T0FAKE', 'slack:T0FAKE:C0GENERAL');
    expect(channel?.timeZone).toBe('Asia/Karachi');
  });

  it('refuses a command from a team this installation does not serve, rather than serving our data (issue 15)', async () => {
    const body = await ask('add Share the draft due 2030-01-10', { team_id: 'T0PARTNER', user_id: 'U0ALICE' });
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/installed for Fake Team only/);
    const listed = await slack.app.store.commitments.list('T0FAKE', {});
    expect(listed.map((c) => c.title)).not.toContain('Share the draft');
  });

  it('answers unknown words with help, not silence', async () => {
    const body = await ask('frobnicate');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/help/);
  });
});
