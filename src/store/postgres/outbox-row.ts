/** An outbox row as PostgreSQL returns it, and as the delivery loop sees it. */
import type { NewOutboxRow } from '../store.js';
import { jsonb, pgJson } from './json.js';
import { toOutboxRow as mapOutboxRow, type OutboxTableRow as Row } from '../rows.js';

export type { Row };
export const toOutboxRow = (row: Row) => mapOutboxRow(row, pgJson);

/** Values for the INSERT in `record`: a pending row is first tried at its due time; a missed one is finished at once. */
export function insertValues(row: NewOutboxRow, at: string): unknown[] {
  const state = row.state ?? 'pending';
  return [
    row.key,
    row.kind,
    row.workspaceId,
    row.subject,
    row.address,
    row.recipientId ?? null,
    jsonb(row.commitmentIds),
    row.slot,
    row.dueAt,
    state,
    at,
    state === 'pending' ? null : at,
  ];
}
