/** A `commitment_log` row as stored, and as the core sees it. */
import type { LogEntry } from '../../commitments/commitment.js';
import { fromJson } from './json.js';

export interface LogRow {
  workspace_id: string;
  commitment_id: string;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  note: string | null;
  evidence: string | null;
  detail: string | null;
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
    detail: fromJson(row.detail, undefined),
  };
}
