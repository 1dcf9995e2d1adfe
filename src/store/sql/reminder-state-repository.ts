/** The reads a scheduler tick needs, each one indexed query on `next_reminder_at` per batch. */
import type { LogEntry } from '../../commitments/commitment.js';
import { DUE_COLUMNS, toChannel, toDueCommitment, toLogEntry, type ChannelRow, type DueRow, type LogRow } from '../rows.js';
import type { ChannelRecord, DueCommitment, ReminderStateRepository } from '../store.js';
import type { Executor } from './executor.js';

export class SqlReminderStateRepository implements ReminderStateRepository {
  constructor(private readonly sql: Executor) {}

  async dueCommitments(now: Date, limit: number): Promise<DueCommitment[]> {
    const d = this.sql.dialect;
    // Owners joined with their user rows (zone, DM, whether it still works) by primary key, in the same statement.
    const recipients = d.jsonArray(
      {
        id: 'o.user_id',
        name: 'o.user_name',
        timeZone: 'u.time_zone',
        dmAddress: 'CASE WHEN u.dm_inactive_reason IS NULL THEN u.dm_address END',
      },
      'o.position',
    );
    const rows = await this.sql.rows<DueRow>(
      `SELECT ${DUE_COLUMNS}, (SELECT ${recipients} FROM commitment_owners o
                    LEFT JOIN users u ON u.workspace_id = o.workspace_id AND u.id = o.user_id
                    WHERE o.workspace_id = c.workspace_id AND o.commitment_id = c.id) AS recipients
       FROM commitments c WHERE c.next_reminder_at IS NOT NULL AND c.next_reminder_at <= $1 ORDER BY c.next_reminder_at LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((row) => toDueCommitment(row, d.decodeJson));
  }

  async dueChannels(now: Date, limit: number): Promise<(ChannelRecord & { nextReminderAt: string })[]> {
    const rows = await this.sql.rows<ChannelRow & { next_reminder_at: string }>(
      'SELECT * FROM channels WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= $1 ORDER BY next_reminder_at LIMIT $2',
      [now.toISOString(), limit],
    );
    return rows.map((row) => ({ ...toChannel(row, this.sql.dialect.decodeJson), nextReminderAt: row.next_reminder_at }));
  }

  async changesSince(workspaceId: string, channel: string, since: string): Promise<LogEntry[]> {
    const rows = await this.sql.rows<LogRow>(
      `SELECT l.* FROM commitment_log l JOIN commitments c ON c.workspace_id = l.workspace_id AND c.id = l.commitment_id
       WHERE l.workspace_id = $1 AND c.channel = $2 AND l.at > $3 ORDER BY l.seq`,
      [workspaceId, channel, since],
    );
    return rows.map((row) => toLogEntry(row, this.sql.dialect.decodeJson));
  }

  async dmInactive(workspaceId: string, userId: string): Promise<boolean> {
    const [row] = await this.sql.rows<{ dm_inactive_reason: string | null }>(
      'SELECT dm_inactive_reason FROM users WHERE workspace_id = $1 AND id = $2',
      [workspaceId, userId],
    );
    return Boolean(row?.dm_inactive_reason);
  }
}
