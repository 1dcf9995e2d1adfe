/**
 * Two Followthrough instances on one database receive the same Teams install at the same moment:
 * one welcome is posted, not two. The second install reaches instance B while instance A's welcome
 * is still on its way to Teams (the local Bot Connector holds it), which is exactly when both used to
 * see "not welcomed yet"; the store's insert-if-absent claim now decides. A welcome Teams refused is
 * given back, so the next install posts it. Real Bot Framework activities, two real apps (separate
 * store connections), on a SQLite file and on a PostgreSQL database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/main.js';
import { ENGINES, useEngines } from '../helpers/engines.js';
import { TENANT, fixture, postActivity, replyText } from '../helpers/fake-connector-activities.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import type { StoreTarget } from '../helpers/store-target.js';
import { teamsDevEnv } from '../helpers/teams-dev-env.js';

const target = useEngines('ft-teams-welcome-');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function instanceEnv(on: StoreTarget): Record<string, string> {
  return on.engine === 'sqlite' ? teamsDevEnv(on.file, TENANT) : teamsDevEnv(':memory:', TENANT, { DATABASE_URL: on.url });
}

/** The app installed in a group chat, as Teams sends it there (no team, no channel). */
function chatInstall(connector: FakeConnector, chatId: string): any {
  const activity = fixture('installation-add', connector.url);
  activity.conversation = { isGroup: true, conversationType: 'groupChat', tenantId: TENANT, id: chatId };
  activity.channelData = { tenant: { id: TENANT }, source: { name: 'message' } };
  return activity;
}

const welcomes = (connector: FakeConnector, chatId: string) =>
  connector.posted().filter((c) => c.conversationId === chatId && /Followthrough is here/.test(replyText(c.body)));

async function twoInstances(engine: (typeof ENGINES)[number]): Promise<{ connector: FakeConnector; a: string; b: string }> {
  const on = await target(engine);
  const connector = await startFakeConnector();
  cleanups.push(() => connector.close());
  const base = async () => {
    const app: App = await startApp(instanceEnv(on));
    cleanups.push(() => app.stop());
    return `http://127.0.0.1:${app.address!.port}`;
  };
  const a = await base();
  const b = await base();
  return { connector, a, b };
}

describe.each(ENGINES)('the Teams welcome on two instances sharing one %s database', (engine) => {
  it('is posted once when both receive the install while the first welcome is still in flight, and never again', async () => {
    const { connector, a, b } = await twoInstances(engine);
    const chat = '19:group-chat-welcome@thread.v2';
    const held = connector.holdNextPost();
    const first = postActivity(a, chatInstall(connector, chat));
    await held.arrived;
    // A's welcome is on its way, not yet answered: B gets the install now.
    expect((await postActivity(b, chatInstall(connector, chat))).status).toBe(200);
    held.release();
    expect((await first).status).toBe(200);
    expect(welcomes(connector, chat)).toHaveLength(1);
    expect(replyText(welcomes(connector, chat)[0].body)).toMatch(/Once this chat has its first commitment I post a digest/);
    // Installed again later, on either instance: still the one welcome.
    await postActivity(b, chatInstall(connector, chat));
    await postActivity(a, chatInstall(connector, chat));
    expect(welcomes(connector, chat)).toHaveLength(1);
  });

  it('gives the claim back when Teams refuses the welcome, so the next install posts it', async () => {
    const { connector, a, b } = await twoInstances(engine);
    const chat = '19:group-chat-refused@thread.v2';
    connector.failNext(500, {}, 1);
    await postActivity(a, chatInstall(connector, chat));
    expect(welcomes(connector, chat).filter((c) => c.answeredId)).toHaveLength(0);
    await postActivity(b, chatInstall(connector, chat));
    expect(welcomes(connector, chat).filter((c) => c.answeredId)).toHaveLength(1);
  });
});
