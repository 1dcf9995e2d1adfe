/**
 * The store connection the scheduler thread works on (scheduler-worker.ts), also opened by the tick
 * benchmark so it measures the tick as the app runs it. SQLite: another connection on the same WAL
 * file, whose commits leave checkpointing to `checkpoint()` after each tick (see
 * `SqliteStoreOptions.autoCheckpoint`); PostgreSQL: a small pool of four. Housekeeping (statistics,
 * receipt pruning) stays with the main connection.
 */
import { nextReminderCalculator } from '../reminders/next-reminder.js';
import type { StoreConfig } from '../store/open-store.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

export function openSchedulerStore(config: StoreConfig): Store {
  const shared = { defaultTimeZone: config.FOLLOWTHROUGH_DEFAULT_TZ, nextReminderAt: nextReminderCalculator };
  if (config.DATABASE_URL)
    return new PostgresStore({ connectionString: config.DATABASE_URL, maxConnections: 4, maintenanceIntervalMs: 0, ...shared });
  return new SqliteStore({ file: config.FOLLOWTHROUGH_DB, maintenanceIntervalMs: 0, autoCheckpoint: false, ...shared });
}
