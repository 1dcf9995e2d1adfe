/**
 * Presses on shared Teams messages with real Bot Framework activities against a local connector: a
 * digest stays that digest (only the pressed row changes, plus "✅ … marked C-1 done"), for the
 * presser (invoke response) and everyone (updateActivity); a refused or crafted press updates no
 * message and answers the presser alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App } from '../../src/main.js';
import { buildDigest } from '../../src/reminders/digest.js';
import type { Reply } from '../../src/replies/reply.js';
import { type ConnectorCall, type FakeConnector } from '../helpers/fake-connector.js';
import {
  BOB,
  CHANNEL_ID,
  TENANT,
  channelMessage,
  executeActions,
  fixture,
  postActivity,
  pressOnCard,
  replyText,
} from '../helpers/fake-connector-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.js';

const CHANNEL = `teams:${TENANT}:${CHANNEL_ID}`;
let teams: TeamsHarness;
let connector: FakeConnector;
let app: App;
let base: string;

beforeAll(async () => {
  teams = await startTeamsHarness();
  ({ connector, app, base } = teams);
  await postActivity(base, fixture('installation-add', connector.url));
  for (const [title, due] of [
    ['Appoint liaison officers', '2099-02-05'],
    ['Operationalise border markets', '2099-02-06'],
    ['Set up a joint mechanism', '2099-02-07'],
  ]) {
    await postActivity(base, channelMessage(connector.url, `add ${title} @bob due ${due}`, { mentions: [BOB] }));
  }
});
afterAll(async () => {
  await teams?.stop();
});

/** The channel digest as the scheduler builds it, delivered as a new channel thread the way the outbox does. */
async function postDigest(): Promise<ConnectorCall> {
  const now = new Date('2099-02-03T09:00:00Z');
  const commitments = await app.store.commitments.list(TENANT, { channel: CHANNEL, statuses: ['open', 'in_progress', 'blocked'] });
  const digest = buildDigest({ channelName: 'General', commitments, proposedCount: 0, changes: [], unreachable: [], now }) as Reply;
  const { messageId } = await app.chatAdapters.get('teams')!.deliver(CHANNEL, digest, { key: `digest:${Math.random()}` });
  const created = connector.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations').at(-1)!;
  const [conversationId, activityId] = [messageId.slice(0, messageId.lastIndexOf('|')), messageId.slice(messageId.lastIndexOf('|') + 1)];
  return { ...created, body: created.body.activity, conversationId, answeredId: activityId };
}

const cardText = (card: unknown) => replyText({ attachments: [{ content: card }] });
const sinceCall = (n: number) => connector.calls.slice(n);

