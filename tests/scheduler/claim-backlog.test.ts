// The delivery loop claims only what it can send within the lease. A fan-out to one workspace
// waits in line for the workspace's pacer; a loop that kept claiming while that line grew let every
// row reach the front with its lease nearly out, handed it back unsent and claimed it again — on a
// loaded machine three scheduler processes delivered nothing at all. Here each row is leased once.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { DeliveryLoop } from '../../src/scheduler/delivery-loop.js';
import { runTick } from '../../src/scheduler/tick.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { FakeEndpoint } from '../helpers/fake-endpoint.js';
import { fakeEndpointAdapter } from '../helpers/fake-endpoint-adapter.js';
import { seedChannels, SLOT_DAY } from '../helpers/scheduler-child-seed.js';
import { tempDbPath } from '../helpers/temp-db.js';

const endpoint = new FakeEndpoint();
const temp = tempDbPath('ft-claim-backlog-');
beforeAll(() => endpoint.start());
afterAll(async () => {
  await endpoint.stop();
  temp.remove();
});

it('a 200-message fan-out that takes longer than a lease: each row is claimed about once and sent exactly once', async () => {
  const ROWS = 200;
  await seedChannels(temp.file, ROWS);
  // A clock that runs at real speed from the slot, because leases are what this is about.
  const origin = Date.now();
  const clock = { now: () => new Date(Date.parse(`${SLOT_DAY}T09:00:30.000Z`) + (Date.now() - origin)) };
  const store = new SqliteStore({ file: temp.file, nextReminderAt: nextReminderCalculator, clock });
  let claimed = 0;
  const claim = store.outbox.claim.bind(store.outbox);
  store.outbox.claim = async (...args) => {
    const rows = await claim(...args);
    claimed += rows.length;
    return rows;
  };
  try {
    await runTick(store, clock.now(), parseQuietHours('20:00-08:00'));
    // Two sends at a time, 20 ms each: the fan-out takes about 2 s, longer than the 1.5 s a row may
    // wait before its lease is too short to send on. What the loop holds in line is sent in ~0.1 s.
    endpoint.delayMs = 20;
    const loop = new DeliveryLoop({
      store,
      clock,
      adapters: new Map([['fake', fakeEndpointAdapter(endpoint.url)]]),
      concurrency: 2,
      claimBatch: 4,
      leaseMs: 2_000,
      pollMs: 20,
      faults: { reached() {} },
    });
    loop.start();
    await vi.waitFor(async () => expect((await store.outbox.stats(clock.now(), clock.now())).depth).toBe(0), {
      timeout: 100_000,
      interval: 50,
    });
    await loop.stop();
    expect(endpoint.received).toHaveLength(ROWS);
    expect(endpoint.duplicates().size).toBe(0);
    // Each row leased once: the loop that kept claiming leased every row about twice (409 and 500
    // of 200 in two runs). A stall of over a second on a very loaded machine may still cost a row or two.
    expect(claimed).toBeLessThanOrEqual(ROWS * 1.1);
  } finally {
    endpoint.delayMs = 0;
    await store.close();
  }
}, 120_000);
