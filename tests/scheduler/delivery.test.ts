// The tick + outbox + delivery loop in one process with a ManualClock and a real SQLite file:
// downtime coalescing, re-checks at send time, schedule/zone changes, and the error paths.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core.js';
import { ManualClock } from '../../src/ports/clock.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { DeliveryLoop } from '../../src/scheduler/delivery-loop.js';
import { dryRun } from '../../src/scheduler/dry-run.js';
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
let loop: DeliveryLoop;

beforeAll(async () => {
  await endpoint.start();
});
afterAll(async () => {
  await endpoint.stop();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ft-delivery-'));
  clock = new ManualClock('2024-03-14T10:00:00Z'); // Thursday
  store = new SqliteStore({ file: join(dir, 'ft.db'), nextReminderAt: nextReminderCalculator, clock });
  core = createCore({ store, clock });
  loop = new DeliveryLoop({
    store,
    clock,
    adapters: new Map([['fake', fakeEndpointAdapter(endpoint.url)]]),
    concurrency: 2,
    faults: { reached() {} },
    backoff: { baseMs: 1000, maxMs: 60_000 },
  });
  endpoint.received.length = 0;
  endpoint.script = () => undefined;
});
afterEach(async () => {
  await loop.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function say(text: string, channel = 'fake:ch1', user = { id: 'U1', name: 'alice' }) {
  return core.handle({
    workspace: { id: 'W1' },
    channel: { address: channel, isDirect: false },
    user: { ...user, tz: 'UTC', isAdmin: false },
    text,
    mentions: [{ id: 'U2', name: 'bob' }],
    receivedAt: clock.now(),
  });
}

async function tickAndDeliver(at: string): Promise<void> {
  clock.set(at);
  await runTick(store, clock.now(), quiet);
  await loop.drain();
}

const states = () =>
  Object.fromEntries(
    (store.db.prepare('SELECT state, COUNT(*) n FROM outbox GROUP BY state').all() as { state: string; n: number }[]).map((r) => [
      r.state,
      r.n,
    ]),
  );
const digests = () => endpoint.received.filter((r) => r.key.includes('|digest|'));

it('downtime of 3 hours → one late digest; of 3 days → only the last slot, the others recorded missed', async () => {
  await say('add Appoint liaison officers due 2024-03-15');
  await tickAndDeliver('2024-03-15T12:00:00Z'); // slot 09:00, back at 12:00
  expect(digests().map((d) => d.key)).toEqual(['W1|fake:ch1|digest|2024-03-15T09:00|']);
  await tickAndDeliver('2024-03-21T10:00:00Z'); // down Mon–Wed, back Thursday 10:00
  expect(digests().map((d) => d.key.split('|')[3])).toEqual(['2024-03-15T09:00', '2024-03-21T09:00']);
  expect(states().missed).toBe(3);
  expect(await store.outbox.stats(clock.now(), new Date(0))).toMatchObject({ depth: 0, missed: 3 });
});

it("a digest due at 09:00 is skipped when nothing needs attention (after the week's first, which lists everything open)", async () => {
  await say('add Write the annual report due 2024-12-01');
  clock.set('2024-03-15T09:00:00Z');
  await tickAndDeliver('2024-03-18T09:00:00Z');
  // Monday: the week's first digest lists items due later too, so nothing open is out of sight.
  expect(digests()).toHaveLength(1);
  await tickAndDeliver('2024-03-19T09:00:00Z');
  expect(digests()).toHaveLength(1);
  expect(store.db.prepare("SELECT last_error FROM outbox WHERE kind = 'digest' ORDER BY id DESC").get()).toEqual({
    last_error: 'nothing to report (digest skipped)',
  });
});

it('a time-zone or schedule change reschedules the digest', async () => {
  await say('add Appoint liaison officers due 2024-03-15');
  const next = () =>
    (store.db.prepare("SELECT next_reminder_at FROM channels WHERE address = 'fake:ch1'").get() as { next_reminder_at: string })
      .next_reminder_at;
  expect(next()).toBe('2024-03-15T09:00:00.000Z');
  await say('timezone Asia/Karachi');
  expect(next()).toBe('2024-03-15T04:00:00.000Z');
  const reply = await say('remind weekly mon 10:30');
  expect(reply.text).toContain('weekly mon 10:30');
  expect(next()).toBe('2024-03-18T05:30:00.000Z');
  await say('remind off');
  expect(next()).toBeNull();
});

it('an item done, snoozed or re-owned after its nudge was written is cancelled, not sent', async () => {
  await store.users.upsert({ workspaceId: 'W1', id: 'U1', name: 'alice', dmAddress: 'fake:dm-alice' });
  await store.users.upsert({ workspaceId: 'W1', id: 'U2', name: 'bob', dmAddress: 'fake:dm-bob' });
  await say('add Appoint liaison officers due 2024-03-15');
  await say('add Deploy officers due 2024-03-15');
  clock.set('2024-03-15T09:00:00Z');
  await runTick(store, clock.now(), quiet);
  const c1 = (await store.commitments.get('W1', 'C-1'))!;
  await store.commitments.update(
    'W1',
    'C-1',
    c1.version,
    { owners: [{ id: 'U2', name: 'bob' }] },
    { at: '2024-03-15T09:00:10Z', actor: { id: 'U1', name: 'alice' }, action: 'edited' },
  );
  await say('done C-2');
  await loop.drain();
  const nudges = endpoint.received.filter((r) => !r.key.includes('|digest|'));
  expect(nudges).toEqual([]);
  const cancelled = store.db.prepare("SELECT subject, last_error FROM outbox WHERE state = 'cancelled' ORDER BY subject").all();
  // Alice's one message for the day had C-1 and C-2: one re-owned, one done, so nothing is left to send.
  expect(cancelled).toEqual([{ subject: 'owner:U1', last_error: 'nothing due any more (done, snoozed or changed since)' }]);
  // The owner change moved the nudges: bob gets C-1's next step (+1 is Saturday → Monday).
  await tickAndDeliver('2024-03-18T09:00:00Z');
  const toOwners = endpoint.received.filter((r) => !r.key.includes('|digest|'));
  expect(toOwners.map((r) => [r.address, r.key.split('|')[1]])).toEqual([['fake:dm-bob', 'owner:U2']]);
});

it('RateLimited reschedules that address after Retry-After without holding up the others', async () => {
  await say('add A due 2024-03-15', 'fake:slow');
  await say('add B due 2024-03-15', 'fake:fast');
  endpoint.script = (body, seen) => (body.address === 'fake:slow' && seen === 0 ? { status: 429, retryAfterSeconds: 30 } : undefined);
  await tickAndDeliver('2024-03-15T09:00:00Z');
  expect(endpoint.received.map((r) => r.address)).toEqual(['fake:fast']);
  const slow = store.db.prepare("SELECT state, next_attempt_at, attempts FROM outbox WHERE address = 'fake:slow'").get();
  expect(slow).toEqual({ state: 'pending', next_attempt_at: '2024-03-15T09:00:30.000Z', attempts: 0 });
  endpoint.script = () => undefined;
  await tickAndDeliver('2024-03-15T09:00:31Z');
  expect(endpoint.received.map((r) => r.address)).toEqual(['fake:fast', 'fake:slow']);
});

it('Transient backs off exponentially (with jitter) and then delivers', async () => {
  await say('add A due 2024-03-15');
  endpoint.script = () => ({ status: 503 });
  await tickAndDeliver('2024-03-15T09:00:00Z');
  const first = store.db.prepare('SELECT attempts, next_attempt_at FROM outbox').get() as { attempts: number; next_attempt_at: string };
  expect(first.attempts).toBe(1);
  const wait1 = Date.parse(first.next_attempt_at) - clock.now().getTime();
  expect(wait1).toBeGreaterThanOrEqual(500);
  expect(wait1).toBeLessThan(1500);
  await tickAndDeliver(first.next_attempt_at);
  const second = store.db.prepare('SELECT attempts, next_attempt_at FROM outbox').get() as { attempts: number; next_attempt_at: string };
  const wait2 = Date.parse(second.next_attempt_at) - clock.now().getTime();
  expect(second.attempts).toBe(2);
  expect(wait2).toBeGreaterThanOrEqual(1000);
  expect(wait2).toBeLessThan(3000);
  endpoint.script = () => undefined;
  await tickAndDeliver(second.next_attempt_at);
  expect(endpoint.received).toHaveLength(1);
  expect(states()).toEqual({ sent: 1 });
});

it('Permanent fails the row, marks the address inactive and shows in status', async () => {
  await say('add A due 2024-03-15');
  endpoint.script = () => ({ status: 403 });
  await tickAndDeliver('2024-03-15T09:00:00Z');
  expect(states()).toEqual({ failed: 1 });
  const stats = await store.outbox.stats(clock.now(), new Date(0));
  expect(stats.inactive).toEqual([{ kind: 'channel', address: 'fake:ch1', reason: 'HTTP 403' }]);
  expect(stats.recentFailures.map((f) => f.error)).toEqual(['HTTP 403']);
  expect((await store.channels.get('W1', 'fake:ch1'))?.active).toBe(false);
});

it('the dry run says what a tick would send and records nothing', async () => {
  await store.users.upsert({ workspaceId: 'W1', id: 'U1', name: 'alice', dmAddress: 'fake:dm-alice' });
  await say('add Appoint liaison officers due 2024-03-15');
  const lines = await dryRun(store, new Date('2024-03-15T09:00:00Z'), quiet);
  expect(lines.map((l) => [l.kind, l.address, l.commitments])).toEqual([
    ['digest', 'fake:ch1', ['C-1']],
    ['owner-day', 'fake:dm-alice', ['C-1']],
  ]);
  expect(lines[1].text).toMatch(
    /^Your commitments, Fri 15 Mar — 1 due soon\nDue soon:\n {2}C-1 Appoint liaison officers — Due today \(Fri 15 Mar\)\./,
  );
  expect(states()).toEqual({});
});
