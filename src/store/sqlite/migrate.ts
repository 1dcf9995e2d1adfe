/** Applies pending migrations in order, each in its own transaction, recording the version. */
import type Database from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

export function migrate(db: Database.Database, migrations: Migration[] = allMigrations, upTo = Infinity): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version) && m.version <= upTo);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      migration.backfill?.(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
  }
  return schemaVersion(db);
}

export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}
