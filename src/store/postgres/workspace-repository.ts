/** Workspaces in PostgreSQL: created on first sight, never deleted; plus the per-workspace id counters. */
import type { WorkspaceRecord, WorkspaceRepository } from '../store.js';
import type { PgDatabase, Sql } from './database.js';

export class PgWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly db: PgDatabase) {}

  async ensure(workspace: WorkspaceRecord): Promise<void> {
    await ensureWorkspace(this.db, workspace);
  }

  async get(id: string): Promise<WorkspaceRecord | null> {
    const [row] = await this.db.rows<{ id: string; name: string | null }>('SELECT id, name FROM workspaces WHERE id = $1', [id]);
    return row ? { id: row.id, name: row.name ?? undefined } : null;
  }
}

/** Inside other repositories' transactions, so a first write in a new workspace needs no separate step. */
export async function ensureWorkspace(sql: Sql, workspace: WorkspaceRecord): Promise<void> {
  await sql.query(
    `INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = COALESCE(excluded.name, workspaces.name)
     WHERE excluded.name IS NOT NULL AND excluded.name IS DISTINCT FROM workspaces.name`,
    [workspace.id, workspace.name ?? null, new Date().toISOString()],
  );
}

/** Next value of a per-workspace counter (C-n, E-n); the row lock it takes serialises concurrent creates. */
export async function nextCounter(sql: Sql, workspaceId: string, name: string): Promise<number> {
  const { rows } = await sql.query<{ value: number }>(
    `INSERT INTO counters (workspace_id, name, value) VALUES ($1, $2, 1)
     ON CONFLICT (workspace_id, name) DO UPDATE SET value = counters.value + 1
     RETURNING value`,
    [workspaceId, name],
  );
  return rows[0].value;
}
