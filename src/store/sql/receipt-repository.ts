/** Inbound receipts: the first claim of a key wins; receipts older than the retry window are pruned by store maintenance. */
import type { ReceiptRepository } from '../store.js';
import type { Executor } from './executor.js';

export class SqlReceiptRepository implements ReceiptRepository {
  private readonly sql: Executor;

  /**
   * Receipts are claimed before Slack's request is acked, so their commits are `relaxed` (no fsync
   * of their own; still durable across a process crash): an fsync per request held up every ack.
   * What an OS crash could lose is the last moments' receipts, so a replay of those exact requests
   * would run once more; no user's data rides on a receipt.
   */
  constructor(sql: Executor) {
    this.sql = sql.relaxed;
  }

  async claim(key: string, at: Date): Promise<boolean> {
    return (
      (await this.sql.run('INSERT INTO inbound_receipts (key, received_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
        key,
        at.toISOString(),
      ])) === 1
    );
  }

  async prune(before: Date): Promise<number> {
    return this.sql.run('DELETE FROM inbound_receipts WHERE received_at < $1', [before.toISOString()]);
  }
}
