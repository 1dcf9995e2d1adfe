/**
 * `npm run bench -- tick [--sizes 10k,100k,1M] [--engines sqlite,postgres]` (@bench-slow: 1M takes minutes to seed).
 * One real scheduler tick at each size, 10,000 channels in 24 zones, ~0.1% due, against the ideal
 * indexed query for the same due rows measured in the same child process. Prints rows read vs due,
 * the plan of every distinct statement the tick ran, and peak RSS. Targets (issue 12): SQLite 1M ≤ 100 ms
 * and ≤ 3× ideal; PostgreSQL ≤ 3×; RSS < 300 MB; cost per due row flat across sizes (printed last but one).
 * The tick runs on the connection the scheduler thread opens (openSchedulerStore); on SQLite that
 * connection leaves checkpoints to the thread, after each tick, and the bench prints that time apart.
 * The seed spreads the due rows over their own owners (2,000–10,000 users), channels and all 24 zones
 * (`seedLayout`). To see where a tick's time goes, run the child by hand with `TICK_CPU_PROFILE=<file>`
 * (tests/bench/lib/tick-child.ts): it profiles the measured tick alone.
 */
import { childArgs, formatSize, option, parseSize } from './lib/bench-args.js';
import { runChild } from './lib/run-child.js';
import { Targets, type Engine } from './lib/targets.js';

interface TickResult {
  total: number;
  due: number;
  written: number;
  tickMs: number;
  tickRuns: number[];
  idealMs: number;
  idealWarmMs: number;
  idealPlan: string;
  statements: number;
  dbMs: number;
  checkpointMs: number;
  rowsReturned: number;
  tuplesRead: number;
  plans: { count: number; rows: number; sql: string; plan: string }[];
  peakRssMb: number;
}

const argv = process.argv.slice(2);
const sizes = option(argv, 'sizes', '10k,100k,1M').split(',').map(parseSize);
const targets = new Targets();
const missing = targets.postgresMissing();
const engines = option(argv, 'engines', missing ? 'sqlite' : 'sqlite,postgres').split(',') as Engine[];
if (missing && engines.includes('postgres')) throw new Error(`PostgreSQL: ${missing}`);
if (missing) console.log(`(PostgreSQL skipped: ${missing})`);
const CHANNELS = 10_000;

const headline: string[] = [];
/** Per engine: tick ms per due row at each size, to show cost grows with due rows, not total rows. */
const perDue = new Map<Engine, { size: number; ms: number }[]>();
try {
  for (const engine of engines) {
    for (const size of sizes) {
      const target = await targets.create(engine);
      const args = childArgs({ target, commitments: size, channels: CHANNELS });
      const { seedMs } = await runChild<{ seedMs: number }>('lib/seed-child.ts', args);
      const r = await runChild<TickResult>('lib/tick-child.ts', args);
      const ratio = r.tickMs / r.idealMs;
      console.log(
        `\n${engine} ${formatSize(size)} commitments (seeded in ${(seedMs / 1000).toFixed(1)} s): ${r.due} due, ${r.written} outbox rows written`,
      );
      console.log(
        `  tick ${r.tickMs.toFixed(1)} ms · ideal indexed query ${r.idealMs.toFixed(2)} ms (medians of ${r.tickRuns.length} paired runs, each after the rows are put back) · ratio ${ratio.toFixed(1)}× · peak RSS ${r.peakRssMb.toFixed(0)} MB`,
      );
      console.log(
        `  (the ideal run back to back, on a page cache nothing invalidated: ${r.idealWarmMs.toFixed(2)} ms; each tick and its paired ideal run come right after the rows are put back)`,
      );
      console.log(
        `  of the tick: ${r.dbMs.toFixed(1)} ms waiting on the database (${(r.dbMs / r.idealMs).toFixed(1)}× ideal), ${(r.tickMs - r.dbMs).toFixed(1)} ms in the app (reminder policy, mapping, BEGIN/COMMIT)`,
      );
      if (engine === 'sqlite')
        console.log(
          `  then the scheduler thread's WAL checkpoint: ${r.checkpointMs.toFixed(1)} ms (after the tick has answered; not in the tick's time)`,
        );
      const server =
        Number.isNaN(r.tuplesRead) || r.tuplesRead === null
          ? ''
          : ` · ${r.tuplesRead} tuples read by the server (${(r.tuplesRead / Math.max(1, r.due)).toFixed(1)} per due row)`;
      console.log(
        `  ${r.statements} statements, ${r.rowsReturned} rows returned to the app (${(r.rowsReturned / Math.max(1, r.due)).toFixed(1)} per due row)${server}`,
      );
      console.log(`  ideal plan: ${r.idealPlan}`);
      for (const p of r.plans.slice(0, 8))
        console.log(`  ${String(p.count).padStart(6)}× ${p.sql}${p.plan ? `\n           plan: ${p.plan}` : ''}`);
      headline.push(
        `${engine} ${formatSize(size)} ${r.tickMs.toFixed(0)} ms = ${ratio.toFixed(1)}× ideal (database part ${(r.dbMs / r.idealMs).toFixed(1)}×, RSS ${r.peakRssMb.toFixed(0)} MB)`,
      );
      perDue.set(engine, [...(perDue.get(engine) ?? []), { size, ms: r.tickMs / Math.max(1, r.due) }]);
    }
  }
} finally {
  await targets.dispose();
}
for (const [engine, points] of perDue) {
  if (points.length < 2) continue;
  const [small, big] = [points[0], points[points.length - 1]];
  console.log(
    `${engine}: tick per due row ${small.ms.toFixed(3)} ms at ${formatSize(small.size)}, ${big.ms.toFixed(3)} ms at ${formatSize(big.size)} (${(big.ms / small.ms).toFixed(2)}× for ${big.size / small.size}× the rows)`,
  );
}
console.log(`\ntick vs ideal indexed query: ${headline.join(' · ')}`);
