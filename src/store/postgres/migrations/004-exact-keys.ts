/**
 * Migration 4 (PostgreSQL): ids and names compared exactly, so every lookup is a primary-key or
 * index search. Ids typed in any case are upper-cased before the query, so the `upper(id)` indexes
 * go; rows that somehow hold another spelling are made canonical here. Names get a folded key (see
 * `nameKey`), filled in by `backfill`, so matching is the same as on SQLite in every script.
 */
import type pg from 'pg';
import { nameKey } from '../../sql/fold.js';

export default {
  version: 4,
  name: 'exact-keys',
  sql: `
    ALTER TABLE commitment_owners DROP CONSTRAINT commitment_owners_workspace_id_commitment_id_fkey;
    ALTER TABLE commitment_log DROP CONSTRAINT commitment_log_workspace_id_commitment_id_fkey;
    ALTER TABLE commitment_log DISABLE TRIGGER commitment_log_no_update;
    UPDATE commitments SET id = upper(id) WHERE id <> upper(id);
    UPDATE commitment_owners SET commitment_id = upper(commitment_id) WHERE commitment_id <> upper(commitment_id);
    UPDATE commitment_log SET commitment_id = upper(commitment_id) WHERE commitment_id <> upper(commitment_id);
    UPDATE events SET id = upper(id) WHERE id <> upper(id);
    ALTER TABLE commitment_log ENABLE TRIGGER commitment_log_no_update;
    ALTER TABLE commitment_owners ADD CONSTRAINT commitment_owners_workspace_id_commitment_id_fkey
      FOREIGN KEY (workspace_id, commitment_id) REFERENCES commitments(workspace_id, id) ON DELETE CASCADE;
    ALTER TABLE commitment_log ADD CONSTRAINT commitment_log_workspace_id_commitment_id_fkey
      FOREIGN KEY (workspace_id, commitment_id) REFERENCES commitments(workspace_id, id);
    DROP INDEX commitments_by_upper_id;
    DROP INDEX events_by_upper_id;

    ALTER TABLE users ADD COLUMN name_key text NOT NULL DEFAULT '';
    DROP INDEX users_by_name;
    CREATE INDEX users_by_name_key ON users(workspace_id, name_key);
  `,
  async backfill(client: pg.ClientBase): Promise<void> {
    const { rows } = await client.query<{ workspace_id: string; id: string; name: string }>('SELECT workspace_id, id, name FROM users');
    for (const row of rows) {
      await client.query('UPDATE users SET name_key = $1 WHERE workspace_id = $2 AND id = $3', [
        nameKey(row.name),
        row.workspace_id,
        row.id,
      ]);
    }
  },
};
