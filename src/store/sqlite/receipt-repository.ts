/** Inbound receipts in SQLite: the first claim of a key wins; old receipts are pruned. */
import type Database from 'better-sqlite3';
import type { ReceiptRepository } from '../store.js';
import { prepared } from './prepared.js';

export class SqliteReceiptRepository implements ReceiptRepository {
  constructor(private readonly db: Database.Database) {}

  async claim(key: string, at: Date): Promise<boolean> {
    const result = prepared(this.db, 'INSERT OR IGNORE INTO inbound_receipts (key, received_at) VALUES (?, ?)').run(key, at.toISOString());
    return result.changes === 1;
  }

  async prune(before: Date): Promise<number> {
    return prepared(this.db, 'DELETE FROM inbound_receipts WHERE received_at < ?').run(before.toISOString()).changes;
  }
}
