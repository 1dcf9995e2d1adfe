/**
 * The Teams channel digest names its channel as Slack's does ("Commitments digest for #General"):
 * message activities do not carry a channel's name, so the adapter reads it once from the team's
 * channel list (where General is unnamed); a channel that list cannot name reads "this channel" (the store knows it is one).
 * Real Bot Framework activities, the local Bot Connector, the real tick and delivery loop; asserted
 * on the card text a person reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/main.js';
import { deliverAt } from '../helpers/deliver-at.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { CHANNEL_ID, TENANT, channelMessage, fixture, postActivity } from '../helpers/fake-connector-activities.js';
import { activityText } from '../helpers/follow-up-sim-teams.js';
import { answerTo } from '../helpers/teams-answer.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { teamsDevEnv } from '../helpers/teams-dev-env.js';

const TEAM = '19:team-foreign-office@thread.tacv2';
const BORDER = '19:border-markets@thread.tacv2';
const UNLISTED = '19:unlisted@thread.tacv2';

describe('Teams digest title names the channel', () => {
  let connector: FakeConnector;
  let app: App;
  let base: string;
  const db = tempDbPath();

  beforeAll(async () => {
    connector = await startFakeConnector();
    connector.teamChannels.set(TEAM, [{ id: CHANNEL_ID }, { id: BORDER, name: 'Border markets' }]);
    app = await startApp(teamsDevEnv(db.file, TENANT));
    base = `http://127.0.0.1:${app.address!.port}`;
  });
  afterAll(async () => {
    await app?.stop();
    await connector?.close();
    db.remove();
  });

  /** A channel message in `channelId` (a thread of its own). */
  async function sayIn(channelId: string, words: string): Promise<string> {
    const activity = channelMessage(connector.url, words);
    activity.channelData.channel = { id: channelId };
    activity.conversation.id = `${channelId};messageid=${activity.id}`;
    return answerTo(base, connector, activity);
  }

  /** The digest each channel got at 10:00 UTC on Mon 4 Feb 2030 (past 09:00 in every channel's zone), as its card reads. */
  async function digests(): Promise<Map<string, string>> {
    const mark = connector.calls.length;
    await deliverAt(app.store, app.chatAdapters.get('teams')!, '2030-02-04T10:00:00Z');
    const read = new Map<string, string>();
    for (const call of connector.calls.slice(mark)) {
      if (call.method !== 'POST' || call.path !== '/v3/conversations' || !call.body.channelData?.channel) continue;
      read.set(call.body.channelData.channel.id, activityText(call.body.activity));
    }
    return read;
  }

  it('General (unnamed in the channel list), a named channel, and one the list does not know', async () => {
    expect((await postActivity(base, fixture('installation-add', connector.url))).status).toBe(200);
    expect(await sayIn(CHANNEL_ID, 'add Appoint liaison officers due 2030-02-05')).toMatch(/added C-1/);
    expect(await sayIn(BORDER, 'add Operationalise the border markets due 2030-02-06')).toMatch(/added C-2/);
    expect(await sayIn(UNLISTED, 'add Exchange lists of wanted individuals due 2030-02-07')).toMatch(/added C-3/);
    const read = await digests();
    expect(read.get(CHANNEL_ID)).toMatch(/^Mon 4 Feb — 1 due within 7 days\nCommitments digest for #General\n/);
    expect(read.get(BORDER)).toMatch(/\nCommitments digest for #Border markets\n/);
    expect(read.get(UNLISTED)).toMatch(/\nCommitments digest for this channel\n/);
    for (const text of read.values()) expect(text).not.toMatch(/Commitments digest\n/);
  });

  it('asks the channel list once per channel, not on every message', async () => {
    const lookups = () => connector.calls.filter((c) => c.method === 'GET' && c.path.includes('/teams/')).length;
    const before = lookups();
    await sayIn(CHANNEL_ID, 'list');
    await sayIn(BORDER, 'list');
    await sayIn(UNLISTED, 'list');
    expect(lookups()).toBe(before);
  });
});
