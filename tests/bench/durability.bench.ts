/**
 * `npm run bench -- durability [--burst 200]`: what "acknowledged means on disk" costs, same run, same
 * machine. `add` through the core on SQLite three ways: `commit` (synchronous = FULL, an fsync inside
 * every commit on the event loop — the way before group commit), `group` (the default: NORMAL, and
 * each answer waits for a shared fsync of the WAL off the event loop — as durable) and `off` (no sync:
 * survives a process crash only; the floor). One by one, then a burst of adds at once. Headline: the
 * burst's time to answer all, group ÷ commit (and ÷ off).
 */
import { option } from './lib/bench-args.js';
import { runChild } from './lib/run-child.js';
import { Targets } from './lib/targets.js';

type Figures = { oneMs: number; burstAllMs: number; burstP90Ms: number; burstSyncs: number };
const burst = Number(option(process.argv.slice(2), 'burst', '200'));
const targets = new Targets();
try {
  const [commit, group, off] = [await targets.create('sqlite'), await targets.create('sqlite'), await targets.create('sqlite')];
  const r = await runChild<Record<'commit' | 'group' | 'off', Figures>>('lib/durability-child.ts', [
    JSON.stringify([{ commit: commit.file, group: group.file, off: off.file }, burst]),
  ]);
  const label = {
    commit: 'commit (FULL, fsync in each commit)',
    group: 'group (NORMAL + shared WAL fsync off the loop)',
    off: 'off (no sync, not durable)',
  };
  for (const m of ['commit', 'group', 'off'] as const) {
    const f = r[m];
    console.log(
      `${label[m]}: one add ${f.oneMs.toFixed(2)} ms · ${burst} at once: all answered ${f.burstAllMs.toFixed(0)} ms, p90 ${f.burstP90Ms.toFixed(0)} ms${m === 'group' ? `, ${f.burstSyncs} fsyncs` : ''} (medians)`,
    );
  }
  console.log(
    `${burst} adds at once, all answered, group ÷ commit: ${(r.group.burstAllMs / r.commit.burstAllMs).toFixed(2)}× (÷ off ${(r.group.burstAllMs / r.off.burstAllMs).toFixed(2)}×)`,
  );
} finally {
  await targets.dispose();
}
