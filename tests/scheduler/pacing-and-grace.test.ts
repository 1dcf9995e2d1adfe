// Two delivery rules: sends to one address are spaced (Slack's ~1 message/s per channel) without
// holding up other addresses, and a digest held up past its grace window is recorded missed, not sent late.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core.js';
import { ManualClock } from '../../src/ports/clock.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { DeliveryLoop } from '../../src/scheduler/delivery-loop.js';
import { runTick } from '../../src/scheduler/tick.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { FakeEndpoint } from '../helpers/fake-endpoint.js';
import { fakeEndpointAdapter } from '../helpers/fake-endpoint-adapter.js';

const quiet = parseQuietHours('20:00-08:00');
const endpoint = new FakeEndpoint();
let dir: string;
let clock: ManualClock;
let store: SqliteStore;
let core: Core;

beforeAll(() => endpoint.start());
afterAll(() => endpoint.stop());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ft-pacing-'));
  clock = new ManualClock('2024-03-14T10:00:00Z');
  store = new SqliteStore({ file: join(dir, 'ft.db'), nextReminderAt: nextReminderCalculator, clock });
  core = createCore({ store, clock });
  endpoint.received.length = 0;
  endpoint.script = () => undefined;
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function loop(): DeliveryLoop {
  return new DeliveryLoop({
    store,
    clock,
    adapters: new Map([['fake', fakeEndpointAdapter(endpoint.url)]]),
    concurrency: 2,
    faults: { reached() {} },
    quietHours: quiet,
  });
}

async function add(text: string, channel: string, userId = 'U1') {
  await core.handle({
    workspace: { id: 'W1' },
    channel: { address: channel, isDirect: false },
    user: { id: userId, name: userId, tz: 'UTC', isAdmin: false },
    text,
    mentions: [],
    receivedAt: clock.now(),
  });
}

it('spaces two sends to one address a second apart, and does not hold up another address', async () => {
  await add('add Appoint officers due 2024-03-15', 'fake:ch1');
  await add('add Open markets due 2024-03-15', 'fake:ch2', 'U2');
  // Two owners whose messages land on one address (a shared group DM): two sends, a second apart.
  await store.users.upsert({ workspaceId: 'W1', id: 'U1', dmAddress: 'fake:dm-U1' });
  await store.users.upsert({ workspaceId: 'W1', id: 'U2', dmAddress: 'fake:dm-U1' });
  clock.set('2024-03-15T09:00:00Z');
  await runTick(store, clock.now(), quiet);
  const delivery = loop();
  await delivery.drain();
  // Two owners' daily messages to the same address (C-1 and C-2 are both due today); the second waits its turn.
  const toDm = endpoint.received.filter((r) => r.address === 'fake:dm-U1');
  expect(toDm).toHaveLength(1);
  expect(
    endpoint.received
      .filter((r) => r.key.includes('|digest|'))
      .map((r) => r.address)
      .sort(),
  ).toEqual(['fake:ch1', 'fake:ch2']);
  clock.advance(1_000);
  await delivery.drain();
  expect(endpoint.received.filter((r) => r.address === 'fake:dm-U1')).toHaveLength(2);
  await delivery.stop();
});

it('records a digest still pending after its grace window as missed instead of sending it late', async () => {
  await add('add Appoint officers due 2024-03-15', 'fake:ch1');
  clock.set('2024-03-15T09:00:00Z');
  await runTick(store, clock.now(), quiet);
  // The process was down from 09:00 until 19:00: the 09:00 row is still pending.
  clock.set('2024-03-15T19:00:00Z');
  const delivery = loop();
  await delivery.drain();
  expect(endpoint.received.filter((r) => r.key.includes('|digest|'))).toEqual([]);
  const row = store.db.prepare("SELECT state, last_error FROM outbox WHERE key LIKE '%|digest|%'").get() as { state: string };
  expect(row.state).toBe('missed');
  await delivery.stop();
});

it('after a crash mid-send, looks for the tagged post before sending again (adapters with findByKey)', async () => {
  await add('add Appoint officers due 2024-03-15', 'fake:ch1');
  clock.set('2024-03-15T09:00:00Z');
  await runTick(store, clock.now(), quiet);
  // A process leased the digest and died before recording it.
  const [leased] = await store.outbox.claim('dead-process', clock.now(), 60_000, 1);
  expect(leased.interrupted).toBe(false);
  clock.advance(120_000);
  const sent: string[] = [];
  const lookedUp: string[] = [];
  const adapter = {
    platform: 'fake',
    async deliver(_address: string, _reply: unknown, { key }: { key: string }) {
      sent.push(key);
      return { messageId: 'new' };
    },
    async update() {},
    async findByKey(_address: string, key: string) {
      lookedUp.push(key);
      return key === leased.key ? { messageId: 'posted-before-the-crash' } : undefined;
    },
  };
  const delivery = new DeliveryLoop({
    store,
    clock,
    adapters: new Map([['fake', adapter]]),
    concurrency: 1,
    faults: { reached() {} },
    quietHours: quiet,
  });
  await delivery.drain();
  expect(lookedUp).toEqual([leased.key]);
  expect(sent).not.toContain(leased.key);
  expect(await store.outbox.get(leased.id)).toMatchObject({ state: 'sent', messageId: 'posted-before-the-crash', interrupted: true });
  await delivery.stop();
});
