/**
 * Runs in a child process: `add` through the core on three SQLite files, one per durability —
 * `commit` (SQLite fsyncs inside every commit, on the event loop: the way before group commit),
 * `group` (the default: commits share an fsync of the WAL off the event loop) and `off` (no sync at
 * commit: the floor, not durable). One by one (latency), then N at once (what a burst of Slack
 * commands does): time until all are answered, p90 answer, and how many fsyncs `group` made for
 * them. (What the event loop does meanwhile is `npm run bench -- ack-load`'s to show, over real HTTP.)
 */
import { createCore } from '../../../src/core.js';
import { ManualClock } from '../../../src/ports/clock.js';
import { nextReminderCalculator } from '../../../src/reminders/next-reminder.js';
import { NodeSyncFiles } from '../../../src/store/sqlite/durability-barrier.js';
import type { Durability } from '../../../src/store/sqlite/sqlite-executor.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { BENCH_SEED_AT, WORKSPACE, ZONES } from './bench-args.js';

const [files, burstSize] = JSON.parse(process.argv[2]) as [Record<Durability, string>, number];
const clock = new ManualClock(BENCH_SEED_AT);
let syncs = 0;
/** Counts the syncs of every store (each keeps its own open -wal file). */
class CountingSyncFiles extends NodeSyncFiles {
  override sync(path: string, options: { directory: boolean }): Promise<number> {
    syncs++;
    return super.sync(path, options);
  }
}
const open = (durability: Durability) => {
  const store = new SqliteStore({
    file: files[durability],
    durability,
    syncFiles: new CountingSyncFiles(),
    nextReminderAt: nextReminderCalculator,
    clock,
    maintenanceIntervalMs: 0,
  });
  return { store, core: createCore({ store, clock }) };
};
const modes = ['commit', 'group', 'off'] as const;
const opened = Object.fromEntries(modes.map((m) => [m, open(m)])) as Record<Durability, ReturnType<typeof open>>;
let n = 0;
const add = async (durability: Durability) => {
  const i = ++n;
  const start = performance.now();
  const reply = await opened[durability].core.handle({
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
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

for (let i = 0; i < 60; i++) await add(modes[i % 3]);
const oneByOne: Record<Durability, number[]> = { commit: [], group: [], off: [] };
for (let round = 0; round < 10; round++) for (const m of modes) for (let i = 0; i < 20; i++) oneByOne[m].push(await add(m));

/** A burst of `burstSize` adds at once, three rounds per mode, interleaved; medians of the rounds. */
const burst: Record<Durability, { allMs: number[]; p90Ms: number[]; syncs: number[] }> = {
  commit: { allMs: [], p90Ms: [], syncs: [] },
  group: { allMs: [], p90Ms: [], syncs: [] },
  off: { allMs: [], p90Ms: [], syncs: [] },
};
for (let round = 0; round < 3; round++) {
  for (const m of modes) {
    syncs = 0;
    const start = performance.now();
    const each = await Promise.all(Array.from({ length: burstSize }, () => add(m)));
    burst[m].allMs.push(performance.now() - start);
    burst[m].p90Ms.push(p90(each));
    burst[m].syncs.push(syncs);
  }
}
for (const m of modes) await opened[m].store.close();
const result = Object.fromEntries(
  modes.map((m) => [
    m,
    {
      oneMs: median(oneByOne[m]),
      burstAllMs: median(burst[m].allMs),
      burstP90Ms: median(burst[m].p90Ms),
      burstSyncs: median(burst[m].syncs),
    },
  ]),
);
process.stdout.write(`${JSON.stringify(result)}\n`);
