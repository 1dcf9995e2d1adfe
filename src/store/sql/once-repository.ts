/** Once-only claims (a welcome per place): the first insert of a key wins, in any instance; never pruned. */
import type { OnceRepository } from '../store.js';
import type { Executor } from './executor.js';

export class SqlOnceRepository implements OnceRepository {
  constructor(private readonly sql: Executor) {}

  async claim(key: string, at: Date): Promise<boolean> {
    const inserted = await this.sql.run('INSERT INTO once_claims (key, claimed_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
      key,
      at.toISOString(),
    ]);
    return inserted === 1;
  }

  async release(key: string): Promise<void> {
    await this.sql.run('DELETE FROM once_claims WHERE key = $1', [key]);
  }
}
