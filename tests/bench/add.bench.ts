/**
 * `npm run bench -- add [--size 100k] [--engines sqlite,postgres]`: `add` through the core in a workspace of
 * `--size` commitments against the same `add` in an empty one, in one child process. Target (issue 12): ≤ 1.5×.
 */
import { childArgs, formatSize, option, parseSize } from './lib/bench-args.js';
import { benchDurability } from './lib/open-bench-store.js';
import { runChild } from './lib/run-child.js';
import { Targets, type Engine } from './lib/targets.js';

const argv = process.argv.slice(2);
const size = parseSize(option(argv, 'size', '100k'));
const targets = new Targets();
const missing = targets.postgresMissing();
const engines = option(argv, 'engines', missing ? 'sqlite' : 'sqlite,postgres').split(',') as Engine[];
if (missing) console.log(`(PostgreSQL skipped: ${missing})`);
const headline: string[] = [];
const durability = benchDurability();
const sync = durability ? ` (SQLite durability = ${durability})` : '';
try {
  for (const engine of engines) {
    const [empty, seeded] = [await targets.create(engine), await targets.create(engine)];
    await runChild('lib/seed-child.ts', childArgs({ target: seeded, commitments: size, channels: Math.min(size, 1_000) }));
    const r = await runChild<{ zeroMs: number; seededMs: number }>('lib/add-child.ts', [JSON.stringify([empty, seeded])]);
    console.log(
      `${engine}: add at 0 commitments ${r.zeroMs.toFixed(2)} ms · at ${formatSize(size)} ${r.seededMs.toFixed(2)} ms (medians of 200)`,
    );
    headline.push(`${engine} ${(r.seededMs / r.zeroMs).toFixed(2)}×`);
  }
} finally {
  await targets.dispose();
}
console.log(`add at ${formatSize(size)} ÷ add at 0: ${headline.join(' · ')}${sync}`);
