/** Commitments in PostgreSQL: short ids, owners, optimistic versions and the append-only log. */
import type { Commitment, LogEntry } from '../../commitments/commitment.js';
import { dueDateOf } from '../../commitments/deadline.js';
import {
  ConcurrentChange,
  type CommitmentChanges,
  type CommitmentFilter,
  type CommitmentRepository,
  type NewCommitment,
  type NextReminderCalculator,
} from '../store.js';
import type { PgDatabase, Sql } from './database.js';
import { SELECT_COMMITMENT, toCommitment, type CommitmentRow } from './commitment-row.js';
import { jsonb } from './json.js';
import { toLogEntry, type LogRow } from './log-row.js';
import { ensureWorkspace, nextCounter } from './workspace-repository.js';

type LogInput = Omit<LogEntry, 'workspaceId' | 'commitmentId'>;

export class PgCommitmentRepository implements CommitmentRepository {
  /** `nextReminderAt` is injected (reminder policy lives outside the store); without it no reminders are scheduled. */
  constructor(
    private readonly db: PgDatabase,
    private readonly nextReminderAt?: NextReminderCalculator['commitment'],
  ) {}

  async create(input: NewCommitment, log: LogInput): Promise<Commitment> {
    return this.db.transaction(async (sql) => {
      await ensureWorkspace(sql, { id: input.workspaceId });
      const seq = await nextCounter(sql, input.workspaceId, 'commitment');
      const id = `C-${seq}`;
      await sql.query(
        `INSERT INTO commitments (workspace_id, id, seq, channel, title, parties, tags, source, deadline, deadline_kind,
           due_date, time_zone, status, at_risk, snoozed_until, created_by_id, created_by_name, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, false, NULL, $14, $15, $16, $16, 1)`,
        [
          input.workspaceId,
          id,
          seq,
          input.channel,
          input.title,
          jsonb(input.parties),
          jsonb(input.tags),
          jsonb(input.source),
          jsonb(input.deadline),
          input.deadline.kind,
          dueDateOf(input.deadline) ?? null,
          input.timeZone,
          input.status,
          input.createdBy.id,
          input.createdBy.name,
          input.createdAt,
        ],
      );
      await writeOwners(sql, input.workspaceId, id, input.owners);
      await appendLog(sql, { ...log, workspaceId: input.workspaceId, commitmentId: id });
      return this.storeNextReminder(sql, input.workspaceId, id, log.at);
    });
  }

  async get(workspaceId: string, id: string): Promise<Commitment | null> {
    return read(this.db, workspaceId, id);
  }

  async list(workspaceId: string, filter: CommitmentFilter = {}): Promise<Commitment[]> {
    return this.listIn(this.db, workspaceId, filter);
  }

