/** A commitment as PostgreSQL returns it (owners gathered in order by a subquery, jsonb parsed) and as the core sees it. */
import type { Commitment } from '../../commitments/commitment.js';

export interface CommitmentRow {
  workspace_id: string;
  id: string;
  channel: string;
  title: string;
  parties: string[];
  tags: string[];
  source: Commitment['source'];
  deadline: Commitment['deadline'];
  time_zone: string;
  status: string;
  at_risk: boolean;
  snoozed_until: string | null;
  created_by_id: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
  next_reminder_at: string | null;
  owners: Commitment['owners'];
}

export const SELECT_COMMITMENT = `
  SELECT c.*, COALESCE((SELECT jsonb_agg(jsonb_build_object('id', o.user_id, 'name', o.user_name) ORDER BY o.position)
                        FROM commitment_owners o WHERE o.workspace_id = c.workspace_id AND o.commitment_id = c.id),
                       '[]'::jsonb) AS owners
  FROM commitments c`;

export function toCommitment(row: CommitmentRow): Commitment {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    channel: row.channel,
    title: row.title,
    parties: row.parties ?? [],
    owners: row.owners ?? [],
    tags: row.tags ?? [],
    source: row.source ?? {},
    deadline: row.deadline ?? { kind: 'none', text: '', reference: row.created_at.slice(0, 10) },
    timeZone: row.time_zone,
    status: row.status as Commitment['status'],
    atRisk: row.at_risk,
    snoozedUntil: row.snoozed_until ?? undefined,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
