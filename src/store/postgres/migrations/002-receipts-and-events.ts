/** Migration 2 (PostgreSQL): receipts of inbound platform events, and named workspace events (E-n). */
export default {
  version: 2,
  name: 'receipts-and-events',
  sql: `
    CREATE TABLE inbound_receipts (
      key text PRIMARY KEY,
      received_at text COLLATE "C" NOT NULL
    );
    CREATE INDEX inbound_receipts_by_time ON inbound_receipts(received_at);

    CREATE TABLE events (
      workspace_id text NOT NULL REFERENCES workspaces(id),
      id text NOT NULL,
      seq integer NOT NULL,
      name text NOT NULL,
      -- The name reduced to its content-word stems, for offering close names for reuse.
      match_key text NOT NULL,
      occurred_on text,
      confirmed_by_id text,
      confirmed_by_name text,
      confirmed_at text,
      created_at text NOT NULL,
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, seq)
    );
    CREATE UNIQUE INDEX events_by_upper_id ON events(workspace_id, upper(id));
    CREATE INDEX events_by_key ON events(workspace_id, match_key);
  `,
};
