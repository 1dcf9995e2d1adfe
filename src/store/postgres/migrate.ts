/** Applies pending PostgreSQL migrations in one transaction under an advisory lock, so instances starting together take turns. */
import type pg from 'pg';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

/** Any fixed number works; it only has to be the same in every instance. */
const MIGRATION_LOCK = 73_620_001;

export async function migrate(pool: pg.Pool, migrations: Migration[] = allMigrations, upTo = Infinity): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version) && m.version <= upTo);
    for (const migration of pending) {
      await client.query(migration.sql);
      await migration.backfill?.(client);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return schemaVersion(pool);
}

export async function schemaVersion(sql: Pick<pg.Pool, 'query'>): Promise<number> {
  const { rows } = await sql.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}
