/** Opens the configured store: SQLite by default; PostgreSQL when DATABASE_URL is set. */
import type { Clock } from '../ports/clock.js';
import type { NextReminderCalculator, Store } from './store.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export interface StoreConfig {
  FOLLOWTHROUGH_DB: string;
  DATABASE_URL?: string;
  FOLLOWTHROUGH_DEFAULT_TZ: string;
}

export interface OpenStoreOptions {
  /** The reminder policy, passed by the composition root so the store never imports it. */
  nextReminderAt?: NextReminderCalculator;
  clock?: Clock;
}

/** PostgreSQL opens in the background; call `store.ready?.()` to fail fast on a bad DATABASE_URL. */
export function openStore(config: StoreConfig, options: OpenStoreOptions = {}): Store {
  const shared = { defaultTimeZone: config.FOLLOWTHROUGH_DEFAULT_TZ, nextReminderAt: options.nextReminderAt, clock: options.clock };
  if (config.DATABASE_URL) return new PostgresStore({ connectionString: config.DATABASE_URL, ...shared });
  return new SqliteStore({ file: config.FOLLOWTHROUGH_DB, ...shared });
}
