/** Migration 3 (PostgreSQL): the outbox, one row per reminder, claimed by leases. */
export default {
  version: 3,
  name: 'outbox',
  sql: `
    -- The key (subject, kind, slot, recipient) makes writing a reminder twice a no-op.
    CREATE TABLE outbox (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      key text NOT NULL UNIQUE,
      kind text NOT NULL,
      workspace_id text NOT NULL,
      subject text NOT NULL,
      address text NOT NULL,
      recipient_id text,
      commitment_ids jsonb NOT NULL DEFAULT '[]',
      slot text COLLATE "C" NOT NULL,
      due_at text COLLATE "C" NOT NULL,
      state text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at text COLLATE "C" NOT NULL,
      lease_owner text,
      lease_until text COLLATE "C",
      last_error text,
      message_id text,
      created_at text COLLATE "C" NOT NULL,
      finished_at text COLLATE "C",
      -- A lease ran out before the row was finished: its send may already have happened.
      interrupted boolean NOT NULL DEFAULT false
    );
    CREATE INDEX outbox_claimable ON outbox(state, next_attempt_at);
    CREATE INDEX outbox_by_subject ON outbox(workspace_id, subject, kind, state, slot);
    CREATE INDEX outbox_by_finished ON outbox(state, finished_at);
    CREATE INDEX outbox_by_lease_owner ON outbox(lease_owner) WHERE lease_owner IS NOT NULL;
  `,
};
