/** Opens the configured store: SQLite by default; PostgreSQL when DATABASE_URL is set. */
import type { NextReminderCalculator, Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export interface StoreConfig {
  FOLLOWTHROUGH_DB: string;
  DATABASE_URL?: string;
  FOLLOWTHROUGH_DEFAULT_TZ: string;
}

/** `nextReminderAt` (the reminder policy) is passed by the composition root so the store never imports it. */
export function openStore(config: StoreConfig, options: { nextReminderAt?: NextReminderCalculator } = {}): Store {
  if (config.DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is set, but the PostgreSQL store is not implemented yet. Unset DATABASE_URL to use SQLite (FOLLOWTHROUGH_DB).',
    );
  }
  return new SqliteStore({ file: config.FOLLOWTHROUGH_DB, defaultTimeZone: config.FOLLOWTHROUGH_DEFAULT_TZ, nextReminderAt: options.nextReminderAt });
}
