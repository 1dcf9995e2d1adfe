/** The reads a scheduler tick needs in PostgreSQL, each an index range scan on `next_reminder_at`. */
import type { LogEntry } from '../../commitments/commitment.js';
import type { ChannelRecord, DueCommitment, ReminderStateRepository } from '../store.js';
import { toChannel, type ChannelRow } from './channel-repository.js';
import { toDueCommitment, type DueRow } from '../rows.js';
import { pgJson } from './json.js';
import type { PgDatabase } from './database.js';
import { toLogEntry, type LogRow } from './log-row.js';

/** Due rows with their owners' zones and working DMs in one statement. */
const SELECT_DUE = `
  SELECT c.*, COALESCE((SELECT jsonb_agg(jsonb_build_object('id', o.user_id, 'name', o.user_name, 'timeZone', u.time_zone,
                          'dmAddress', CASE WHEN u.dm_inactive_reason IS NULL THEN u.dm_address END) ORDER BY o.position)
                        FROM commitment_owners o LEFT JOIN users u ON u.workspace_id = o.workspace_id AND u.id = o.user_id
                        WHERE o.workspace_id = c.workspace_id AND o.commitment_id = c.id), '[]'::jsonb) AS recipients
  FROM commitments c`;

export class PgReminderStateRepository implements ReminderStateRepository {
  constructor(private readonly db: PgDatabase) {}

  async dueCommitments(now: Date, limit: number): Promise<DueCommitment[]> {
    const rows = await this.db.rows<DueRow>(
      `${SELECT_DUE} WHERE c.next_reminder_at IS NOT NULL AND c.next_reminder_at <= $1 ORDER BY c.next_reminder_at LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((row) => toDueCommitment(row, pgJson));
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
