/** Users: the chat identities the core has seen, with zone, DM address and admin flag; names matched in any script. */
import { definedFields, toUser, type UserRow } from '../rows.js';
import type { UserRecord, UserRepository } from '../store.js';
import { toJson } from './channel-repository.js';
import type { Executor } from './executor.js';
import { nameKey } from './fold.js';
import { changePlatformData } from './platform-data.js';
import { ensureWorkspace } from './workspace-repository.js';

/** Field by field, JSON data by value. */
export function sameRecord<T extends object>(a: T, b: T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof T>;
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

export class SqlUserRepository implements UserRepository {
  constructor(private readonly sql: Executor) {}

  private map = (row: UserRow) => toUser(row, this.sql.dialect.decodeJson);

  async get(workspaceId: string, id: string): Promise<UserRecord | null> {
    const [row] = await this.sql.rows<UserRow>('SELECT * FROM users WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
    return row ? this.map(row) : null;
  }

  async upsert(user: Partial<UserRecord> & Pick<UserRecord, 'workspaceId' | 'id'>): Promise<UserRecord> {
    return this.sql.transaction(async (tx) => {
      await ensureWorkspace(tx, { id: user.workspaceId });
      const [existing] = await tx.rows<UserRow>(`SELECT * FROM users WHERE workspace_id = $1 AND id = $2${tx.dialect.forUpdate}`, [
        user.workspaceId,
        user.id,
      ]);
      const before = existing ? this.map(existing) : undefined;
      const merged = { ...(before ?? { name: user.id, isAdmin: false }), ...definedFields(user) } as UserRecord;
      // Every command refreshes its user: when nothing changed, nothing is written (and no commit waits for the disk).
      if (before && sameRecord(before, merged)) return merged;
      await tx.run(
        `INSERT INTO users (workspace_id, id, name, name_key, time_zone, dm_address, is_admin, platform_data, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, ${tx.dialect.json('$8')}, $9)
         ON CONFLICT (workspace_id, id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, time_zone = excluded.time_zone,
           dm_address = excluded.dm_address, is_admin = excluded.is_admin, platform_data = excluded.platform_data,
           updated_at = excluded.updated_at`,
        [
          merged.workspaceId,
          merged.id,
          merged.name,
          nameKey(merged.name),
          merged.timeZone ?? null,
          merged.dmAddress ?? null,
          merged.isAdmin,
          toJson(merged.platformData),
          new Date().toISOString(),
        ],
      );
      return merged;
    });
  }

  async updatePlatformData(workspaceId: string, id: string, change: (current: unknown) => unknown): Promise<UserRecord | null> {
    const changed = await changePlatformData<UserRow>(
      this.sql,
      { table: 'users', columns: ['workspace_id', 'id'], key: [workspaceId, id] },
      change,
    );
    return changed && { ...this.map(changed.row), platformData: changed.platformData };
  }

  async reactivateDm(address: string): Promise<number> {
    return this.sql.run('UPDATE users SET dm_inactive_reason = NULL WHERE dm_address = $1 AND dm_inactive_reason IS NOT NULL', [address]);
  }

  async findByName(workspaceId: string, name: string): Promise<UserRecord[]> {
    const rows = await this.sql.rows<UserRow>('SELECT * FROM users WHERE workspace_id = $1 AND name_key = $2 ORDER BY id', [
      workspaceId,
      nameKey(name),
    ]);
    return rows.map(this.map);
  }
}
