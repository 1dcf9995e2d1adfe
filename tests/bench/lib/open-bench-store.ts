/**
 * The store a benchmark child measures, opened as the app opens it. `BENCH_SQLITE_DURABILITY=commit`
 * opens SQLite as it was before group commit (FULL: an fsync inside every commit, on the event loop),
 * `off` without any sync at commit, to show what durability costs (`BENCH_SQLITE_SYNC=FULL|NORMAL`,
 * the older names, mean the same two).
 */
import type { Clock } from '../../../src/ports/clock.js';
import { nextReminderCalculator } from '../../../src/reminders/next-reminder.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Durability } from '../../../src/store/sqlite/sqlite-executor.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/store.js';
import type { Target } from './bench-args.js';

const OLD_NAMES: Record<string, Durability> = { FULL: 'commit', NORMAL: 'off' };

/** The durability the environment asks for, if any. */
export function benchDurability(): Durability | undefined {
  const asked = process.env.BENCH_SQLITE_DURABILITY ?? OLD_NAMES[process.env.BENCH_SQLITE_SYNC ?? ''];
  return asked === 'group' || asked === 'commit' || asked === 'off' ? asked : undefined;
}

export function openBenchStore(target: Target, clock: Clock): Store {
  const durability = benchDurability();
  if (target.file && durability) {
    return new SqliteStore({ file: target.file, durability, nextReminderAt: nextReminderCalculator, clock, maintenanceIntervalMs: 0 });
  }
  return openStore(
    { FOLLOWTHROUGH_DB: target.file ?? 'unused.db', DATABASE_URL: target.url, FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' },
    { nextReminderAt: nextReminderCalculator, clock },
  );
}
