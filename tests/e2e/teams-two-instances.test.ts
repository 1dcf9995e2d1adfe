/**
 * Two Followthrough instances on one database — this test process and a `followthrough start` child
 * process — behind one local Bot Connector, with real Bot Framework activities. Bob presses *Done*
 * on two rows of one channel digest, one press reaching each instance at the same moment, while both
 * instances post new cards in that channel. The connector holds the two card updates until both
 * have arrived and applies them newest first (two instances' updates can reach Teams in any order).
 * Whatever the interleaving, both rows end patched — in the card everyone sees, in each presser's
 * answer and in the card kept in the store — and every card either instance posted is still kept,
 * so a later press can patch it. Run on a SQLite file and on a PostgreSQL database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/main.js';
import { buildDigest } from '../../src/reminders/digest.js';
import type { Reply } from '../../src/replies/reply.js';
import { renderAdaptiveCard } from '../../adapters/teams/adaptive-card.js';
import type { SentCardsData } from '../../adapters/teams/sent-cards.js';
import { ENGINES, useEngines } from '../helpers/engines.js';
import {
  ALICE,
  BOB,
  CHANNEL_ID,
  TENANT,
  channelMessage,
  fixture,
  pressOnCard,
  postActivity,
  replyText,
} from '../helpers/fake-connector-activities.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../helpers/fake-connector.js';
import { freePort } from '../helpers/free-port.js';
import { openTargetStore, type StoreTarget } from '../helpers/store-target.js';
import { teamsDevEnv } from '../helpers/teams-dev-env.js';

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));
const CHANNEL = `teams:${TENANT}:${CHANNEL_ID}`;
const target = useEngines('ft-teams-two-');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The other instance: the real command in a child process on `port`, serving once /healthz answers. */
async function startChildInstance(env: Record<string, string>, port: number): Promise<string> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'start'], {
    cwd: tmpdir(),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      FOLLOWTHROUGH_HOME: mkdtempSync(join(tmpdir(), 'ft-home-')),
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the second instance exited (${child.exitCode}):\n${stderr}`);
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return base;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The same env for both instances: Teams only, loopback dev mode, the one database. */
function instanceEnv(on: StoreTarget): Record<string, string> {
  return on.engine === 'sqlite' ? teamsDevEnv(on.file, TENANT) : teamsDevEnv(':memory:', TENANT, { DATABASE_URL: on.url });
}

/** The channel digest as the scheduler builds it, delivered by instance A as a new channel thread. */
async function postDigest(app: App, connector: FakeConnector): Promise<ConnectorCall> {
  const now = new Date('2099-02-03T09:00:00Z');
  const commitments = await app.store.commitments.list(TENANT, { channel: CHANNEL, statuses: ['open', 'in_progress', 'blocked'] });
  const digest = buildDigest({ channelName: 'General', commitments, proposedCount: 0, changes: [], unreachable: [], now }) as Reply;
  const { messageId } = await app.chatAdapters.get('teams')!.deliver(CHANNEL, digest, { key: 'digest:two-instances' });
  const created = connector.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations').at(-1)!;
  const cut = messageId.lastIndexOf('|');
  return { ...created, body: created.body.activity, conversationId: messageId.slice(0, cut), answeredId: messageId.slice(cut + 1) };
}

const cardText = (card: unknown) => replyText({ attachments: [{ content: card }] });

describe.each(ENGINES)('two Teams instances on one %s database', (engine) => {
  it('patch two rows of one digest pressed on each at once: both rows stay patched, and every card posted meanwhile is kept', async () => {
    const on = await target(engine);
    const connector = await startFakeConnector();
    cleanups.push(() => connector.close());
    connector.roster.set(BOB.id, BOB);
    connector.roster.set(ALICE.id, ALICE);
    const env = instanceEnv(on);
    const app = await startApp({ ...env, PORT: '0' });
    cleanups.push(() => app.stop());
    const a = `http://127.0.0.1:${app.address!.port}`;
    const b = await startChildInstance(env, await freePort());

    await postActivity(a, fixture('installation-add', connector.url));
    const commands: string[] = [];
    for (const [title, due] of [
      ['Appoint liaison officers', '2099-02-05'],
      ['Operationalise border markets', '2099-02-06'],
      ['Set up a joint mechanism', '2099-02-07'],
    ]) {
      const add = channelMessage(connector.url, `add ${title} @bob due ${due}`, { mentions: [BOB] });
      commands.push(add.id);
      await postActivity(a, add);
    }
    const digest = await postDigest(app, connector);

    connector.holdUpdates(2);
    const messages = [a, b, a, b].map((to, i) => ({ to, activity: channelMessage(connector.url, i % 2 ? 'list' : 'list mine') }));
    const [pressA, pressB] = await Promise.all([
      postActivity(a, pressOnCard(connector.url, digest, 'done', 'C-1', { from: BOB })),
      postActivity(b, pressOnCard(connector.url, digest, 'done', 'C-2', { from: BOB })),
      ...messages.map((m) => postActivity(m.to, m.activity)),
    ]);

    const bothDone = (shown: string) => {
      expect(shown).toMatch(/Commitments digest for #General/);
      expect(shown).toMatch(/C-1 Appoint liaison officers\n.*done/);
      expect(shown).toMatch(/C-2 Operationalise border markets\n.*done/);
      expect(shown).toMatch(/C-3 Set up a joint mechanism/);
      expect(shown).toMatch(/✅ Bob Lee marked C-1 done/);
      expect(shown).toMatch(/✅ Bob Lee marked C-2 done/);
    };
    // Everyone sees the last update Teams applied to the digest; each presser sees its answer.
    const updates = connector.calls.filter((c) => c.method === 'PUT' && c.activityId === digest.answeredId);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    bothDone(replyText(updates.at(-1)!.body));
    for (const pressed of [pressA, pressB]) {
      expect(pressed.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      bothDone(cardText(pressed.body.value));
    }

    // Read back from the database by a store of its own, as a third instance would.
    const store = openTargetStore(on);
    cleanups.push(() => store.close());
    const kept = ((await store.channels.get(TENANT, CHANNEL))?.platformData as SentCardsData | undefined)?.sentCards ?? [];
    const keptDigest = kept.find((s) => s.activityId === digest.answeredId)!;
    // The kept digest, rendered as the next press would start from it.
    bothDone(cardText(renderAdaptiveCard(keptDigest.reply, { log: keptDigest.log })));
    // Every card either instance answered with (add, list, list mine) is still kept, with the digest.
    commands.push(...messages.map((m) => m.activity.id));
    const answeredWithCards = connector.calls
      .filter((c) => c.method === 'POST' && commands.includes(c.body?.replyToId) && c.body.attachments?.length)
      .map((c) => c.answeredId);
    expect(answeredWithCards).toHaveLength(commands.length);
    expect(kept.map((s) => s.activityId)).toEqual(expect.arrayContaining([digest.answeredId, ...answeredWithCards]));
  });
});
