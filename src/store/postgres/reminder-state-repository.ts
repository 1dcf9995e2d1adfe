/** The reads a scheduler tick needs in PostgreSQL, each an index range scan on `next_reminder_at`. */
import type { Commitment, LogEntry } from '../../commitments/commitment.js';
import type { ChannelRecord, ReminderStateRepository } from '../store.js';
import { toChannel, type ChannelRow } from './channel-repository.js';
import { SELECT_COMMITMENT, toCommitment, type CommitmentRow } from './commitment-row.js';
import type { PgDatabase } from './database.js';
import { toLogEntry, type LogRow } from './log-row.js';

export class PgReminderStateRepository implements ReminderStateRepository {
  constructor(private readonly db: PgDatabase) {}

  async dueCommitments(now: Date, limit: number): Promise<(Commitment & { nextReminderAt: string })[]> {
    const rows = await this.db.rows<CommitmentRow>(
      `${SELECT_COMMITMENT} WHERE c.next_reminder_at IS NOT NULL AND c.next_reminder_at <= $1 ORDER BY c.next_reminder_at LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((row) => ({ ...toCommitment(row), nextReminderAt: row.next_reminder_at! }));
  }

  async dueChannels(now: Date, limit: number): Promise<(ChannelRecord & { nextReminderAt: string })[]> {
    const rows = await this.db.rows<ChannelRow & { next_reminder_at: string }>(
      'SELECT * FROM channels WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= $1 ORDER BY next_reminder_at LIMIT $2',
      [now.toISOString(), limit],
    );
    return rows.map((row) => ({ ...toChannel(row), nextReminderAt: row.next_reminder_at }));
  }

  async changesSince(workspaceId: string, channel: string, since: string): Promise<LogEntry[]> {
    const rows = await this.db.rows<LogRow>(
      `SELECT l.* FROM commitment_log l JOIN commitments c ON c.workspace_id = l.workspace_id AND c.id = l.commitment_id
       WHERE l.workspace_id = $1 AND c.channel = $2 AND l.at > $3 ORDER BY l.seq`,
      [workspaceId, channel, since],
    );
    return rows.map(toLogEntry);
  }

  async dmInactive(workspaceId: string, userId: string): Promise<boolean> {
    const [row] = await this.db.rows<{ dm_inactive_reason: string | null }>(
      'SELECT dm_inactive_reason FROM users WHERE workspace_id = $1 AND id = $2',
      [workspaceId, userId],
    );
    return Boolean(row?.dm_inactive_reason);
  }
}
