// A database written by an earlier version opens and migrates: migration 6's backfill of users'
// name keys ran a write while iterating a read, which better-sqlite3 refuses, so every existing
// database with a user in it failed to open ("This database connection is busy executing a query").
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../src/store/sqlite/migrate.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/temp-db.js';

const temp = tempDbPath('ft-upgrade-');
afterEach(() => temp.remove());

describe('SQLite upgrade from schema 5', () => {
  it('opens a database with users in it and fills their name keys', async () => {
    const old = new Database(temp.file);
    migrate(old, undefined, 5);
    old.prepare("INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'W', '2024-01-29T00:00:00Z')").run();
    const insert = old.prepare("INSERT INTO users (workspace_id, id, name, updated_at) VALUES ('w1', ?, ?, '2024-01-29T00:00:00Z')");
    insert.run('U1', 'Ayşe Öztürk');
    insert.run('U2', 'Bob');
    old.close();
    const store = new SqliteStore({ file: temp.file });
    expect(schemaVersion(store.db)).toBeGreaterThanOrEqual(6);
    expect((await store.users.findByName('w1', 'ayşe öztürk')).map((u) => u.id)).toEqual(['U1']);
    await store.close();
  });
});
