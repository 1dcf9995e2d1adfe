// The SQLite store on real files: durability across reopen, migrations that keep rows, isolation, backup.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewCommitment } from '../../src/store/store.js';
import { ConcurrentChange } from '../../src/store/store.js';
import { migrate, schemaVersion } from '../../src/store/sqlite/migrate.js';
import { migrations } from '../../src/store/sqlite/migrations/index.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/temp-db.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function tempDb() {
  const db = tempDbPath();
  cleanups.push(db.remove);
  return db;
}

const actor = { id: 'alice', name: 'Alice' };
function draft(overrides: Partial<NewCommitment> = {}): NewCommitment {
  return {
    workspaceId: 'w1',
    channel: 'test:general',
    title: 'Appoint liaison officers',
    parties: ['Pakistan FM', 'Iran FM'],
    owners: [actor, { id: 'bob', name: 'Bob' }],
    tags: ['border'],
    source: { agreedOn: '2024-01-29', quote: 'agreed to immediately appoint liaison officers' },
    deadline: { kind: 'vague', text: 'immediately', reference: '2024-01-29', term: 'immediately', due: '2024-02-05', firstPromptDays: 2 },
    timeZone: 'Asia/Karachi',
    status: 'open',
    createdBy: actor,
    createdAt: '2024-01-29T09:00:00.000Z',
    ...overrides,
  };
}
const log = { at: '2024-01-29T09:00:00.000Z', actor, action: 'created' };

describe('SqliteStore', () => {
  it('keeps everything across close and reopen (WAL on a real file)', async () => {
    const { file } = tempDb();
    const first = new SqliteStore({ file });
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const created = await first.commitments.create(draft(), log);
    await first.commitments.update('w1', created.id, 1, { status: 'done' }, { ...log, action: 'done', note: 'appointed' });
    await first.close();

    const second = new SqliteStore({ file });
    const read = await second.commitments.get('w1', 'C-1');
    expect(read).toMatchObject({
      id: 'C-1',
      status: 'done',
      version: 2,
      parties: ['Pakistan FM', 'Iran FM'],
      owners: [actor, { id: 'bob', name: 'Bob' }],
      deadline: { kind: 'vague', due: '2024-02-05' },
      source: { quote: 'agreed to immediately appoint liaison officers' },
    });
    expect((await second.commitments.history('w1', 'C-1')).map((e) => e.action)).toEqual(['created', 'done']);
    await second.close();
  });

  it('refuses a write based on a stale version (optimistic concurrency)', async () => {
    const store = new SqliteStore({ file: tempDb().file });
    await store.commitments.create(draft(), log);
    await store.commitments.update('w1', 'C-1', 1, { title: 'A' }, { ...log, action: 'edited' });
    await expect(store.commitments.update('w1', 'C-1', 1, { title: 'B' }, { ...log, action: 'edited' })).rejects.toBeInstanceOf(
      ConcurrentChange,
    );
    expect((await store.commitments.get('w1', 'C-1'))?.title).toBe('A');
    await store.close();
  });

  it('keeps the log append-only', async () => {
    const store = new SqliteStore({ file: tempDb().file });
    await store.commitments.create(draft(), log);
    expect(() => store.db.prepare("UPDATE commitment_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM commitment_log').run()).toThrow(/append-only/);
    await store.close();
  });

  it('isolates workspaces: same ids, separate rows, no cross reads', async () => {
    const store = new SqliteStore({ file: tempDb().file });
    await store.commitments.create(draft({ title: 'In w1' }), log);
    await store.commitments.create(draft({ workspaceId: 'w2', title: 'In w2' }), log);
    expect((await store.commitments.get('w1', 'C-1'))?.title).toBe('In w1');
    expect((await store.commitments.get('w2', 'C-1'))?.title).toBe('In w2');
    expect(await store.commitments.get('w3', 'C-1')).toBeNull();
    expect((await store.commitments.list('w1')).map((c) => c.title)).toEqual(['In w1']);
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

  it('claims an inbound receipt once', async () => {
    const store = new SqliteStore({ file: tempDb().file });
    expect(await store.receipts.claim('slack:event:Ev1', new Date())).toBe(true);
    expect(await store.receipts.claim('slack:event:Ev1', new Date())).toBe(false);
    await store.close();
  });
});
