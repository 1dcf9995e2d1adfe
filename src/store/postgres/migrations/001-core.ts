/**
 * Migration 1 (PostgreSQL): workspaces, channels, users, commitments, owners and the append-only log.
 * Instants, dates and slots stay ISO text, exactly the strings the core writes; `COLLATE "C"` makes
 * their comparisons byte order (as in SQLite) whatever the database's locale.
 */
export default {
  version: 1,
  name: 'core',
  sql: `
    CREATE TABLE workspaces (
      id text PRIMARY KEY,
      name text,
      created_at text NOT NULL
    );

    -- Per-workspace counters for short ids (C-n, E-n).
    CREATE TABLE counters (
      workspace_id text NOT NULL REFERENCES workspaces(id),
      name text NOT NULL,
      value integer NOT NULL,
      PRIMARY KEY (workspace_id, name)
    );

    CREATE TABLE channels (
      workspace_id text NOT NULL REFERENCES workspaces(id),
      address text COLLATE "C" NOT NULL,
      name text,
      time_zone text NOT NULL,
      schedule text,
      active boolean NOT NULL DEFAULT true,
      inactive_reason text,
      platform_data jsonb,
      created_at text COLLATE "C" NOT NULL,
      updated_at text COLLATE "C" NOT NULL,
      -- Recomputed on every change, so a tick is an index range scan instead of a full read.
      next_reminder_at text COLLATE "C",
      PRIMARY KEY (workspace_id, address)
    );
    CREATE INDEX channels_by_address ON channels(address);
    CREATE INDEX channels_by_next_reminder ON channels(next_reminder_at) WHERE next_reminder_at IS NOT NULL;

    CREATE TABLE users (
      workspace_id text NOT NULL REFERENCES workspaces(id),
      id text NOT NULL,
      name text NOT NULL,
      time_zone text,
      dm_address text,
      is_admin boolean NOT NULL DEFAULT false,
      platform_data jsonb,
      -- A DM that failed permanently (user left, bot blocked): shown in status, nudges go to the digest.
      dm_inactive_reason text,
      updated_at text COLLATE "C" NOT NULL,
      PRIMARY KEY (workspace_id, id)
    );
    CREATE INDEX users_by_name ON users(workspace_id, lower(name));
    CREATE INDEX users_by_dm_address ON users(dm_address);

    CREATE TABLE commitments (
      workspace_id text NOT NULL REFERENCES workspaces(id),
      id text NOT NULL,
      seq integer NOT NULL,
      channel text COLLATE "C" NOT NULL,
      title text NOT NULL,
      parties jsonb NOT NULL DEFAULT '[]',
      tags jsonb NOT NULL DEFAULT '[]',
      source jsonb NOT NULL DEFAULT '{}',
      deadline jsonb NOT NULL,
      deadline_kind text NOT NULL,
      due_date text COLLATE "C",
      time_zone text NOT NULL,
      status text NOT NULL,
      at_risk boolean NOT NULL DEFAULT false,
      snoozed_until text COLLATE "C",
      created_by_id text NOT NULL,
      created_by_name text NOT NULL,
      created_at text COLLATE "C" NOT NULL,
      updated_at text COLLATE "C" NOT NULL,
      version integer NOT NULL DEFAULT 1,
      next_reminder_at text COLLATE "C",
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, seq)
    );
    -- Ids are typed by people ("c-3"): looked up case-insensitively.
    CREATE UNIQUE INDEX commitments_by_upper_id ON commitments(workspace_id, upper(id));
    -- "Open items of a channel" and "everything in a workspace by status".
    CREATE INDEX commitments_by_channel_status ON commitments(workspace_id, channel, status);
    CREATE INDEX commitments_by_status ON commitments(workspace_id, status);
    CREATE INDEX commitments_by_event ON commitments(workspace_id, (deadline->>'eventId')) WHERE deadline_kind = 'event';
    CREATE INDEX commitments_by_next_reminder ON commitments(next_reminder_at) WHERE next_reminder_at IS NOT NULL;

    CREATE TABLE commitment_owners (
      workspace_id text NOT NULL,
      commitment_id text NOT NULL,
      position integer NOT NULL,
      user_id text NOT NULL,
      user_name text NOT NULL,
      PRIMARY KEY (workspace_id, commitment_id, user_id),
      FOREIGN KEY (workspace_id, commitment_id) REFERENCES commitments(workspace_id, id) ON DELETE CASCADE
    );
    CREATE INDEX owners_by_user ON commitment_owners(workspace_id, user_id);

    -- Append-only: rows are inserted, never updated or deleted.
    CREATE TABLE commitment_log (
      seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workspace_id text NOT NULL,
      commitment_id text NOT NULL,
      at text COLLATE "C" NOT NULL,
      actor_id text NOT NULL,
      actor_name text NOT NULL,
      action text NOT NULL,
      note text,
      evidence text,
      detail jsonb,
      FOREIGN KEY (workspace_id, commitment_id) REFERENCES commitments(workspace_id, id)
    );
    CREATE INDEX log_by_commitment ON commitment_log(workspace_id, commitment_id, seq);
    CREATE FUNCTION commitment_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'commitment_log is append-only'; END $$;
    CREATE TRIGGER commitment_log_no_update BEFORE UPDATE OR DELETE ON commitment_log
      FOR EACH ROW EXECUTE FUNCTION commitment_log_refuse_change();
    CREATE TRIGGER commitment_log_no_truncate BEFORE TRUNCATE ON commitment_log
      FOR EACH STATEMENT EXECUTE FUNCTION commitment_log_refuse_change();
  `,
};
