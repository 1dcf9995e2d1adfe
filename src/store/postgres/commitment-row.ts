/** A commitment as PostgreSQL returns it (owners gathered in order by a subquery, jsonb parsed) and as the core sees it. */
import { toCommitment as mapCommitment, type CommitmentRow as StoredCommitmentRow } from '../rows.js';
import { pgJson } from './json.js';

export interface CommitmentRow extends StoredCommitmentRow {
  next_reminder_at: string | null;
}

export const toCommitment = (row: CommitmentRow) => mapCommitment(row, pgJson);

export const SELECT_COMMITMENT = `
  SELECT c.*, COALESCE((SELECT jsonb_agg(jsonb_build_object('id', o.user_id, 'name', o.user_name) ORDER BY o.position)
                        FROM commitment_owners o WHERE o.workspace_id = c.workspace_id AND o.commitment_id = c.id),
                       '[]'::jsonb) AS owners
  FROM commitments c`;

