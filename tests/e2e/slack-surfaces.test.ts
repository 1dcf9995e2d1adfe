/**
 * The Slack surfaces a Slack user expects (issue 13), each used as a person would against the fake:
 * bare /commitments, the Add form (opened within the trigger's 3 s, checked field by field), the
 * "Track as commitment" shortcut from a thread, the App Home and its refresh when someone else
 * assigns you, and the one welcome when the bot joins a channel.
 */
import { pressedElement } from '../helpers/slack-press.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRIGGER_LIFE_MS } from '../helpers/fake-slack-views.js';
import type { RecordedCall } from '../helpers/fake-slack.js';
import { slackFixture, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => {
  await slack?.stop();
});

const isCall =
  (method: string, where: (c: RecordedCall) => boolean) =>
  (r: any): r is RecordedCall =>
    r.method === method && where(r);
const after = (n: number) => (c: RecordedCall) => slack.fake.calls.indexOf(c) >= n;
const byTitle = async (title: string) => (await slack.app.store.commitments.list('T0FAKE', {})).find((c) => c.title === title);

/** What a person typed and picked in the Add form, as Slack sends it in view.state.values. */
function formValues(fields: {
  title?: string;
  owners?: string[];
  phrase?: string;
  date?: string;
  agreed?: string;
  url?: string;
  quote?: string;
  tags?: string;
  channel?: string;
}) {
  const values: Record<string, any> = {
    title: { title: { type: 'plain_text_input', value: fields.title ?? null } },
    owners: { owners: { type: 'multi_users_select', selected_users: fields.owners ?? [] } },
    due_phrase: { due_phrase: { type: 'plain_text_input', value: fields.phrase ?? null } },
    due_date: { due_date: { type: 'datepicker', selected_date: fields.date ?? null } },
    agreed: { agreed: { type: 'datepicker', selected_date: fields.agreed ?? null } },
    source_url: { source_url: { type: 'url_text_input', value: fields.url ?? null } },
    source_quote: { source_quote: { type: 'plain_text_input', value: fields.quote ?? null } },
    tags: { tags: { type: 'plain_text_input', value: fields.tags ?? null } },
  };
  if (fields.channel !== undefined)
    values.channel = { channel: { type: 'conversations_select', selected_conversation: fields.channel || null } };
  return values;
}

/** Submits the modal Slack opened (its private_metadata comes back as Slack keeps it). */
function submit(opened: { view: any }, fields: Parameters<typeof formValues>[0], user = 'U0ALICE') {
  const payload = slackFixture('view-submission');
  return slack.click({
    ...payload,
    user: { ...payload.user, id: user, username: user.toLowerCase(), name: user.toLowerCase() },
    view: {
      ...payload.view,
      callback_id: opened.view.callback_id,
      private_metadata: opened.view.private_metadata,
      blocks: opened.view.blocks,
      state: { values: formValues(fields) },
    },
  });
}

describe('bare /commitments', () => {
  it("lists this channel's items with a one-line pointer to help, and an Add button", async () => {
    const added = await slack.slash('add Appoint liaison officers <@U0BOB|bob> due 2030-02-05');
    await slack.fake.responseTo(added.responseUrl);
    const sent = await slack.slash('');
    expect(sent.status).toBe(200);
    const body = (await slack.fake.responseTo(sent.responseUrl)).body;
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/Commitments in this channel \(1\)/);
    expect(body.text).toMatch(/Appoint liaison officers/);
    expect(body.text).toMatch(/Type `\/commitments help` for everything I can do/);
    const buttons = body.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements.map((e: any) => e.action_id));
    expect(buttons).toContain('followthrough_add_open');
  });
});

