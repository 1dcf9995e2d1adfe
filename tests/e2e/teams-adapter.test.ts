// The Teams adapter end to end in dev mode: real Teams activity JSON posted to /api/messages of the
// app's one server, a local Bot Connector recording what the bot sends, a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/main.js';
import { Permanent, RateLimited, Transient } from '../../src/ports/chat-adapter.js';
import { channelReply } from '../../src/replies/reply.js';
import type { FakeConnector } from '../helpers/fake-connector.js';
import {
  BOB,
  CHANNEL_ID,
  TENANT,
  channelMessage,
  executeActions,
  fixture,
  personalMessage,
  postActivity,
  pressOnCard,
  replyText,
} from '../helpers/fake-connector-activities.js';
import { answerTo } from '../helpers/teams-answer.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.js';

const DANA = { id: '29:1DanaTeamsUserId', aadObjectId: '00000000-0000-0000-0000-00000000da4a', name: 'Dana Admin' };
const CHANNEL_ADDRESS = `teams:${TENANT}:${CHANNEL_ID}`;

describe('Teams adapter (dev mode, loopback)', () => {
  let teams: TeamsHarness;
  let connector: FakeConnector;
  let app: App;
  let base: string;

  beforeAll(async () => {
    teams = await startTeamsHarness({ TEAMS_ADMIN_AAD_IDS: DANA.aadObjectId });
    ({ connector, app, base } = teams);
  });
  afterAll(async () => {
    await teams?.stop();
  });

  const say = (activity: unknown) => answerTo(base, connector, activity);

  it('stores the conversation reference on install and welcomes once per conversation', async () => {
    const welcome = await say(fixture('installation-add', connector.url));
    expect(welcome).toMatch(/Followthrough is here/);
    expect(welcome).toMatch(/@Followthrough list/);
    expect(await say(fixture('installation-add', connector.url))).toBe('');
    const channel = await app.store.channels.get(TENANT, CHANNEL_ADDRESS);
    expect(channel?.active).toBe(true);
    expect((channel?.platformData as any).reference).toMatchObject({ serviceUrl: connector.url, conversation: { id: CHANNEL_ID } });
    const groupWelcome = await say(fixture('conversation-update-bot-added', connector.url));
    expect(groupWelcome).toMatch(/type the command words/i);
  });

  it('runs a command from a channel @mention and answers in the same thread with a card', async () => {
    const activity = channelMessage(connector.url, 'add Appoint liaison officers @bob due 2099-03-15 tag:border', { mentions: [BOB] });
    const reply = await say(activity);
    expect(reply).toMatch(/added C-1: Appoint liaison officers/);
    const last = connector.posted().at(-1)!;
    expect(last.conversationId).toBe(activity.conversation.id);
    expect(last.path).toContain(`/activities/${encodeURIComponent(activity.id)}`);
    const commitment = await app.store.commitments.get(TENANT, 'C-1');
    expect(commitment?.owners.map((o) => o.id)).toEqual([BOB.aadObjectId]);
    expect(commitment?.channel).toBe(CHANNEL_ADDRESS);
    const bob = await app.store.users.get(TENANT, BOB.aadObjectId);
    expect(bob?.name).toBe('Bob Lee');
  });

  it('sees the same channel from two threads', async () => {
    const fromOtherThread = await say(channelMessage(connector.url, 'list', { thread: '1706529999999' }));
    expect(fromOtherThread).toMatch(/C-1/);
    expect(connector.posted().at(-1)!.conversationId).toBe(`${CHANNEL_ID};messageid=1706529999999`);
  });

  it('decodes entities, strips tags and folds curly quotes', async () => {
    const reply = await say(channelMessage(connector.url, 'add &ldquo;Review by legal&rdquo; <b>due</b> 2099-05-01'));
    expect(reply).toMatch(/added C-2: Review by legal/);
    const curly = await say(channelMessage(connector.url, 'add “Draft by Friday” due 2099-06-01'));
    expect(curly).toMatch(/added C-3: Draft by Friday/);
  });

  it('takes the words alone in a 1:1 and a group chat, with the zone from localTimezone', async () => {
    const mine = await say(personalMessage(connector.url, 'list', BOB));
    expect(mine).toMatch(/C-1/);
    const bob = await app.store.users.get(TENANT, BOB.aadObjectId);
    expect(bob?.timeZone).toBe('Asia/Karachi');
    expect(bob?.dmAddress).toBe(`teams:${TENANT}:user:${BOB.aadObjectId}`);
    const group = fixture('group-chat-message', connector.url);
    group.text = '<at>Followthrough</at> add Border markets due 2099-07-01';
    group.conversation.id = '19:group-chat-ministers@thread.v2';
    expect(await say(group)).toMatch(/added C-4: Border markets/);
    const chat = await app.store.channels.get(TENANT, `teams:${TENANT}:19:group-chat-ministers@thread.v2`);
    expect(chat?.timeZone).toBe('Europe/Berlin');
  });

  it('presses Done with Action.Execute: the same card with that row updated and who did it, for the presser and everyone; a double click changes nothing', async () => {
    await say(channelMessage(connector.url, 'list'));
    const listCard = connector.posted().at(-1)!;
    const press = () => postActivity(base, pressOnCard(connector.url, listCard, 'done', 'C-1', { from: BOB }));
    const first = await press();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const shown = replyText({ attachments: [{ content: first.body.value }] });
    // Still the list it was: C-1's row is there, done, with Reopen; the line says who did it.
    expect(shown).toMatch(/C-1 Appoint liaison officers/);
    expect(shown).toMatch(/✅ Bob Lee marked C-1 done/);
    expect(executeActions(first.body.value).map((a) => `${a.verb} ${a.data.action.id}`)).toContain('reopen C-1');
    const edit = connector.calls.at(-1)!;
    expect(edit).toMatchObject({ method: 'PUT', activityId: listCard.answeredId });
    expect(replyText(edit.body)).toMatch(/✅ Bob Lee marked C-1 done/);
    const calls = connector.calls.length;
    const second = await press();
    expect(second.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(second.body.value).toMatch(/already done/);
    expect(connector.calls.slice(calls).some((c) => c.method === 'PUT')).toBe(false);
    const history = await app.store.commitments.history(TENANT, 'C-1');
    expect(history.filter((h) => h.action === 'done')).toHaveLength(1);
  });

  it.each([
    ['help', /list/],
    ['help add', /add/],
    ['list mine', /C-|nothing/i],
    ['list all', /C-1/],
    ['list everywhere', /C-/],
    ['show C-2', /Review by legal/],
    ['edit C-2 title Legal review', /C-2/],
    ['snooze C-2 1d', /C-2/],
    ['status C-2 in-progress', /C-2/],
    ['drop C-3 not needed', /C-3/],
    ['reopen C-3', /C-3/],
    ['done C-3', /C-3/],
    ['event', /event|E-/i],
    ['timezone Asia/Karachi', /Asia\/Karachi/],
    ['frobnicate', /I don't know "frobnicate"/],
  ])('runs `%s` from a channel', async (words, expected) => {
    const reply = await say(channelMessage(connector.url, words));
    expect(reply).toMatch(expected);
    if (words !== 'frobnicate') expect(reply).not.toMatch(/I don't know/);
  });

  it('snoozes through a choice input of an Action.Execute', async () => {
    const invoke = fixture('card-action', connector.url);
    invoke.value.action = {
      type: 'Action.Execute',
      title: 'Snooze',
      verb: 'snooze',
      data: { target: 'C-2', context: 'item:C-2', inputId: 'v-snooze', dateId: 'd-snooze' },
    };
    invoke.value.action.data['v-snooze'] = '1w';
    const response = await postActivity(base, invoke);
    expect(response.body.statusCode).toBe(200);
    expect((await app.store.commitments.get(TENANT, 'C-2'))?.snoozedUntil).toBeTruthy();
  });

  it("lets an admin from TEAMS_ADMIN_AAD_IDS change anyone's item; refuses others with a private answer, leaving the card alone", async () => {
    await say(channelMessage(connector.url, 'show C-4'));
    const card = connector.posted().at(-1)!;
    const calls = connector.calls.length;
    const refused = await postActivity(
      base,
      pressOnCard(connector.url, card, 'done', 'C-4', { from: { id: '29:1Stranger', name: 'Stranger', aadObjectId: 'aad-stranger' } }),
    );
    expect(refused.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(refused.body.value).toMatch(/owners|creator|admin/i);
    expect(connector.calls.slice(calls).some((c) => c.method === 'PUT' || c.method === 'POST')).toBe(false);
    expect((await app.store.commitments.get(TENANT, 'C-4'))?.status).toBe('open');
    const byAdmin = await say(channelMessage(connector.url, 'drop C-4 merged elsewhere', { from: DANA }));
    expect(byAdmin).toMatch(/dropped C-4/i);
  });

  it('delivers a channel digest as a new thread and edits it later', async () => {
    const chat = app.chatAdapters.get('teams')!;
    const { messageId } = await chat.deliver(
      CHANNEL_ADDRESS,
      channelReply('Digest', { title: 'Weekly digest', sections: [{ text: 'C-2 due soon' }] }),
      { key: 'digest:1' },
    );
    const create = connector.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations').at(-1)!;
    expect(create.body.channelData.channel.id).toBe(CHANNEL_ID);
    expect(create.body.isGroup).toBe(true);
    expect(messageId).toMatch(/;messageid=act-\d+\|act-\d+$/);
    await chat.update(CHANNEL_ADDRESS, messageId, channelReply('Digest (updated)'));
    expect(connector.calls.at(-1)).toMatchObject({ method: 'PUT' });
  });

  it('nudges an owner in a 1:1 created from the roster, then reuses it', async () => {
    const chat = app.chatAdapters.get('teams')!;
    const carol = { id: '29:1CarolTeamsUserId', aadObjectId: '00000000-0000-0000-0000-0000000ca201', name: 'Carol Diaz' };
    connector.roster.set(carol.id, carol);
    const address = `teams:${TENANT}:user:${carol.aadObjectId}`;
    const before = connector.calls.length;
    await chat.deliver(address, channelReply('C-1 is due today'), { key: 'nudge:1' });
    const calls = connector.calls.slice(before);
    expect(calls.some((c) => c.method === 'GET' && c.path.includes('/members/'))).toBe(true);
    const create = calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations')!;
    expect(create.body.members).toEqual([{ id: carol.id }]);
    expect(create.body.isGroup).toBe(false);
    const again = connector.calls.length;
    await chat.deliver(address, channelReply('C-1 is overdue'), { key: 'nudge:2' });
    expect(connector.calls.slice(again).map((c) => c.method + ' ' + c.path)).toEqual([
      `POST /v3/conversations/${encodeURIComponent(`a:personal-${carol.id}`)}/activities`,
    ]);
  });

  it('maps connector failures to RateLimited, Transient and Permanent', async () => {
    const chat = app.chatAdapters.get('teams')!;
    const send = () => chat.deliver(CHANNEL_ADDRESS, channelReply('x'), { key: 'k' });
    connector.failNext(429, { 'retry-after': '7' });
    const limited = await send().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimited);
    expect((limited as RateLimited).retryAfterMs).toBe(7000);
    for (const status of [412, 502, 504, 500]) {
      connector.failNext(status);
      expect(await send().catch((e: unknown) => e)).toBeInstanceOf(Transient);
    }
    for (const status of [403, 404]) {
      connector.failNext(status);
      expect(await send().catch((e: unknown) => e)).toBeInstanceOf(Permanent);
    }
    connector.dropNext();
    expect(await send().catch((e: unknown) => e)).toBeInstanceOf(Transient);
    expect(
      await chat.deliver(`teams:${TENANT}:19:never-installed@thread.tacv2`, channelReply('x'), { key: 'k' }).catch((e: unknown) => e),
    ).toBeInstanceOf(Permanent);
  });

  it('ignores a foreign tenant: nothing answered, nothing stored', async () => {
    const foreign = personalMessage(connector.url, 'add Foreign thing due 2099-01-01');
    foreign.channelData.tenant.id = 'evil-tenant';
    foreign.conversation.tenantId = 'evil-tenant';
    expect(await say(foreign)).toBe('');
    expect(await app.store.workspaces.get('evil-tenant')).toBeNull();
    expect(await app.store.channels.list('evil-tenant')).toEqual([]);
  });

  it('marks the channel inactive when the app is removed', async () => {
    await say(fixture('installation-remove', connector.url));
    const channel = await app.store.channels.get(TENANT, CHANNEL_ADDRESS);
    expect(channel?.active).toBe(false);
  });
});

describe('Teams adapter start-up', () => {
  it('refuses to start unauthenticated on 0.0.0.0, saying why', async () => {
    const db = tempDbPath();
    await expect(
      startApp({
        FOLLOWTHROUGH_ADAPTERS: 'teams',
        TEAMS_ALLOW_UNAUTHENTICATED: 'true',
        HOST: '0.0.0.0',
        PORT: '0',
        FOLLOWTHROUGH_DB: db.file,
        LOG_LEVEL: 'silent',
      }),
    ).rejects.toThrow(/HOST=0\.0\.0\.0.*127\.0\.0\.1/s);
    await expect(
      startApp({ FOLLOWTHROUGH_ADAPTERS: 'teams', HOST: '127.0.0.1', PORT: '0', FOLLOWTHROUGH_DB: db.file, LOG_LEVEL: 'silent' }),
    ).rejects.toThrow(/MICROSOFT_APP_ID is not set/);
    db.remove();
  });
});