  /** `list` on a given connection, so event confirmation can read and change in one transaction. */
  async listIn(sql: Sql, workspaceId: string, filter: CommitmentFilter = {}): Promise<Commitment[]> {
    const values: unknown[] = [workspaceId];
    const param = (value: unknown) => `$${values.push(value)}`;
    const where = ['c.workspace_id = $1'];
    if (filter.channel !== undefined) where.push(`c.channel = ${param(filter.channel)}`);
    if (filter.statuses !== undefined) where.push(`c.status = ANY(${param([...filter.statuses])}::text[])`);
    if (filter.ownerId !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM commitment_owners o WHERE o.workspace_id = c.workspace_id AND o.commitment_id = c.id AND o.user_id = ${param(filter.ownerId)})`,
      );
    }
    if (filter.tag !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.tags) t WHERE lower(t) = lower(${param(filter.tag)}))`);
    }
    if (filter.eventId !== undefined) where.push(`c.deadline_kind = 'event' AND c.deadline->>'eventId' = ${param(filter.eventId)}`);
    const { rows } = await sql.query<CommitmentRow>(`${SELECT_COMMITMENT} WHERE ${where.join(' AND ')} ORDER BY c.seq`, values);
    return rows.map(toCommitment);
  }

  async update(workspaceId: string, id: string, expectedVersion: number, changes: CommitmentChanges, log: LogInput): Promise<Commitment> {
    return this.db.transaction((sql) => this.updateIn(sql, workspaceId, id, expectedVersion, changes, log));
  }

  /** `update` inside a caller's transaction (event confirmation changes many commitments at once). */
  async updateIn(
    sql: Sql,
    workspaceId: string,
    id: string,
    expectedVersion: number,
    changes: CommitmentChanges,
    log: LogInput,
  ): Promise<Commitment> {
    const current = await read(sql, workspaceId, id);
    if (!current || current.version !== expectedVersion) throw new ConcurrentChange(id);
    const next: Commitment = { ...current, ...changes, version: current.version + 1, updatedAt: log.at };
    // The version in the WHERE clause is the real guard: another instance may have written since our read.
    const result = await sql.query(
      `UPDATE commitments SET channel = $4, title = $5, parties = $6::jsonb, tags = $7::jsonb, source = $8::jsonb,
         deadline = $9::jsonb, deadline_kind = $10, due_date = $11, time_zone = $12, status = $13, at_risk = $14,
         snoozed_until = $15, updated_at = $16, version = $17
       WHERE workspace_id = $1 AND id = $2 AND version = $3`,
      [
        workspaceId,
        current.id,
        expectedVersion,
        next.channel,
        next.title,
        jsonb(next.parties),
        jsonb(next.tags),
        jsonb(next.source),
        jsonb(next.deadline),
        next.deadline.kind,
        dueDateOf(next.deadline) ?? null,
        next.timeZone,
        next.status,
        next.atRisk,
        next.snoozedUntil ?? null,
        next.updatedAt,
        next.version,
      ],
    );
    if (result.rowCount !== 1) throw new ConcurrentChange(id);
    if (changes.owners) await writeOwners(sql, workspaceId, current.id, changes.owners);
    await appendLog(sql, { ...log, workspaceId, commitmentId: current.id });
    return this.storeNextReminder(sql, workspaceId, current.id, log.at);
  }

  async history(workspaceId: string, id: string): Promise<LogEntry[]> {
    const rows = await this.db.rows<LogRow>(
      'SELECT * FROM commitment_log WHERE workspace_id = $1 AND upper(commitment_id) = upper($2) ORDER BY seq',
      [workspaceId, id],
    );
    return rows.map(toLogEntry);
  }

  /** Recomputed inside the change's transaction so a tick never sees a stale next reminder time; returns the commitment as stored. */
  private async storeNextReminder(sql: Sql, workspaceId: string, id: string, at: string): Promise<Commitment> {
    const commitment = (await read(sql, workspaceId, id))!;
    if (this.nextReminderAt) {
      await sql.query('UPDATE commitments SET next_reminder_at = $1 WHERE workspace_id = $2 AND id = $3', [
        this.nextReminderAt(commitment, new Date(at)),
        workspaceId,
        id,
      ]);
    }
    return commitment;
  }
}

async function read(sql: Sql, workspaceId: string, id: string): Promise<Commitment | null> {
  const { rows } = await sql.query<CommitmentRow>(`${SELECT_COMMITMENT} WHERE c.workspace_id = $1 AND upper(c.id) = upper($2)`, [
    workspaceId,
    id,
  ]);
  return rows[0] ? toCommitment(rows[0]) : null;
}

async function writeOwners(sql: Sql, workspaceId: string, id: string, owners: Commitment['owners']): Promise<void> {
  await sql.query('DELETE FROM commitment_owners WHERE workspace_id = $1 AND commitment_id = $2', [workspaceId, id]);
  if (owners.length === 0) return;
  // One statement for all owners; a repeated owner keeps its first position (as SQLite's INSERT OR IGNORE does).
  await sql.query(
    `INSERT INTO commitment_owners (workspace_id, commitment_id, position, user_id, user_name)
     SELECT $1, $2, o.position - 1, o.id, o.name
     FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS o(id, name, position)
     ON CONFLICT DO NOTHING`,
    [workspaceId, id, owners.map((o) => o.id), owners.map((o) => o.name)],
  );
}

async function appendLog(sql: Sql, entry: LogEntry): Promise<void> {
  await sql.query(
    `INSERT INTO commitment_log (workspace_id, commitment_id, at, actor_id, actor_name, action, note, evidence, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
    [
      entry.workspaceId,
      entry.commitmentId,
      entry.at,
      entry.actor.id,
      entry.actor.name,
      entry.action,
      entry.note ?? null,
      entry.evidence ?? null,
      jsonb(entry.detail),
    ],
  );
}
