/** Migration 1: workspaces, channels, users, commitments, owners and the append-only log. */
export default {
  version: 1,
  name: 'core',
  sql: `
    CREATE TABLE workspaces (
      id TEXT PRIMARY KEY,
      name TEXT,
      created_at TEXT NOT NULL
    );

    -- Per-workspace counters for short ids (C-n, E-n).
    CREATE TABLE counters (
      workspace_id TEXT NOT NULL REFERENCES workspaces(id),
      name TEXT NOT NULL,
      value INTEGER NOT NULL,
      PRIMARY KEY (workspace_id, name)
    );

    CREATE TABLE channels (
      workspace_id TEXT NOT NULL REFERENCES workspaces(id),
      address TEXT NOT NULL,
      name TEXT,
      time_zone TEXT NOT NULL,
      schedule TEXT,
      active INTEGER NOT NULL DEFAULT 1,
      inactive_reason TEXT,
      platform_data TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (workspace_id, address)
    );
    CREATE INDEX channels_by_address ON channels(address);

    CREATE TABLE users (
      workspace_id TEXT NOT NULL REFERENCES workspaces(id),
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      time_zone TEXT,
      dm_address TEXT,
      is_admin INTEGER NOT NULL DEFAULT 0,
      platform_data TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE INDEX users_by_name ON users(workspace_id, name COLLATE NOCASE);

    CREATE TABLE commitments (
      workspace_id TEXT NOT NULL REFERENCES workspaces(id),
      id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      channel TEXT NOT NULL,
      title TEXT NOT NULL,
      parties TEXT NOT NULL DEFAULT '[]',
      tags TEXT NOT NULL DEFAULT '[]',
      source TEXT NOT NULL DEFAULT '{}',
      deadline TEXT NOT NULL,
      deadline_kind TEXT NOT NULL,
      due_date TEXT,
      time_zone TEXT NOT NULL,
      status TEXT NOT NULL,
      at_risk INTEGER NOT NULL DEFAULT 0,
      snoozed_until TEXT,
      created_by_id TEXT NOT NULL,
      created_by_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, seq)
    );
    -- "Open items of a channel" and "everything in a workspace by status".
    CREATE INDEX commitments_by_channel_status ON commitments(workspace_id, channel, status);
    CREATE INDEX commitments_by_status ON commitments(workspace_id, status);

    CREATE TABLE commitment_owners (
      workspace_id TEXT NOT NULL,
      commitment_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      user_id TEXT NOT NULL,
      user_name TEXT NOT NULL,
      PRIMARY KEY (workspace_id, commitment_id, user_id),
      FOREIGN KEY (workspace_id, commitment_id) REFERENCES commitments(workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX owners_by_user ON commitment_owners(workspace_id, user_id);

    -- Append-only: rows are inserted, never updated or deleted.
    CREATE TABLE commitment_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      workspace_id TEXT NOT NULL,
      commitment_id TEXT NOT NULL,
      at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL,
      note TEXT,
      evidence TEXT,
      detail TEXT,
      FOREIGN KEY (workspace_id, commitment_id) REFERENCES commitments(workspace_id, id)
    );
    CREATE INDEX log_by_commitment ON commitment_log(workspace_id, commitment_id, seq);
    CREATE TRIGGER commitment_log_no_update BEFORE UPDATE ON commitment_log
      BEGIN SELECT RAISE(ABORT, 'commitment_log is append-only'); END;
    CREATE TRIGGER commitment_log_no_delete BEFORE DELETE ON commitment_log
      BEGIN SELECT RAISE(ABORT, 'commitment_log is append-only'); END;
  `,
};
