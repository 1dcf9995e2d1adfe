/**
 * Migration 6: ids and names compared exactly, so every lookup is an index search. Ids typed in
 * any case are upper-cased before the query; rows that somehow hold another spelling are made
 * canonical here. Names get a folded key (see `nameKey`), filled in by `backfill` since SQLite's
 * lower() only knows ASCII. Commitments waiting on an event get an index on the event id.
 */
import type Database from 'better-sqlite3';
import { nameKey } from '../../sql/fold.js';

export default {
  version: 6,
  name: 'exact-keys',
  sql: `
    PRAGMA defer_foreign_keys = ON;
    UPDATE commitments SET id = upper(id) WHERE id <> upper(id);
    UPDATE commitment_owners SET commitment_id = upper(commitment_id) WHERE commitment_id <> upper(commitment_id);
    DROP TRIGGER commitment_log_no_update;
    UPDATE commitment_log SET commitment_id = upper(commitment_id) WHERE commitment_id <> upper(commitment_id);
    CREATE TRIGGER commitment_log_no_update BEFORE UPDATE ON commitment_log
      BEGIN SELECT RAISE(ABORT, 'commitment_log is append-only'); END;
    UPDATE events SET id = upper(id) WHERE id <> upper(id);

    ALTER TABLE users ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
    DROP INDEX users_by_name;
    CREATE INDEX users_by_name_key ON users(workspace_id, name_key);
    CREATE INDEX users_by_dm_address ON users(dm_address);
    CREATE INDEX commitments_by_event ON commitments(workspace_id, deadline ->> 'eventId') WHERE deadline_kind = 'event';
  `,
  backfill(db: Database.Database): void {
    const update = db.prepare('UPDATE users SET name_key = ? WHERE workspace_id = ? AND id = ?');
    // .all(), not .iterate(): better-sqlite3 refuses a write on the connection while a read is still being iterated.
    for (const row of db.prepare('SELECT workspace_id, id, name FROM users').all() as {
      workspace_id: string;
      id: string;
      name: string;
    }[]) {
      update.run(nameKey(row.name), row.workspace_id, row.id);
    }
  },
};
