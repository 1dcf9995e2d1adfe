/**
 * Migration 6 (PostgreSQL): things done once per place, ever — a welcome — claimed by inserting a
 * key that is never pruned (inbound receipts are pruned after a day, so a welcome claimed there came
 * again when the bot was added back later). The first insert wins across instances.
 */
export default {
  version: 6,
  name: 'once-claims',
  sql: `
    CREATE TABLE once_claims (
      key text PRIMARY KEY,
      claimed_at text NOT NULL
    );
  `,
};
