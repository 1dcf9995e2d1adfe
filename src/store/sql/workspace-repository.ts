/** Workspaces: created on first sight, never deleted; plus the per-workspace id counters (C-n, E-n). */
import type { WorkspaceRecord, WorkspaceRepository } from '../store.js';
import type { Executor } from './executor.js';

export class SqlWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly sql: Executor) {}

  /** Every command calls this: a read when the workspace is known as it is (no write lock, nothing to sync). */
  async ensure(workspace: WorkspaceRecord): Promise<void> {
    const [known] = await this.sql.rows<{ name: string | null }>('SELECT name FROM workspaces WHERE id = $1', [workspace.id]);
    if (known && (workspace.name === undefined || workspace.name === known.name)) return;
    await ensureWorkspace(this.sql, workspace);
  }

  async get(id: string): Promise<WorkspaceRecord | null> {
    const [row] = await this.sql.rows<{ id: string; name: string | null }>('SELECT id, name FROM workspaces WHERE id = $1', [id]);
    return row ? { id: row.id, name: row.name ?? undefined } : null;
  }
}

/** Inside other repositories' transactions, so a first write in a new workspace needs no separate step. An unchanged name writes nothing. */
export async function ensureWorkspace(sql: Executor, workspace: WorkspaceRecord): Promise<void> {
  await sql.run(
    `INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = COALESCE(excluded.name, workspaces.name)
     WHERE excluded.name IS NOT NULL AND excluded.name IS DISTINCT FROM workspaces.name`,
    [workspace.id, workspace.name ?? null, new Date().toISOString()],
  );
}

/** Next value of a per-workspace counter; call inside a transaction (the row it writes serialises concurrent creates). */
export async function nextCounter(sql: Executor, workspaceId: string, name: string): Promise<number> {
  const [row] = await sql.rows<{ value: number }>(
    `INSERT INTO counters (workspace_id, name, value) VALUES ($1, $2, 1)
     ON CONFLICT (workspace_id, name) DO UPDATE SET value = counters.value + 1
     RETURNING value`,
    [workspaceId, name],
  );
  return Number(row.value);
}