describe('the Add form', () => {
  let opened: (typeof slack.fake.views.opened)[number];

  it('opens from /commitments add within the trigger’s 3 seconds, with every field', async () => {
    const trigger = slack.fake.views.triggerId();
    const sent = await slack.slash('add', { trigger_id: trigger });
    expect(sent.status).toBe(200);
    await slack.fake.waitFor(isCall('views.open', (c) => c.args.trigger_id === trigger && c.outcome === 'ok'));
    opened = slack.fake.views.opened.find((o) => o.triggerId === trigger)!;
    expect(opened.afterMs).toBeLessThan(TRIGGER_LIFE_MS);
    expect(opened.view.title.text).toBe('Add a commitment');
    expect(opened.view.blocks.map((b: any) => `${b.block_id}:${b.element.type}`)).toEqual([
      'title:plain_text_input',
      'owners:multi_users_select',
      'due_phrase:plain_text_input',
      'due_date:datepicker',
      'agreed:datepicker',
      'source_url:url_text_input',
      'source_quote:plain_text_input',
      'tags:plain_text_input',
    ]);
    expect(JSON.parse(opened.view.private_metadata)).toEqual({ channelId: 'C0GENERAL' });
  });

  it('answers a bare add in words when the trigger has expired and Slack will not open the form', async () => {
    const trigger = slack.fake.views.triggerId();
    slack.fake.views.age(trigger, TRIGGER_LIFE_MS + 1);
    const sent = await slack.slash('add', { trigger_id: trigger });
    const body = (await slack.fake.responseTo(sent.responseUrl)).body;
    expect(slack.fake.callsOf('views.open').find((c) => c.args.trigger_id === trigger)?.outcome).toBe('expired_trigger_id');
    expect(body.text).toMatch(/Say what was promised/);
  });

  it('answers an invalid submission with errors on the fields, storing nothing', async () => {
    const before = (await slack.app.store.commitments.list('T0FAKE', {})).length;
    const sent = await submit(opened, { title: '', phrase: 'whenever it suits us', url: 'not a link', tags: 'bad tag!' });
    expect(sent.status).toBe(200);
    const answer = JSON.parse(sent.text);
    expect(answer.response_action).toBe('errors');
    expect(answer.errors.title).toBe('Say what was promised.');
    expect(answer.errors.due_phrase).toMatch(/I could not read a date in "whenever it suits us"/);
    expect(answer.errors.source_url).toMatch(/https:\/\//);
    expect(answer.errors.tags).toMatch(/"bad" is not a tag|"tag!" is not a tag/);
    expect(await slack.app.store.commitments.list('T0FAKE', {})).toHaveLength(before);
  });

  it('refuses a phrase and a picked date together', async () => {
    const sent = await submit(opened, { title: 'Both ways', phrase: 'within two weeks', date: '2030-04-01' });
    expect(JSON.parse(sent.text).errors).toEqual({ due_date: 'Write the deadline or pick a date, not both.' });
    expect(await byTitle('Both ways')).toBeUndefined();
  });

  it('stores a valid submission and announces it in the channel as a typed add is', async () => {
    const before = slack.fake.calls.length;
    const sent = await submit(opened, {
      title: 'Operationalise the "joint" border markets',
      owners: ['U0BOB'],
      phrase: 'within two weeks',
      agreed: '2024-01-29',
      url: 'https://example.org/joint-statement',
      quote: 'agreed on early operationalisation of the border markets',
      tags: 'border, trade',
    });
    expect(sent.status).toBe(200);
    expect(sent.text).toBe('');
    const post = await slack.fake.waitFor(isCall('chat.postMessage', (c) => after(before)(c) && c.args.channel === 'C0GENERAL'));
    expect(post.args.text).toMatch(/alice added C-\d+: Operationalise the 'joint' border markets/);
    expect(post.args.text).toMatch(/read 'within two weeks' from 29 Jan/);
    const stored = await byTitle("Operationalise the 'joint' border markets");
    expect(stored).toMatchObject({
      owners: [{ id: 'U0BOB' }],
      tags: ['border', 'trade'],
      deadline: { kind: 'exact', due: '2024-02-12' },
      source: {
        url: 'https://example.org/joint-statement',
        quote: 'agreed on early operationalisation of the border markets',
        agreedOn: '2024-01-29',
      },
    });
  });
});

describe('the "Track as commitment" message shortcut', () => {
  it('opens the form pre-filled from a threaded message and confirms in that thread', async () => {
    const trigger = slack.fake.views.triggerId();
    const sent = await slack.click({ ...slackFixture('message-shortcut'), trigger_id: trigger });
    expect(sent.status).toBe(200);
    await slack.fake.waitFor(isCall('views.open', (c) => c.args.trigger_id === trigger && c.outcome === 'ok'));
    const opened = slack.fake.views.opened.find((o) => o.triggerId === trigger)!;
    expect(opened.afterMs).toBeLessThan(TRIGGER_LIFE_MS);
    const element = (id: string) => opened.view.blocks.find((b: any) => b.block_id === id).element;
    expect(element('title').initial_value).toBe('@bob will circulate the minutes');
    expect(element('owners').initial_users).toEqual(['U0BOB']);
    expect(element('due_phrase').initial_value).toBe('by next Friday');
    expect(element('source_url').initial_value).toBe('https://fake.slack.com/archives/C0GENERAL/p1700000200000300');
    expect(JSON.parse(opened.view.private_metadata)).toEqual({ channelId: 'C0GENERAL', threadTs: '1700000100.000100' });

    const before = slack.fake.calls.length;
    await submit(opened, {
      title: 'Circulate the minutes',
      owners: ['U0BOB'],
      phrase: 'by next Friday',
      url: element('source_url').initial_value,
    });
    const confirm = await slack.fake.waitFor(
      isCall('chat.postMessage', (c) => after(before)(c) && /Circulate the minutes/.test(String(c.args.text))),
    );
    expect(confirm.args.channel).toBe('C0GENERAL');
    expect(confirm.args.thread_ts).toBe('1700000100.000100');
    expect((await byTitle('Circulate the minutes'))?.source.url).toBe('https://fake.slack.com/archives/C0GENERAL/p1700000200000300');
  });
});

describe('App Home', () => {
  const homeBlocksText = (user: string) => JSON.stringify(slack.fake.views.homes.get(user)?.blocks ?? []);

  it('publishes "My commitments" with the welcome on the first visit, and an Add button', async () => {
    const before = slack.fake.calls.length;
    await slack.event(slackFixture('app-home-opened'));
    // Other publishes for Bob may still be landing from earlier changes: the visit's own one has the welcome.
    const publish = await slack.fake.waitFor(
      isCall(
        'views.publish',
        (c) =>
          after(before)(c) && c.args.user_id === 'U0BOB' && c.outcome === 'ok' && /Hi, I'm Followthrough/.test(JSON.stringify(c.args.view)),
      ),
    );
    const text = JSON.stringify(publish.args.view.blocks);
    expect(publish.args.view.type).toBe('home');
    expect(text).toMatch(/My commitments/);
    expect(text).toMatch(/Hi, I'm Followthrough/);
    expect(text).toMatch(/Appoint liaison officers/);
    expect(text).toMatch(/followthrough_add_open/);

    const again = slack.fake.calls.length;
    await slack.event({ ...slackFixture('app-home-opened'), event_id: 'Ev0HOME2' });
    await slack.fake.waitFor(isCall('views.publish', (c) => after(again)(c) && c.args.user_id === 'U0BOB'));
    const welcomes = slack.fake
      .callsOf('views.publish')
      .filter((c) => c.args.user_id === 'U0BOB' && /Hi, I'm Followthrough/.test(JSON.stringify(c.args.view)));
    expect(welcomes).toHaveLength(1);
  });

  it('is republished when someone else assigns the viewer an item', async () => {
    const before = slack.fake.calls.length;
    const sent = await slack.slash('add Draft the communiqué <@U0BOB|bob> due 2030-05-01');
    await slack.fake.responseTo(sent.responseUrl);
    await slack.fake.waitFor(
      isCall(
        'views.publish',
        (c) => after(before)(c) && c.args.user_id === 'U0BOB' && /Draft the communiqué/.test(JSON.stringify(c.args.view)),
      ),
    );
    expect(homeBlocksText('U0BOB')).toMatch(/Draft the communiqué/);
  });

  it('acts on a Done pressed in the Home and shows the Home again without it', async () => {
    const item = (await byTitle('Draft the communiqué'))!;
    const home = slack.fake.views.homes.get('U0BOB')!;
    const before = slack.fake.calls.length;
    const payload = slackFixture('block-actions');
    const sent = await slack.click({
      ...payload,
      user: { id: 'U0BOB', username: 'bob', name: 'bob', team_id: 'T0FAKE' },
      container: { type: 'view', view_id: 'VHOMEU0BOB' },
      channel: undefined,
      message: undefined,
      view: { id: 'VHOMEU0BOB', type: 'home', callback_id: home.callback_id, blocks: home.blocks },
      actions: [{ ...pressedElement(home.blocks, item.id, 'ft_done'), action_ts: '1700000700.000700' }],
    });
    expect(sent.status).toBe(200);
    await slack.fake.waitFor(isCall('views.publish', (c) => after(before)(c) && c.args.user_id === 'U0BOB'));
    expect((await slack.app.store.commitments.get('T0FAKE', item.id))?.status).toBe('done');
    expect(homeBlocksText('U0BOB')).not.toMatch(/Draft the communiqué/);
  });
});

describe('the Add button in the App Home', () => {
  it('opens the form with a channel picker, insists on a channel, and announces in the one picked', async () => {
    const home = slack.fake.views.homes.get('U0BOB')!;
    const trigger = slack.fake.views.triggerId();
    const payload = slackFixture('block-actions');
    await slack.click({
      ...payload,
      trigger_id: trigger,
      user: { id: 'U0BOB', username: 'bob', name: 'bob', team_id: 'T0FAKE' },
      container: { type: 'view', view_id: 'VHOMEU0BOB' },
      channel: undefined,
      message: undefined,
      view: { id: 'VHOMEU0BOB', type: 'home', callback_id: home.callback_id, blocks: home.blocks },
      actions: [{ action_id: 'followthrough_add_open', block_id: 'followthrough_add', type: 'button', action_ts: '1700000800.000800' }],
    });
    await slack.fake.waitFor(isCall('views.open', (c) => c.args.trigger_id === trigger && c.outcome === 'ok'));
    const opened = slack.fake.views.opened.find((o) => o.triggerId === trigger)!;
    expect(opened.afterMs).toBeLessThan(TRIGGER_LIFE_MS);
    expect(opened.view.blocks[0]).toMatchObject({ block_id: 'channel', element: { type: 'conversations_select' } });

    const missing = await submit(opened, { title: 'Brief the press', channel: '' }, 'U0BOB');
    expect(JSON.parse(missing.text).errors).toEqual({ channel: 'Pick the channel to track it in.' });
    expect(await byTitle('Brief the press')).toBeUndefined();

    const before = slack.fake.calls.length;
    const sent = await submit(opened, { title: 'Brief the press', channel: 'C0GENERAL', date: '2030-06-01' }, 'U0BOB');
    expect(sent.text).toBe('');
    const post = await slack.fake.waitFor(
      isCall('chat.postMessage', (c) => after(before)(c) && /Brief the press/.test(String(c.args.text))),
    );
    expect(post.args.channel).toBe('C0GENERAL');
    expect(await byTitle('Brief the press')).toMatchObject({
      channel: 'slack:T0FAKE:C0GENERAL',
      owners: [{ id: 'U0BOB' }],
      deadline: { kind: 'exact', due: '2030-06-01' },
    });
  });
});

describe('onboarding', () => {
  it('welcomes a channel once when the bot joins it, ever, and not when a person joins', async () => {
    const joined = slackFixture('member-joined-channel');
    const before = slack.fake.calls.length;
    await slack.event(joined);
    const welcome = await slack.fake.waitFor(
      isCall('chat.postMessage', (c) => after(before)(c) && /Hi, I'm Followthrough/.test(String(c.args.text))),
    );
    expect(welcome.args.channel).toBe('C0GENERAL');
    expect(welcome.args.text).toMatch(/\/commitments add/);
    // #general has had a commitment since the first test: its digest schedule is named.
    expect(welcome.args.text).toMatch(/digest goes out weekdays 09:00 \(Asia\/Karachi\)/);
    expect(welcome.args.text).toMatch(/remind off/);
    // Removed and invited back (a new event), and a person joining: no second welcome.
    await slack.event({ ...joined, event_id: 'Ev0JOINED2' });
    await slack.event({ ...joined, event_id: 'Ev0JOINED3', event: { ...joined.event, user: 'U0BOB' } });
    // Invited back after inbound receipts are pruned (a day later): the welcome was once, ever.
    await slack.app.store.receipts.prune(new Date('2999-01-01T00:00:00Z'));
    await slack.event({ ...joined, event_id: 'Ev0JOINED4' });
    const barrier = await slack.slash('list');
    await slack.fake.responseTo(barrier.responseUrl);
    expect(slack.fake.callsOf('chat.postMessage').filter((c) => /Hi, I'm Followthrough/.test(String(c.args.text)))).toHaveLength(1);
  });
});
