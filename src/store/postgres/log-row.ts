/** A `commitment_log` row as PostgreSQL returns it (jsonb already parsed), and as the core sees it. */
import type { LogEntry } from '../../commitments/commitment.js';

export interface LogRow {
  workspace_id: string;
  commitment_id: string;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  note: string | null;
  evidence: string | null;
  detail: Record<string, unknown> | null;
}

export function toLogEntry(row: LogRow): LogEntry {
  return {
    workspaceId: row.workspace_id,
    commitmentId: row.commitment_id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name },
    action: row.action,
    note: row.note ?? undefined,
    evidence: row.evidence ?? undefined,
    detail: row.detail ?? undefined,
  };
}
