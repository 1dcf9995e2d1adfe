/** Users in SQLite: the chat identities the core has seen, with zone, DM address and admin flag. */
import type Database from 'better-sqlite3';
import type { UserRecord, UserRepository } from '../store.js';
import { sqliteJson, toJson } from './json.js';
import { ensureWorkspace } from './workspace-repository.js';
import { prepared } from './prepared.js';
import { definedFields, toUser as mapUser, type UserRow } from '../rows.js';

const toUser = (row: UserRow) => mapUser(row, sqliteJson);

export class SqliteUserRepository implements UserRepository {
  constructor(private readonly db: Database.Database) {}

  async get(workspaceId: string, id: string): Promise<UserRecord | null> {
    const row = prepared(this.db, 'SELECT * FROM users WHERE workspace_id = ? AND id = ?').get(workspaceId, id) as
      | UserRow
      | undefined;
    return row ? toUser(row) : null;
  }

  async upsert(user: Partial<UserRecord> & Pick<UserRecord, 'workspaceId' | 'id'>): Promise<UserRecord> {
    return this.db.transaction(() => {
      ensureWorkspace(this.db, { id: user.workspaceId });
      const existing = prepared(this.db, 'SELECT * FROM users WHERE workspace_id = ? AND id = ?').get(user.workspaceId, user.id) as
        | UserRow
        | undefined;
      const merged = {
        ...(existing ? toUser(existing) : { name: user.id, isAdmin: false }),
        ...definedFields(user),
      } as UserRecord;
      prepared(
      this.db,
          `INSERT INTO users (workspace_id, id, name, time_zone, dm_address, is_admin, platform_data, updated_at)
           VALUES (@workspaceId, @id, @name, @timeZone, @dmAddress, @isAdmin, @platformData, @now)
           ON CONFLICT(workspace_id, id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
             dm_address = excluded.dm_address, is_admin = excluded.is_admin, platform_data = excluded.platform_data,
             updated_at = excluded.updated_at`,
        )
        .run({
          workspaceId: merged.workspaceId,
          id: merged.id,
          name: merged.name,
          timeZone: merged.timeZone ?? null,
          dmAddress: merged.dmAddress ?? null,
          isAdmin: merged.isAdmin ? 1 : 0,
          platformData: toJson(merged.platformData),
          now: new Date().toISOString(),
        });
      return merged;
    })();
  }

  async findByName(workspaceId: string, name: string): Promise<UserRecord[]> {
    return (
      prepared(this.db, 'SELECT * FROM users WHERE workspace_id = ? AND name = ? COLLATE NOCASE').all(workspaceId, name) as UserRow[]
    ).map(toUser);
  }
}

