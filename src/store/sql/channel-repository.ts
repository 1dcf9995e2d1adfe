/** Channels: address, zone, digest schedule, whether delivery still works there. */
import { systemClock, type Clock } from '../../ports/clock.js';
import { definedFields, toChannel, type ChannelRow } from '../rows.js';
import type { ChannelRecord, ChannelRepository, NextReminderCalculator } from '../store.js';
import type { Executor } from './executor.js';
import { changePlatformData } from './platform-data.js';
import { sameRecord } from './user-repository.js';
import { ensureWorkspace } from './workspace-repository.js';

export class SqlChannelRepository implements ChannelRepository {
  /** `nextReminderAt` and `clock` are injected by the store (reminder policy lives outside it); without them no digests are scheduled. */
  constructor(
    private readonly sql: Executor,
    private readonly defaultTimeZone: string,
    private readonly nextReminderAt?: NextReminderCalculator['channel'],
    private readonly clock: Clock = systemClock,
  ) {}

  private map = (row: ChannelRow) => toChannel(row, this.sql.dialect.decodeJson);

  async get(workspaceId: string, address: string): Promise<ChannelRecord | null> {
    const [row] = await this.sql.rows<ChannelRow>('SELECT * FROM channels WHERE workspace_id = $1 AND address = $2', [
      workspaceId,
      address,
    ]);
    return row ? this.map(row) : null;
  }

  async upsert(channel: Partial<ChannelRecord> & Pick<ChannelRecord, 'workspaceId' | 'address'>): Promise<ChannelRecord> {
    return this.sql.transaction(async (tx) => {
      await ensureWorkspace(tx, { id: channel.workspaceId });
      const [existing] = await tx.rows<ChannelRow>(
        `SELECT * FROM channels WHERE workspace_id = $1 AND address = $2${tx.dialect.forUpdate}`,
        [channel.workspaceId, channel.address],
      );
      const before = existing ? this.map(existing) : undefined;
      const merged = {
        ...(before ?? { timeZone: this.defaultTimeZone, schedule: null, active: true }),
        ...definedFields(channel),
      } as ChannelRecord;
      // Nothing changed: nothing to write, and the next digest time stays where it is.
      if (before && sameRecord(before, { ...merged, inactiveReason: merged.active ? undefined : merged.inactiveReason })) return before;
      const now = new Date().toISOString();
      await tx.run(
        `INSERT INTO channels (workspace_id, address, name, time_zone, schedule, active, inactive_reason, platform_data, created_at, updated_at, kind)
         VALUES ($1, $2, $3, $4, $5, $6, $7, ${tx.dialect.json('$8')}, $9, $9, $10)
         ON CONFLICT (workspace_id, address) DO UPDATE SET name = excluded.name, kind = excluded.kind, time_zone = excluded.time_zone,
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
          toJson(merged.platformData),
          now,
          merged.kind ?? null,
        ],
      );
      // A schedule, zone or activity change moves the next digest; recomputed in the same transaction.
      // Other changes (a name, platform data) leave it, so a digest due during downtime is not skipped.
      const timing = !existing || channel.schedule !== undefined || channel.timeZone !== undefined || channel.active !== undefined;
      if (this.nextReminderAt && timing) {
        await tx.run('UPDATE channels SET next_reminder_at = $1 WHERE workspace_id = $2 AND address = $3', [
          merged.active ? this.nextReminderAt(merged, this.clock.now()) : null,
          merged.workspaceId,
          merged.address,
        ]);
      }
      return merged;
    });
  }

  async updatePlatformData(workspaceId: string, address: string, change: (current: unknown) => unknown): Promise<ChannelRecord | null> {
    const changed = await changePlatformData<ChannelRow>(
      this.sql,
      { table: 'channels', columns: ['workspace_id', 'address'], key: [workspaceId, address] },
      change,
    );
    return changed && { ...this.map(changed.row), platformData: changed.platformData };
  }

  async list(workspaceId?: string): Promise<ChannelRecord[]> {
    const rows =
      workspaceId === undefined
        ? await this.sql.rows<ChannelRow>('SELECT * FROM channels ORDER BY workspace_id, address')
        : await this.sql.rows<ChannelRow>('SELECT * FROM channels WHERE workspace_id = $1 ORDER BY address', [workspaceId]);
    return rows.map(this.map);
  }

  async findByAddress(address: string): Promise<ChannelRecord[]> {
    return (await this.sql.rows<ChannelRow>('SELECT * FROM channels WHERE address = $1', [address])).map(this.map);
  }
}

/** JSON parameters are sent as text on both engines (pg would turn a JS array into a Postgres array). */
export function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
