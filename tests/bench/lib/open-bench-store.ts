/** The store a benchmark child measures, opened as the app opens it; `BENCH_SQLITE_SYNC=NORMAL` opens SQLite without fsync at commit, to show what the sync costs. */
import type { Clock } from '../../../src/ports/clock.js';
import { nextReminderCalculator } from '../../../src/reminders/next-reminder.js';
import { openStore } from '../../../src/store/open-store.js';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/store.js';
import type { Target } from './bench-args.js';

export function openBenchStore(target: Target, clock: Clock): Store {
  const sync = process.env.BENCH_SQLITE_SYNC;
  if (target.file && (sync === 'NORMAL' || sync === 'FULL')) {
    return new SqliteStore({
      file: target.file,
      synchronous: sync,
      nextReminderAt: nextReminderCalculator,
      clock,
      maintenanceIntervalMs: 0,
    });
  }
  return openStore(
    { FOLLOWTHROUGH_DB: target.file ?? 'unused.db', DATABASE_URL: target.url, FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' },
    { nextReminderAt: nextReminderCalculator, clock },
  );
}
