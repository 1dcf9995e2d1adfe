/** Migration 5: remember that a row's lease ran out unfinished, so its send may have happened before a crash. */
export default {
  version: 5,
  name: 'outbox-interrupted',
  sql: `ALTER TABLE outbox ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0;`,
};
