/** Runs in a child process: `add` through the core on two SQLite files, one synced at every commit (FULL) and one not (NORMAL), interleaved. */
import { createCore } from '../../../src/core.js';
import { ManualClock } from '../../../src/ports/clock.js';
import { nextReminderCalculator } from '../../../src/reminders/next-reminder.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { BENCH_SEED_AT, WORKSPACE, ZONES } from './bench-args.js';

const [fullFile, normalFile] = JSON.parse(process.argv[2]) as [string, string];
const clock = new ManualClock(BENCH_SEED_AT);
const open = (file: string, synchronous: 'FULL' | 'NORMAL') => {
  const store = new SqliteStore({ file, synchronous, nextReminderAt: nextReminderCalculator, clock, maintenanceIntervalMs: 0 });
  return { store, core: createCore({ store, clock }) };
};
const full = open(fullFile, 'FULL');
const normal = open(normalFile, 'NORMAL');
let n = 0;
const add = async (core: ReturnType<typeof open>['core']) => {
  const i = ++n;
  const start = performance.now();
  const reply = await core.handle({
    workspace: { id: WORKSPACE },
    channel: { address: `bench:ch-${i % 50}`, isDirect: false },
    user: { id: 'U1', name: 'user1', tz: ZONES[1], isAdmin: false },
    text: `add Deploy liaison officers ${i} tag:security due 2024-03-04 agreed 2024-03-01`,
    mentions: [],
    receivedAt: clock.now(),
  });
  if (!/added C-\d+/.test(reply.text)) throw new Error(`add failed: ${reply.text}`);
  return performance.now() - start;
};
for (let i = 0; i < 60; i++) await add(i % 2 ? full.core : normal.core);
const times = { FULL: [] as number[], NORMAL: [] as number[] };
for (let round = 0; round < 10; round++) {
  for (let i = 0; i < 20; i++) times.FULL.push(await add(full.core));
  for (let i = 0; i < 20; i++) times.NORMAL.push(await add(normal.core));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await full.store.close();
await normal.store.close();
process.stdout.write(`${JSON.stringify({ fullMs: median(times.FULL), normalMs: median(times.NORMAL) })}\n`);