describe('a press on a Teams channel digest', () => {
  it('updates that row in place and says who did it; the digest keeps its title and other rows, for everyone', async () => {
    const digest = await postDigest();
    const before = cardText(digest.body.attachments[0].content);
    expect(before).toMatch(/Commitments digest for #General/);
    const mark = connector.calls.length;
    const pressed = await postActivity(base, pressOnCard(connector.url, digest, 'done', 'C-1', { from: BOB }));
    expect(pressed.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const edit = sinceCall(mark).find((c) => c.method === 'PUT')!;
    expect(edit.activityId).toBe(digest.answeredId);
    for (const shown of [cardText(pressed.body.value), replyText(edit.body)]) {
      expect(shown).toMatch(/Commitments digest for #General/);
      expect(shown).toMatch(/C-2 Operationalise border markets/);
      expect(shown).toMatch(/C-3 Set up a joint mechanism/);
      expect(shown).not.toMatch(/Commitments in this channel/);
      expect(shown).toMatch(/C-1 Appoint liaison officers\n.*done/);
      expect(shown.trim().split('\n').at(-1)).toMatch(/^✅ Bob Lee marked C-1 done: Appoint liaison officers \(done /);
    }
    const buttons = executeActions(pressed.body.value).map((a) => `${a.verb} ${a.data.action.id}`);
    expect(buttons).toEqual(expect.arrayContaining(['reopen C-1', 'done C-2', 'done C-3']));
    expect(buttons).not.toContain('done C-1');
    // A second press on the updated digest adds its own line under the first.
    const second = await postActivity(
      base,
      pressOnCard(connector.url, { ...digest, body: edit.body }, 'status', 'C-2', { from: BOB, inputs: { choice: 'blocked' } }),
    );
    const lines = cardText(second.body.value).trim().split('\n');
    expect(lines.at(-2)).toMatch(/^✅ Bob Lee marked C-1 done: /);
    expect(lines.at(-1)).toBe('🔄 Bob Lee set C-2 to blocked');
  });

  it('a refused press updates no message; the presser alone reads why', async () => {
    const digest = await postDigest();
    await postActivity(base, channelMessage(connector.url, 'done C-3'));
    const mark = connector.calls.length;
    const refused = await postActivity(base, pressOnCard(connector.url, digest, 'status', 'C-3', { inputs: { choice: 'in-progress' } }));
    expect(refused.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(refused.body.value).toMatch(/C-3 is done; reopen it first/);
    expect(sinceCall(mark).some((c) => c.method === 'PUT' || c.method === 'POST')).toBe(false);
  });
});

describe('a crafted Teams press (typed actions, never command text)', () => {
  const cases: [string, (data: any) => any, string?][] = [
    ['an id that smuggles more words', (d) => ({ ...d, action: { kind: 'done', id: 'C-2 title Pwned' } })],
    ['a kind no button has', (d) => ({ ...d, action: { kind: 'edit', id: 'C-2', choice: 'title Pwned' } }), 'edit'],
    ['the old untyped shape', () => ({ target: 'C-2 title Pwned', context: 'list:' })],
    ['a context that smuggles a command', (d) => ({ ...d, context: 'list:; edit C-2 title Pwned' })],
    ['a choice the button does not offer', (d) => ({ ...d, action: { kind: 'done', id: 'C-2', choice: 'title Pwned' } })],
    [
      'an input value carrying more words',
      (d) => ({ ...d, action: { kind: 'snooze', id: 'C-2' }, inputId: 'v', v: '1d title Pwned' }),
      'snooze',
    ],
  ];

  it.each(cases)('%s: a friendly refusal to the presser, nothing changed, no message updated', async (_name, craft, verb = 'done') => {
    const digest = await postDigest();
    const state = JSON.stringify(await app.store.commitments.list(TENANT, {}));
    const invoke = pressOnCard(connector.url, digest, 'done', 'C-2');
    invoke.value.action = { ...invoke.value.action, verb, data: craft(invoke.value.action.data) };
    const mark = connector.calls.length;
    const refused = await postActivity(base, invoke);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(refused.body.value).toMatch(/not one I know.*Nothing was changed/);
    expect(sinceCall(mark).some((c) => c.method === 'PUT' || c.method === 'POST')).toBe(false);
    expect(JSON.stringify(await app.store.commitments.list(TENANT, {}))).toBe(state);
  });
});

describe('a Teams conversation marked inactive comes back', () => {
  const inactive = async () => (await app.store.outbox.stats(new Date(), new Date(0))).inactive.map((a) => a.address);
  const markInactive = () =>
    app.store.channels.upsert({
      workspaceId: TENANT,
      address: CHANNEL,
      active: false,
      inactiveReason: 'Followthrough was removed from this Teams conversation',
    });

  it('when the bot is installed again', async () => {
    await markInactive();
    expect(await inactive()).toContain(CHANNEL);
    await postActivity(base, fixture('installation-add', connector.url));
    expect((await app.store.channels.get(TENANT, CHANNEL))?.active).toBe(true);
    expect(await inactive()).not.toContain(CHANNEL);
  });

  it('when anyone writes to it there', async () => {
    await markInactive();
    await postActivity(base, channelMessage(connector.url, 'list'));
    expect((await app.store.channels.get(TENANT, CHANNEL))?.active).toBe(true);
    expect(await inactive()).not.toContain(CHANNEL);
  });
});

describe('two presses on one Teams digest arriving together', () => {
  it('each patches the card as the other left it: both rows done, both lines, for everyone and as remembered', async () => {
    for (const title of ['Brief the Senate', 'Brief the Assembly'])
      await postActivity(base, channelMessage(connector.url, `add ${title} @bob due 2099-02-08`, { mentions: [BOB] }));
    const digest = await postDigest();
    const [a, b] = executeActions(digest.body.attachments[0].content)
      .filter((x) => x.verb === 'done')
      .map((x) => x.data.action.id as string)
      .slice(-2);
    const mark = connector.calls.length;
    // Sent at once, as two people pressing within the same moment: neither waits for the other's answer.
    const [first, second] = await Promise.all([
      postActivity(base, pressOnCard(connector.url, digest, 'done', a, { from: BOB })),
      postActivity(base, pressOnCard(connector.url, digest, 'done', b, { from: BOB })),
    ]);
    for (const answered of [first, second]) expect(answered.body).toMatchObject({ type: 'application/vnd.microsoft.card.adaptive' });
    const edits = sinceCall(mark).filter((c) => c.method === 'PUT' && c.activityId === digest.answeredId);
    expect(edits).toHaveLength(2);
    // The card everyone sees now: the last edit Teams received.
    const shown = replyText(edits.at(-1)!.body);
    for (const id of [a, b]) {
      expect(shown).toMatch(new RegExp(`marked ${id} done`));
      expect(shown).toMatch(new RegExp(`${id} [^\\n]+\\n[^\\n]*done `));
    }
    expect(shown).toMatch(/Commitments digest for #General/);
    // What the adapter keeps for the next press agrees: both rows patched, both lines.
    const kept = ((await app.store.channels.get(TENANT, CHANNEL))?.platformData as any).sentCards.find(
      (s: any) => s.activityId === digest.answeredId,
    );
    expect(kept.log).toHaveLength(2);
    const rows = kept.reply.card.sections.flatMap((s: any) => s.items ?? []);
    for (const id of [a, b]) expect(rows.find((r: any) => r.id === id).lines.join(' ')).toMatch(/^done /);
  });
});
