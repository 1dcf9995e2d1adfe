/**
 * Migration 8: things done once per place, ever — a welcome — claimed by inserting a key that is
 * never pruned (inbound receipts are pruned after a day, so a welcome claimed there came again when
 * the bot was added back later). The first insert wins across instances.
 */
export default {
  version: 8,
  name: 'once-claims',
  sql: `
    CREATE TABLE once_claims (
      key TEXT PRIMARY KEY,
      claimed_at TEXT NOT NULL
    );
  `,
};
