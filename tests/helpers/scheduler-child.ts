/**
 * A real scheduler process for crash tests: opens the SQLite file, ticks, and runs the delivery
 * loop against a FakeEndpoint until nothing is pending, then exits 0. SIGTERM stops it cleanly.
 * Env: DB, ENDPOINT, CLOCK_AT (ISO: the child's clock starts there and runs at real speed, shared
 * across restarts through CLOCK_ORIGIN_MS, and CLOCK_SPEED times faster — one clock shared by every
 * process, so leases mean the same to all), LEASE_MS, TICKS (extra ticks, one clock minute apart),
 * STAY (keep running until SIGTERM), FOLLOWTHROUGH_FAULT (read by the delivery loop itself).
 */
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { DeliveryLoop } from '../../src/scheduler/delivery-loop.js';
import { runTick } from '../../src/scheduler/tick.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { fakeEndpointAdapter } from './fake-endpoint-adapter.js';

const env = process.env;
const speed = Number(env.CLOCK_SPEED ?? 1);
const clock = { now: () => new Date(Date.parse(env.CLOCK_AT!) + (Date.now() - Number(env.CLOCK_ORIGIN_MS)) * speed) };
const store = new SqliteStore({ file: env.DB!, nextReminderAt: nextReminderCalculator, clock });
const quiet = parseQuietHours('20:00-08:00');
const loop = new DeliveryLoop({
  store,
  clock,
  adapters: new Map([['fake', fakeEndpointAdapter(env.ENDPOINT!)]]),
  concurrency: 4,
  leaseMs: Number(env.LEASE_MS ?? 1500),
  pollMs: 20,
  backoff: { baseMs: 20, maxMs: 200 },
});

let stopping = false;
process.once('SIGTERM', () => {
  stopping = true;
  void loop.stop(10_000).then(async () => {
    await store.close();
    process.exit(0);
  });
});

loop.start();
await runTick(store, clock.now(), quiet);
for (let i = 0; i < Number(env.TICKS ?? 0) && !stopping; i++) {
  await new Promise((r) => setTimeout(r, 60_000 / speed));
  await runTick(store, clock.now(), quiet);
  loop.wake();
}
process.stdout.write('ready\n');
while (!stopping) {
  const depth = (await store.outbox.stats(clock.now(), clock.now())).depth;
  if (depth === 0 && !env.STAY) break;
  await new Promise((r) => setTimeout(r, 25));
}
if (!stopping) {
  await loop.stop();
  await store.close();
  process.exit(0);
}
