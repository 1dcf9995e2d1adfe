/** Workspaces in SQLite: created on first sight, never deleted. */
import type Database from 'better-sqlite3';
import type { WorkspaceRecord, WorkspaceRepository } from '../store.js';
import { prepared } from './prepared.js';

export class SqliteWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly db: Database.Database) {}

  async ensure(workspace: WorkspaceRecord): Promise<void> {
    ensureWorkspace(this.db, workspace);
  }

  async get(id: string): Promise<WorkspaceRecord | null> {
    const row = prepared(this.db, 'SELECT id, name FROM workspaces WHERE id = ?').get(id) as
      | { id: string; name: string | null }
      | undefined;
    return row ? { id: row.id, name: row.name ?? undefined } : null;
  }
}

/** Synchronous form for use inside other repositories' transactions. */
export function ensureWorkspace(db: Database.Database, workspace: WorkspaceRecord): void {
  prepared(
      db,
    `INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = COALESCE(excluded.name, workspaces.name)`,
  ).run(workspace.id, workspace.name ?? null, new Date().toISOString());
}

/** Next value of a per-workspace counter (C-n, E-n); call inside a transaction. */
export function nextCounter(db: Database.Database, workspaceId: string, name: string): number {
  const row = prepared(
      db,
      `INSERT INTO counters (workspace_id, name, value) VALUES (?, ?, 1)
       ON CONFLICT(workspace_id, name) DO UPDATE SET value = value + 1
       RETURNING value`,
    )
    .get(workspaceId, name) as { value: number };
  return row.value;
}
