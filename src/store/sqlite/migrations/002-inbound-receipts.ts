/** Migration 2: receipts of inbound platform events, so a retried delivery is handled once. */
export default {
  version: 2,
  name: 'inbound-receipts',
  sql: `
    CREATE TABLE inbound_receipts (
      key TEXT PRIMARY KEY,
      received_at TEXT NOT NULL
    );
    CREATE INDEX inbound_receipts_by_time ON inbound_receipts(received_at);
  `,
};
