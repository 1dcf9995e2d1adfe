/**
 * `npm run bench -- press [--size 100k] [--engines sqlite,postgres]`: a Done press on an item's card in a
 * workspace of `--size` commitments (the change, then the card rebuilt in place) against rebuilding the same
 * card alone, in one child process. Target (issue 12): ≤ 2×.
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
    const target = await targets.create(engine);
    const args = childArgs({ target, commitments: size, channels: 1_000 });
    await runChild('lib/seed-child.ts', args);
    const r = await runChild<{ rebuildMs: number; pressMs: number; presses: number }>('lib/press-child.ts', args);
    console.log(
      `${engine} at ${formatSize(size)}: Done press ${r.pressMs.toFixed(2)} ms · card rebuild alone ${r.rebuildMs.toFixed(2)} ms (medians of ${r.presses})`,
    );
    headline.push(`${engine} ${(r.pressMs / r.rebuildMs).toFixed(2)}×`);
  }
} finally {
  await targets.dispose();
}
console.log(`Done press ÷ card rebuild at ${formatSize(size)}: ${headline.join(' · ')}${sync}`);
