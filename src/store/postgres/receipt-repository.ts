/** Inbound receipts in PostgreSQL: the first claim of a key wins, across instances; old receipts are pruned. */
import type { ReceiptRepository } from '../store.js';
import type { PgDatabase } from './database.js';

export class PgReceiptRepository implements ReceiptRepository {
  constructor(private readonly db: PgDatabase) {}

  async claim(key: string, at: Date): Promise<boolean> {
    const result = await this.db.query('INSERT INTO inbound_receipts (key, received_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
      key,
      at.toISOString(),
    ]);
    return result.rowCount === 1;
  }

  async prune(before: Date): Promise<number> {
    return (await this.db.query('DELETE FROM inbound_receipts WHERE received_at < $1', [before.toISOString()])).rowCount ?? 0;
  }
}
