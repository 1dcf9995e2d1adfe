/**
 * Where a multi-process scheduler test keeps its data: a SQLite file or a PostgreSQL database. Opens
 * the real store on it, passes it to child processes as env, and reads the outbox back with plain SQL
 * (the same statements on both engines).
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Clock } from '../../src/ports/clock.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

export type StoreTarget = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export function openTargetStore(target: StoreTarget, clock?: Clock): Store {
  return target.engine === 'sqlite'
    ? new SqliteStore({ file: target.file, nextReminderAt: nextReminderCalculator, clock })
    : new PostgresStore({ connectionString: target.url, nextReminderAt: nextReminderCalculator, clock });
}

/** What a scheduler child reads to open the same store. */
export function targetEnv(target: StoreTarget): Record<string, string> {
  return target.engine === 'sqlite' ? { DB: target.file } : { DATABASE_URL: target.url };
}

/** Rows of a read-only query; numbers come back as numbers on both engines. */
export async function queryTarget<T extends Record<string, unknown>>(target: StoreTarget, sql: string): Promise<T[]> {
  if (target.engine === 'sqlite') {
    const db = new Database(target.file, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query(sql);
    return rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) && k === 'n' ? Number(v) : v])),
    ) as T[];
  } finally {
    await client.end();
  }
}

export async function outboxStates(target: StoreTarget): Promise<Record<string, number>> {
  const rows = await queryTarget<{ state: string; n: number }>(target, 'SELECT state, COUNT(*) AS n FROM outbox GROUP BY state');
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

export async function countWhere(target: StoreTarget, where: string): Promise<number> {
  const [row] = await queryTarget<{ n: number }>(target, `SELECT COUNT(*) AS n FROM outbox WHERE ${where}`);
  return row.n;
}
