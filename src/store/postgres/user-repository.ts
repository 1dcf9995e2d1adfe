/** Users in PostgreSQL: the chat identities the core has seen, with zone, DM address and admin flag. */
import type { UserRecord, UserRepository } from '../store.js';
import type { PgDatabase } from './database.js';
import { definedFields, jsonb, pgJson } from './json.js';
import { ensureWorkspace } from './workspace-repository.js';
import { toUser as mapUser, type UserRow } from '../rows.js';

const toUser = (row: UserRow) => mapUser(row, pgJson);

export class PgUserRepository implements UserRepository {
  constructor(private readonly db: PgDatabase) {}

  async get(workspaceId: string, id: string): Promise<UserRecord | null> {
    const [row] = await this.db.rows<UserRow>('SELECT * FROM users WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
    return row ? toUser(row) : null;
  }

  async upsert(user: Partial<UserRecord> & Pick<UserRecord, 'workspaceId' | 'id'>): Promise<UserRecord> {
    return this.db.transaction(async (sql) => {
      await ensureWorkspace(sql, { id: user.workspaceId });
      const [existing] = (
        await sql.query<UserRow>('SELECT * FROM users WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [user.workspaceId, user.id])
      ).rows;
      const merged = { ...(existing ? toUser(existing) : { name: user.id, isAdmin: false }), ...definedFields(user) } as UserRecord;
      await sql.query(
        `INSERT INTO users (workspace_id, id, name, time_zone, dm_address, is_admin, platform_data, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
         ON CONFLICT (workspace_id, id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
           dm_address = excluded.dm_address, is_admin = excluded.is_admin, platform_data = excluded.platform_data,
           updated_at = excluded.updated_at`,
        [
          merged.workspaceId,
          merged.id,
          merged.name,
          merged.timeZone ?? null,
          merged.dmAddress ?? null,
          merged.isAdmin,
          jsonb(merged.platformData),
          new Date().toISOString(),
        ],
      );
      return merged;
    });
  }

  async findByName(workspaceId: string, name: string): Promise<UserRecord[]> {
    return (await this.db.rows<UserRow>('SELECT * FROM users WHERE workspace_id = $1 AND lower(name) = lower($2)', [workspaceId, name])).map(
      toUser,
    );
  }
}

