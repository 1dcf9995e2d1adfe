/** An outbox row as PostgreSQL returns it, and as the delivery loop sees it. */
import type { NewOutboxRow, OutboxKind, OutboxRow } from '../store.js';
import { jsonb } from './json.js';

export interface Row {
  id: number;
  key: string;
  kind: string;
  workspace_id: string;
  subject: string;
  address: string;
  recipient_id: string | null;
  commitment_ids: string[];
  slot: string;
  due_at: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  finished_at: string | null;
  interrupted: boolean;
}

export function toOutboxRow(row: Row): OutboxRow {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind as OutboxKind,
    workspaceId: row.workspace_id,
    subject: row.subject,
    address: row.address,
    recipientId: row.recipient_id ?? undefined,
    commitmentIds: row.commitment_ids ?? [],
    slot: row.slot,
    dueAt: row.due_at,
    state: row.state as OutboxRow['state'],
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    leaseOwner: row.lease_owner ?? undefined,
    leaseUntil: row.lease_until ?? undefined,
    lastError: row.last_error ?? undefined,
    messageId: row.message_id ?? undefined,
    createdAt: row.created_at,
    finishedAt: row.finished_at ?? undefined,
    interrupted: row.interrupted,
  };
}

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
