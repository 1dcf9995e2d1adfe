// A database written by an earlier version opens and migrates: migration 6's backfill of users'
// name keys ran a write while iterating a read, which better-sqlite3 refuses, so every existing
// database with a user in it failed to open ("This database connection is busy executing a query").
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
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

describe('SQLite upgrade from schema 6', () => {
  it('keeps every channel, with no kind recorded until the next message there', async () => {
    const here = tempDbPath('ft-upgrade-');
    onTestFinished(() => here.remove());
    const old = new Database(here.file);
    migrate(old, undefined, 6);
    old.prepare("INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'W', '2024-01-29T00:00:00Z')").run();
    old
      .prepare(
        "INSERT INTO channels (workspace_id, address, name, time_zone, schedule, active, created_at, updated_at) VALUES ('w1', 'slack:T1:C1', 'general', 'UTC', 'weekdays 09:00', 1, '2024-01-29', '2024-01-29')",
      )
      .run();
    old.close();
    const store = new SqliteStore({ file: here.file });
    expect(schemaVersion(store.db)).toBeGreaterThanOrEqual(7);
    const channel = await store.channels.get('w1', 'slack:T1:C1');
    expect(channel).toMatchObject({ name: 'general', schedule: 'weekdays 09:00' });
    expect(channel?.kind).toBeUndefined();
    await store.channels.upsert({ workspaceId: 'w1', address: 'slack:T1:C1', kind: 'channel' });
    expect((await store.channels.get('w1', 'slack:T1:C1'))?.kind).toBe('channel');
    await store.close();
  });
});
