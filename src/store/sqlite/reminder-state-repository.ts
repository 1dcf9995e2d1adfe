/** The reads a scheduler tick needs, each an index range scan on `next_reminder_at`. */
import type Database from 'better-sqlite3';
import type { LogEntry } from '../../commitments/commitment.js';
import type { ChannelRecord, ChannelRepository, DueCommitment, ReminderStateRepository } from '../store.js';
import { sqliteJson } from './json.js';
import { toDueCommitment, toLogEntry as mapLogEntry, type DueRow, type LogRow } from '../rows.js';
import { prepared } from './prepared.js';

/** Due rows with their owners' zones and working DMs in one statement (json_group_array keeps owner order). */
const SELECT_DUE = `
  SELECT c.*, (SELECT json_group_array(json_object('id', o.user_id, 'name', o.user_name, 'timeZone', u.time_zone,
                 'dmAddress', CASE WHEN u.dm_inactive_reason IS NULL THEN u.dm_address END) ORDER BY o.position)
               FROM commitment_owners o LEFT JOIN users u ON u.workspace_id = o.workspace_id AND u.id = o.user_id
               WHERE o.workspace_id = c.workspace_id AND o.commitment_id = c.id) AS recipients
  FROM commitments c`;

export class SqliteReminderStateRepository implements ReminderStateRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly channels: ChannelRepository,
  ) {}

  async dueCommitments(now: Date, limit: number): Promise<DueCommitment[]> {
    const rows = prepared(
      this.db,
      `${SELECT_DUE} WHERE c.next_reminder_at IS NOT NULL AND c.next_reminder_at <= ? ORDER BY c.next_reminder_at LIMIT ?`,
    ).all(now.toISOString(), limit) as DueRow[];
    return rows.map((row) => toDueCommitment(row, sqliteJson));
  }

  async dueChannels(now: Date, limit: number): Promise<(ChannelRecord & { nextReminderAt: string })[]> {
    const due = prepared(
      this.db,
        `SELECT workspace_id, address, next_reminder_at FROM channels
         WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= ? ORDER BY next_reminder_at LIMIT ?`,
      )
      .all(now.toISOString(), limit) as { workspace_id: string; address: string; next_reminder_at: string }[];
    const found: (ChannelRecord & { nextReminderAt: string })[] = [];
    for (const row of due) {
      const channel = await this.channels.get(row.workspace_id, row.address);
      if (channel) found.push({ ...channel, nextReminderAt: row.next_reminder_at });
    }
    return found;
  }

  async changesSince(workspaceId: string, channel: string, since: string): Promise<LogEntry[]> {
    const rows = prepared(
      this.db,
        `SELECT l.* FROM commitment_log l JOIN commitments c ON c.workspace_id = l.workspace_id AND c.id = l.commitment_id
         WHERE l.workspace_id = ? AND c.channel = ? AND l.at > ? ORDER BY l.seq`,
      )
      .all(workspaceId, channel, since) as LogRow[];
    return rows.map((row) => mapLogEntry(row, sqliteJson));
  }

  async dmInactive(workspaceId: string, userId: string): Promise<boolean> {
    const row = prepared(this.db, 'SELECT dm_inactive_reason FROM users WHERE workspace_id = ? AND id = ?').get(workspaceId, userId) as
      | { dm_inactive_reason: string | null }
      | undefined;
    return Boolean(row?.dm_inactive_reason);
  }
}
