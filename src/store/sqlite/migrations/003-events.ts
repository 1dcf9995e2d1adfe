/** Migration 3: named workspace events (E-n) that event-kind deadlines wait on. */
export default {
  version: 3,
  name: 'events',
  sql: `
    CREATE TABLE events (
      workspace_id TEXT NOT NULL REFERENCES workspaces(id),
      id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      name TEXT NOT NULL,
      -- The name reduced to its content-word stems, for offering close names for reuse.
      match_key TEXT NOT NULL,
      occurred_on TEXT,
      confirmed_by_id TEXT,
      confirmed_by_name TEXT,
      confirmed_at TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (workspace_id, id),
      UNIQUE (workspace_id, seq)
    );
    CREATE INDEX events_by_key ON events(workspace_id, match_key);
  `,
};
