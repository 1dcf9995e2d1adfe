/**
 * Table rows as both engines return them, and how each becomes what the core sees. One mapping per
 * table for SQLite and PostgreSQL alike: the engines differ only in how a JSON column arrives (text
 * vs parsed jsonb, hence the decoder) and how a flag does (0/1 vs boolean).
 */
import type { Commitment, LogEntry } from '../commitments/commitment.js';
import type { ChannelKind } from '../ports/invocation.js';
import type { ChannelRecord, DueCommitment, EventRecord, OutboxKind, OutboxRow, UserRecord } from './store.js';

/** Turns a stored JSON column into its value, or `fallback` when it is empty. */
export type JsonDecoder = <T>(stored: unknown, fallback: T) => T;

type Flag = boolean | number;

export interface ChannelRow {
  workspace_id: string;
  address: string;
  name: string | null;
  kind: string | null;
  time_zone: string;
  schedule: string | null;
  active: Flag;
  inactive_reason: string | null;
  platform_data: unknown;
}

export interface UserRow {
  workspace_id: string;
  id: string;
  name: string;
  time_zone: string | null;
  dm_address: string | null;
  is_admin: Flag;
  platform_data: unknown;
}

export interface CommitmentRow {
  workspace_id: string;
  id: string;
  channel: string;
  title: string;
  parties: unknown;
  tags: unknown;
  source: unknown;
  deadline: unknown;
  time_zone: string;
  status: string;
  at_risk: Flag;
  snoozed_until: string | null;
  created_by_id: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
  owners: unknown;
}

export interface LogRow {
  workspace_id: string;
  commitment_id: string;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  note: string | null;
  evidence: string | null;
  detail: unknown;
}

export interface EventRow {
  workspace_id: string;
  id: string;
  name: string;
  match_key: string;
  occurred_on: string | null;
  confirmed_by_id: string | null;
  confirmed_by_name: string | null;
  confirmed_at: string | null;
  created_at: string;
}

export interface OutboxTableRow {
  id: number;
  key: string;
  kind: string;
  workspace_id: string;
  subject: string;
  address: string;
  recipient_id: string | null;
  commitment_ids: unknown;
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
  interrupted: Flag;
}

export function toChannel(row: ChannelRow, json: JsonDecoder): ChannelRecord {
  return {
    workspaceId: row.workspace_id,
    address: row.address,
    name: row.name ?? undefined,
    kind: (row.kind as ChannelKind | null) ?? undefined,
    timeZone: row.time_zone,
    schedule: row.schedule,
    active: Boolean(row.active),
    inactiveReason: row.inactive_reason ?? undefined,
    platformData: json(row.platform_data, undefined),
  };
}

export function toUser(row: UserRow, json: JsonDecoder): UserRecord {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    name: row.name,
    timeZone: row.time_zone ?? undefined,
    dmAddress: row.dm_address ?? undefined,
    isAdmin: Boolean(row.is_admin),
    platformData: json(row.platform_data, undefined),
  };
}

export function toCommitment(row: CommitmentRow, json: JsonDecoder): Commitment {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    channel: row.channel,
    title: row.title,
    parties: json(row.parties, []),
    owners: json(row.owners, []),
    tags: json(row.tags, []),
    source: json(row.source, {}),
    deadline: deadlineOf(row, json),
    timeZone: row.time_zone,
    status: row.status as Commitment['status'],
    atRisk: Boolean(row.at_risk),
    snoozedUntil: row.snoozed_until ?? undefined,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** A stored deadline; a row without one (never written so) reads as none, from the day it was made. */
function deadlineOf(row: Pick<CommitmentRow, 'deadline' | 'created_at'>, json: JsonDecoder): Commitment['deadline'] {
  return json(row.deadline, { kind: 'none', text: '', reference: row.created_at.slice(0, 10) });
}

/** A due commitment row: the columns the tick's policy reads, its next reminder time, and its owners joined with their user rows. */
export interface DueRow
  extends Pick<CommitmentRow, 'workspace_id' | 'id' | 'status' | 'deadline' | 'time_zone' | 'created_at' | 'updated_at' | 'snoozed_until'> {
  next_reminder_at: string;
  recipients: unknown;
}

/** The columns of a DueRow, in a SELECT on commitments aliased `c`. */
export const DUE_COLUMNS =
  'c.workspace_id, c.id, c.status, c.deadline, c.time_zone, c.created_at, c.updated_at, c.snoozed_until, c.next_reminder_at';

type StoredOwner = { id: string; name: string; timeZone?: string | null; dmAddress?: string | null };

export function toDueCommitment(row: DueRow, json: JsonDecoder): DueCommitment {
  const owners = json<StoredOwner[]>(row.recipients, []);
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    status: row.status as Commitment['status'],
    deadline: deadlineOf(row, json),
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    snoozedUntil: row.snoozed_until ?? undefined,
    owners: owners.map((o) => ({ id: o.id, name: o.name })),
    nextReminderAt: row.next_reminder_at,
    recipients: owners.map((o) => ({ id: o.id, name: o.name, timeZone: o.timeZone ?? undefined, dmAddress: o.dmAddress ?? undefined })),
  };
}

export function toLogEntry(row: LogRow, json: JsonDecoder): LogEntry {
  return {
    workspaceId: row.workspace_id,
    commitmentId: row.commitment_id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name },
    action: row.action,
    note: row.note ?? undefined,
    evidence: row.evidence ?? undefined,
    detail: json(row.detail, undefined),
  };
}

export function toEvent(row: EventRow): EventRecord {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    name: row.name,
    matchKey: row.match_key,
    occurredOn: row.occurred_on ?? undefined,
    confirmedBy: row.confirmed_by_id ? { id: row.confirmed_by_id, name: row.confirmed_by_name ?? row.confirmed_by_id } : undefined,
    confirmedAt: row.confirmed_at ?? undefined,
    createdAt: row.created_at,
  };
}

export function toOutboxRow(row: OutboxTableRow, json: JsonDecoder): OutboxRow {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind as OutboxKind,
    workspaceId: row.workspace_id,
    subject: row.subject,
    address: row.address,
    recipientId: row.recipient_id ?? undefined,
    commitmentIds: json(row.commitment_ids, []),
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
    interrupted: Boolean(row.interrupted),
  };
}

/** Keeps only the fields a partial update gives, so `undefined` never overwrites a stored value. */
export function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
