/** Runs in a child process: `add` through the core on an empty workspace and on a seeded one, interleaved so both see the same machine. */
import { createCore } from '../../../src/core.js';
import { ManualClock } from '../../../src/ports/clock.js';
import { openBenchStore } from './open-bench-store.js';
import { BENCH_SEED_AT, WORKSPACE, ZONES, type Target } from './bench-args.js';

const [empty, seeded] = JSON.parse(process.argv[2]) as [Target, Target];
const clock = new ManualClock(BENCH_SEED_AT);
const open = (target: Target) => {
  const store = openBenchStore(target, clock);
  return { store, core: createCore({ store, clock }) };
};
const a = open(empty);
const b = open(seeded);
await a.store.ready?.();
await b.store.ready?.();
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
  const ms = performance.now() - start;
  if (!/added C-\d+/.test(reply.text)) throw new Error(`add failed: ${reply.text}`);
  return ms;
};
for (let i = 0; i < 20; i++) {
  await add(a.core);
  await add(b.core);
}
const atZero: number[] = [];
const atSeeded: number[] = [];
for (let round = 0; round < 10; round++) {
  for (let i = 0; i < 20; i++) atZero.push(await add(a.core));
  for (let i = 0; i < 20; i++) atSeeded.push(await add(b.core));
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
await a.store.close();
await b.store.close();
process.stdout.write(`${JSON.stringify({ zeroMs: median(atZero), seededMs: median(atSeeded) })}\n`);
