/**
 * Runs in a child process on a seeded workspace: a Done press on an item's card (the change and the
 * card rebuilt) against the baseline of rebuilding that same card alone (`show`), interleaved.
 */
import { createCore } from '../../../src/core.js';
import { ManualClock } from '../../../src/ports/clock.js';
import { openBenchStore } from './open-bench-store.js';
import { BENCH_SEED_AT, WORKSPACE, ZONES, parseArgs, seedLayout } from './bench-args.js';

const { target, commitments, channels } = parseArgs(process.argv.slice(2));
const clock = new ManualClock(BENCH_SEED_AT);
const store = openBenchStore(target, clock);
await store.ready?.();
const core = createCore({ store, clock });
const layout = seedLayout(commitments, channels);
/** Where the seed put item i (its channel and owner; see seed-child). */
const who = (i: number) => {
  const u = layout.ownerOf(i);
  return {
    workspace: { id: WORKSPACE },
    channel: { address: `bench:ch-${layout.channelOf(i)}`, isDirect: false },
    user: { id: `U${u}`, name: `user${u}`, tz: ZONES[u % ZONES.length], isAdmin: false },
    receivedAt: clock.now(),
  };
};
const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
const rebuild = (i: number) => core.handle({ ...who(i), text: `show C-${i}`, mentions: [] });
const press = async (i: number) => {
  const outcome = await core.act({ ...who(i), actionId: 'done', target: `C-${i}`, context: `item:C-${i}` });
  if (!outcome.ok || !outcome.refreshed) throw new Error(`the press failed: ${outcome.message}`);
};
const items = Array.from({ length: 110 }, (_, k) => 1_001 + k * 37).filter((i) => i <= commitments && i % 1_000 !== 0);
for (const i of items.slice(0, 10)) {
  await rebuild(i);
  await press(i);
}
const baseline: number[] = [];
const pressed: number[] = [];
for (const i of items.slice(10)) {
  baseline.push(await time(() => rebuild(i)));
  pressed.push(await time(() => press(i)));
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
await store.close();
process.stdout.write(`${JSON.stringify({ rebuildMs: median(baseline), pressMs: median(pressed), presses: pressed.length })}\n`);
