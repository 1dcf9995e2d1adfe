/** Channels in PostgreSQL: address, zone, digest schedule, whether delivery still works there. */
import { systemClock, type Clock } from '../../ports/clock.js';
import type { ChannelRecord, ChannelRepository, NextReminderCalculator } from '../store.js';
import type { PgDatabase } from './database.js';
import { definedFields, jsonb, pgJson } from './json.js';
import { ensureWorkspace } from './workspace-repository.js';
import { toChannel as mapChannel, type ChannelRow } from '../rows.js';

export type { ChannelRow };
export const toChannel = (row: ChannelRow) => mapChannel(row, pgJson);

export class PgChannelRepository implements ChannelRepository {
  /** `nextReminderAt` and `clock` are injected by the store (reminder policy lives outside it); without them no digests are scheduled. */
  constructor(
    private readonly db: PgDatabase,
    private readonly defaultTimeZone: string,
    private readonly nextReminderAt?: NextReminderCalculator['channel'],
    private readonly clock: Clock = systemClock,
  ) {}

  async get(workspaceId: string, address: string): Promise<ChannelRecord | null> {
    const [row] = await this.db.rows<ChannelRow>('SELECT * FROM channels WHERE workspace_id = $1 AND address = $2', [workspaceId, address]);
    return row ? toChannel(row) : null;
  }

  async upsert(channel: Partial<ChannelRecord> & Pick<ChannelRecord, 'workspaceId' | 'address'>): Promise<ChannelRecord> {
    return this.db.transaction(async (sql) => {
      await ensureWorkspace(sql, { id: channel.workspaceId });
      // Locks an existing row so two instances merging changes into it take turns.
      const [existing] = (
        await sql.query<ChannelRow>('SELECT * FROM channels WHERE workspace_id = $1 AND address = $2 FOR UPDATE', [
          channel.workspaceId,
          channel.address,
        ])
      ).rows;
      const merged = {
        ...(existing ? toChannel(existing) : { timeZone: this.defaultTimeZone, schedule: null, active: true }),
        ...definedFields(channel),
      } as ChannelRecord;
      const now = new Date().toISOString();
      await sql.query(
        `INSERT INTO channels (workspace_id, address, name, time_zone, schedule, active, inactive_reason, platform_data, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $9)
         ON CONFLICT (workspace_id, address) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
           schedule = excluded.schedule, active = excluded.active, inactive_reason = excluded.inactive_reason,
           platform_data = excluded.platform_data, updated_at = excluded.updated_at`,
        [
          merged.workspaceId,
          merged.address,
          merged.name ?? null,
          merged.timeZone,
          merged.schedule ?? null,
          merged.active,
          merged.active ? null : (merged.inactiveReason ?? null),
          jsonb(merged.platformData),
          now,
        ],
      );
      // A schedule, zone or activity change moves the next digest; recomputed in the same transaction.
      // Other changes (a name, platform data) leave it, so a digest due during downtime is not skipped.
      const timing = !existing || channel.schedule !== undefined || channel.timeZone !== undefined || channel.active !== undefined;
      if (this.nextReminderAt && timing) {
        await sql.query('UPDATE channels SET next_reminder_at = $1 WHERE workspace_id = $2 AND address = $3', [
          merged.active ? this.nextReminderAt(merged, this.clock.now()) : null,
          merged.workspaceId,
          merged.address,
        ]);
      }
      return merged;
    });
  }

  async list(workspaceId?: string): Promise<ChannelRecord[]> {
    const rows =
      workspaceId === undefined
        ? await this.db.rows<ChannelRow>('SELECT * FROM channels ORDER BY workspace_id, address')
        : await this.db.rows<ChannelRow>('SELECT * FROM channels WHERE workspace_id = $1 ORDER BY address', [workspaceId]);
    return rows.map(toChannel);
  }

  async findByAddress(address: string): Promise<ChannelRecord[]> {
    return (await this.db.rows<ChannelRow>('SELECT * FROM channels WHERE address = $1', [address])).map(toChannel);
  }
}

