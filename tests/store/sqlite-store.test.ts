// The SQLite store on real files: the shared store contract, plus what only SQLite has (WAL, its migrations, online backup).
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../src/store/sqlite/migrate.js';
import { migrations } from '../../src/store/sqlite/migrations/index.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { runStoreContract } from './store-contract.js';
import { draft, log } from './store-fixtures.js';

runStoreContract('SQLite', async () => {
  const { file, remove } = tempDbPath();
  return {
    open: (options) => new SqliteStore({ file, ...options }),
    async exec(sql) {
      const db = new Database(file);
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    plans: (store, action) => sqlitePlans(store as SqliteStore, action),
    async dispose() {
      remove();
    },
  };
});

/** EXPLAIN QUERY PLAN of every read the store makes during `action`, on the store's own connection. */
async function sqlitePlans(store: SqliteStore, action: () => Promise<unknown>): Promise<string[]> {
  const seen: { sql: string; params: readonly unknown[] }[] = [];
  store.executor.observe((sql, params) => seen.push({ sql, params }));
  try {
    await action();
  } finally {
    store.executor.observe(undefined);
  }
  const bound = (params: readonly unknown[]) => Object.fromEntries(params.map((v, i) => [i + 1, v]));
  return seen
    .filter((s) => /^\s*SELECT/i.test(s.sql))
    .map((s) =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(bound(s.params)) as { detail: string }[]).map((r) => r.detail).join('; '),
    );
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function tempDb() {
  const db = tempDbPath();
  cleanups.push(db.remove);
  return db;
}

describe('SqliteStore', () => {
  it('runs in WAL mode with foreign keys on', async () => {
    const store = new SqliteStore({ file: tempDb().file });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    await store.close();
  });

  it('migrates a database from the previous schema without losing a row', async () => {
    const { file } = tempDb();
    const previous = migrations[migrations.length - 1].version - 1;
    const old = new Database(file);
    migrate(old, migrations, previous);
    expect(schemaVersion(old)).toBe(previous);
    old.prepare("INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'Old', '2024-01-01')").run();
    old
      .prepare(
        `INSERT INTO commitments (workspace_id, id, seq, channel, title, deadline, deadline_kind, time_zone, status, created_by_id, created_by_name, created_at, updated_at)
         VALUES ('w1', 'C-1', 1, 'test:general', 'Kept across migrations', '{"kind":"none","text":"","reference":"2024-01-01"}', 'none', 'UTC', 'open', 'alice', 'Alice', '2024-01-01', '2024-01-01')`,
      )
      .run();
    old.prepare("INSERT INTO counters (workspace_id, name, value) VALUES ('w1', 'commitment', 1)").run();
    old.close();

    const store = new SqliteStore({ file });
    expect(schemaVersion(store.db)).toBe(migrations[migrations.length - 1].version);
    expect((await store.commitments.get('w1', 'C-1'))?.title).toBe('Kept across migrations');
    expect((await store.commitments.create(draft(), log)).id).toBe('C-2');
    await store.close();
  });

  it('backs up a live database to a consistent copy', async () => {
    const db = tempDb();
    const store = new SqliteStore({ file: db.file });
    await store.commitments.create(draft(), log);
    const copyFile = `${db.dir}/copy/backup.db`;
    await store.backup(copyFile);
    await store.close();
    const copy = new SqliteStore({ file: copyFile });
    expect((await copy.commitments.get('w1', 'C-1'))?.title).toBe('Appoint liaison officers');
    await copy.close();
  });
});
