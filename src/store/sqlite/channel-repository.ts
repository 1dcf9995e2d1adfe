/** Channels in SQLite: address, zone, digest schedule, whether delivery still works there. */
import type Database from 'better-sqlite3';
import { systemClock, type Clock } from '../../ports/clock.js';
import type { ChannelRecord, ChannelRepository, NextReminderCalculator } from '../store.js';
import { sqliteJson, toJson } from './json.js';
import { ensureWorkspace } from './workspace-repository.js';
import { prepared } from './prepared.js';
import { definedFields, toChannel as mapChannel, type ChannelRow } from '../rows.js';

const toChannel = (row: ChannelRow) => mapChannel(row, sqliteJson);

export class SqliteChannelRepository implements ChannelRepository {
  /** `nextReminderAt` and `clock` are injected by the store (reminder policy lives outside it); without them no digests are scheduled. */
  constructor(
    private readonly db: Database.Database,
    private readonly defaultTimeZone: string,
    private readonly nextReminderAt?: NextReminderCalculator['channel'],
    private readonly clock: Clock = systemClock,
  ) {}

  async get(workspaceId: string, address: string): Promise<ChannelRecord | null> {
    const row = prepared(this.db, 'SELECT * FROM channels WHERE workspace_id = ? AND address = ?').get(workspaceId, address) as
      | ChannelRow
      | undefined;
    return row ? toChannel(row) : null;
  }

  async upsert(channel: Partial<ChannelRecord> & Pick<ChannelRecord, 'workspaceId' | 'address'>): Promise<ChannelRecord> {
    return this.db.transaction(() => {
      ensureWorkspace(this.db, { id: channel.workspaceId });
      const existing = prepared(this.db, 'SELECT * FROM channels WHERE workspace_id = ? AND address = ?')
        .get(channel.workspaceId, channel.address) as ChannelRow | undefined;
      const merged: ChannelRecord = {
        ...(existing ? toChannel(existing) : { timeZone: this.defaultTimeZone, schedule: null, active: true }),
        ...definedFields(channel),
      } as ChannelRecord;
      const now = new Date().toISOString();
      prepared(
      this.db,
          `INSERT INTO channels (workspace_id, address, name, time_zone, schedule, active, inactive_reason, platform_data, created_at, updated_at)
           VALUES (@workspaceId, @address, @name, @timeZone, @schedule, @active, @inactiveReason, @platformData, @now, @now)
           ON CONFLICT(workspace_id, address) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
             schedule = excluded.schedule, active = excluded.active, inactive_reason = excluded.inactive_reason,
             platform_data = excluded.platform_data, updated_at = excluded.updated_at`,
        )
        .run({
          workspaceId: merged.workspaceId,
          address: merged.address,
          name: merged.name ?? null,
          timeZone: merged.timeZone,
          schedule: merged.schedule ?? null,
          active: merged.active ? 1 : 0,
          inactiveReason: merged.active ? null : (merged.inactiveReason ?? null),
          platformData: toJson(merged.platformData),
          now,
        });
      // A schedule, zone or activity change moves the next digest; recomputed in the same transaction.
      // Other changes (a name, platform data) leave it, so a digest due during downtime is not skipped.
      const timing = !existing || channel.schedule !== undefined || channel.timeZone !== undefined || channel.active !== undefined;
      if (this.nextReminderAt && timing) {
        prepared(this.db, 'UPDATE channels SET next_reminder_at = ? WHERE workspace_id = ? AND address = ?')
          .run(merged.active ? this.nextReminderAt(merged, this.clock.now()) : null, merged.workspaceId, merged.address);
      }
      return merged;
    })();
  }

  async list(workspaceId?: string): Promise<ChannelRecord[]> {
    const rows = (
      workspaceId === undefined
        ? prepared(this.db, 'SELECT * FROM channels ORDER BY workspace_id, address').all()
        : prepared(this.db, 'SELECT * FROM channels WHERE workspace_id = ? ORDER BY address').all(workspaceId)
    ) as ChannelRow[];
    return rows.map(toChannel);
  }

  async findByAddress(address: string): Promise<ChannelRecord[]> {
    return (prepared(this.db, 'SELECT * FROM channels WHERE address = ?').all(address) as ChannelRow[]).map(toChannel);
  }
}

