/** Migration 4: each commitment's and channel's next reminder time, unreachable DMs, and the outbox. */
export default {
  version: 4,
  name: 'reminders',
  sql: `
    -- Recomputed on every change, so a tick is an index range scan instead of a full read.
    ALTER TABLE commitments ADD COLUMN next_reminder_at TEXT;
    CREATE INDEX commitments_by_next_reminder ON commitments(next_reminder_at) WHERE next_reminder_at IS NOT NULL;
    ALTER TABLE channels ADD COLUMN next_reminder_at TEXT;
    CREATE INDEX channels_by_next_reminder ON channels(next_reminder_at) WHERE next_reminder_at IS NOT NULL;
    -- A DM that failed permanently (user left, bot blocked): shown in status, nudges go to the digest.
    ALTER TABLE users ADD COLUMN dm_inactive_reason TEXT;

    -- One row per reminder. The key (subject, kind, slot, recipient) makes writing it twice a no-op.
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      subject TEXT NOT NULL,
      address TEXT NOT NULL,
      recipient_id TEXT,
      commitment_ids TEXT NOT NULL DEFAULT '[]',
      slot TEXT NOT NULL,
      due_at TEXT NOT NULL,
      state TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      lease_owner TEXT,
      lease_until TEXT,
      last_error TEXT,
      message_id TEXT,
      created_at TEXT NOT NULL,
      finished_at TEXT
    );
    CREATE INDEX outbox_claimable ON outbox(state, next_attempt_at);
    CREATE INDEX outbox_by_subject ON outbox(workspace_id, subject, kind, state, slot);
    CREATE INDEX outbox_by_finished ON outbox(state, finished_at);
  `,
};
