/**
 * A DM marked unreachable after a failed delivery comes back when the person writes to the bot in
 * it (issue 11 item 8, for DMs): on Slack (a signed `message.im` event) and on Teams (a 1:1 message
 * activity). Each run goes through the real tick, the real delivery loop with an injected clock,
 * the adapter and its local fake; what is asserted is what the owner reads in their DM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/main.js';
import type { ChatAdapter } from '../../src/ports/chat-adapter.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import type { Store } from '../../src/store/store.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { BOB, TENANT, channelMessage, personalMessage, postActivity, replyText } from '../helpers/fake-connector-activities.js';
import { blocksText } from '../helpers/fake-slack-blocks.js';
import { deliverAt as deliverOnce } from '../helpers/deliver-at.js';
import { slackFixture, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { teamsDevEnv } from '../helpers/teams-dev-env.js';

const QUIET = parseQuietHours('20:00-08:00');
// Tue 5 Feb 2030 and on, at 10:00 in Karachi (both owners' zone): the due day, then +1 and +3.
const DUE_DAY = '2030-02-05T05:00:00Z';
const NEXT_DAY = '2030-02-06T05:00:00Z';
const THREE_DAYS_ON = '2030-02-08T05:00:00Z';

const deliverAt = (store: Store, adapter: ChatAdapter, at: string) => deliverOnce(store, adapter, at, { quiet: QUIET, concurrency: 1 });

const listedUnreachable = async (store: Store) => (await store.outbox.stats(new Date(), new Date(0))).inactive.map((a) => a.address);

async function until(check: () => Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < 5000; waited += 50) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('Slack: a DM marked unreachable comes back when the person writes in it', () => {
  let slack: SlackHarness;
  const DM = 'slack:T0FAKE:U0ALICE';
  beforeAll(async () => {
    slack = await startSlackHarness();
    const sent = await slack.slash('add Brief the committees due 2030-02-05');
    await slack.fake.responseTo(sent.responseUrl);
    // No channel digest in the way: the DM is the only post a delivery makes.
    const off = await slack.slash('remind off');
    await slack.fake.responseTo(off.responseUrl);
  });
  afterAll(async () => {
    await slack?.stop();
  });
  const dmPosts = () => slack.fake.messages.filter((m) => m.channel === 'D0ALICE');

  it('a refused DM is marked unreachable, and the next day sends her nothing', async () => {
    const adapter = slack.app.chatAdapters.get('slack')!;
    slack.fake.failNext('chat.postMessage', { error: 'cannot_dm_bot' });
    await deliverAt(slack.app.store, adapter, DUE_DAY);
    expect(await slack.app.store.reminders.dmInactive('T0FAKE', 'U0ALICE')).toBe(true);
    expect(await listedUnreachable(slack.app.store)).toContain(DM);
    await deliverAt(slack.app.store, adapter, NEXT_DAY);
    expect(dmPosts()).toHaveLength(0);
  });

  it('she writes to the bot in the DM: it works again, and her next reminder reaches her there', async () => {
    const envelope = slackFixture('message-im');
    const sent = await slack.event({
      ...envelope,
      event_id: 'Ev0DMBACK',
      event: { ...envelope.event, text: 'list', ts: '1700000300.000300' },
    });
    expect(sent.status).toBe(200);
    // The DM flag and the channel row are two writes after the ack: wait for both, not the first.
    const reachable = async () =>
      !(await slack.app.store.reminders.dmInactive('T0FAKE', 'U0ALICE')) && !(await listedUnreachable(slack.app.store)).includes(DM);
    expect(await until(reachable)).toBe(true);
    // Her `list` is answered in the DM after those writes: wait until she has read it, so the
    // reminder below is told from it by what arrives next, not by when.
    const listAnswered = async () => dmPosts().some((m) => /Your commitments everywhere/.test(m.text ?? ''));
    expect(await until(listAnswered)).toBe(true);
    const answered = dmPosts().length;
    await deliverAt(slack.app.store, slack.app.chatAdapters.get('slack')!, THREE_DAYS_ON);
    const reminder = dmPosts().slice(answered).at(-1);
    expect(reminder).toBeDefined();
    const read = blocksText(reminder!.blocks as never);
    expect(read).toMatch(/Your commitments, Fri 8 Feb — 1 overdue/);
    expect(read).toMatch(/C-1 Brief the committees/);
    expect(read).toMatch(/3 days overdue \(due Tue 5 Feb\)\./);
  });
});

describe('Teams: a 1:1 marked unreachable comes back when the person writes in it', () => {
  let connector: FakeConnector;
  let app: App;
  let base: string;
  const db = tempDbPath();
  const DM = `teams:${TENANT}:user:${BOB.aadObjectId}`;
  beforeAll(async () => {
    connector = await startFakeConnector();
    connector.roster.set(BOB.id, BOB);
    app = await startApp(teamsDevEnv(db.file, TENANT));
    base = `http://127.0.0.1:${app.address!.port}`;
    // Bob has written to the bot before (so his 1:1 is known), then the channel gives him an item.
    expect((await postActivity(base, personalMessage(connector.url, 'help', BOB))).status).toBe(200);
    const add = channelMessage(connector.url, 'add Brief the committees @bob due 2030-02-05', { mentions: [BOB] });
    expect((await postActivity(base, add)).status).toBe(200);
    expect((await postActivity(base, channelMessage(connector.url, 'remind off'))).status).toBe(200);
  });
  afterAll(async () => {
    await app?.stop();
    await connector?.close();
    db.remove();
  });
  const bobPosts = () =>
    connector.posted().filter((c) => !c.refused && c.conversationId?.startsWith('a:1personal-chat-bob') && c.body?.attachments);

  it('a refused 1:1 (the app was removed from it: 403) is marked unreachable, and the next day sends him nothing', async () => {
    const adapter = app.chatAdapters.get('teams')!;
    connector.refuse('a:1personal-chat-bob');
    await deliverAt(app.store, adapter, DUE_DAY);
    expect(await app.store.reminders.dmInactive(TENANT, BOB.aadObjectId)).toBe(true);
    expect(await listedUnreachable(app.store)).toContain(DM);
    const before = bobPosts().length;
    await deliverAt(app.store, adapter, NEXT_DAY);
    expect(bobPosts()).toHaveLength(before);
  });

  it('he writes to the bot in the 1:1: it works again, and his next reminder reaches him there', async () => {
    connector.allow('a:1personal-chat-bob');
    expect((await postActivity(base, personalMessage(connector.url, 'list', BOB))).status).toBe(200);
    expect(await app.store.reminders.dmInactive(TENANT, BOB.aadObjectId)).toBe(false);
    expect(await listedUnreachable(app.store)).not.toContain(DM);
    const before = bobPosts().length;
    await deliverAt(app.store, app.chatAdapters.get('teams')!, THREE_DAYS_ON);
    const reminder = bobPosts().slice(before).at(-1);
    expect(reminder).toBeDefined();
    const read = replyText(reminder!.body);
    expect(read).toMatch(/Your commitments, Fri 8 Feb — 1 overdue/);
    expect(read).toMatch(/3 days overdue \(due Tue 5 Feb\)\./);
  });
});
