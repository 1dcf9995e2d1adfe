/**
 * Applies pending migrations in order, each in its own IMMEDIATE transaction that re-reads what is
 * applied after taking the write lock: two processes opening one new file together (a second
 * instance, `status` during `start`) take turns instead of both creating the same tables.
 */
import type Database from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

export function migrate(db: Database.Database, migrations: Migration[] = allMigrations, upTo = Infinity): number {
  const ordered = [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version <= upTo);
  const applyNext = db.transaction((): boolean => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    const next = ordered.find((m) => !applied.has(m.version));
    if (!next) return false;
    db.exec(next.sql);
    next.backfill?.(db);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      next.version,
      next.name,
      new Date().toISOString(),
    );
    return true;
  });
  while (applyNext.immediate()) {
    // one migration per transaction, so a long backfill never holds the lock for all of them
  }
  return schemaVersion(db);
}

export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}
