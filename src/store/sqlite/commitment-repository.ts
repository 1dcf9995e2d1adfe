/** Commitments in SQLite: short ids, owners, optimistic versions and the append-only log. */
import type Database from 'better-sqlite3';
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
import { sqliteJson, toJson } from './json.js';
import { ensureWorkspace, nextCounter } from './workspace-repository.js';
import { prepared } from './prepared.js';
import { toCommitment as mapCommitment, toLogEntry as mapLogEntry, type CommitmentRow, type LogRow } from '../rows.js';

const toCommitment = (row: CommitmentRow) => mapCommitment(row, sqliteJson);
const toLogEntry = (row: LogRow) => mapLogEntry(row, sqliteJson);

type LogInput = Omit<LogEntry, 'workspaceId' | 'commitmentId'>;

const SELECT = `
  SELECT c.*, (SELECT json_group_array(json_object('id', o.user_id, 'name', o.user_name))
               FROM (SELECT * FROM commitment_owners o WHERE o.workspace_id = c.workspace_id
                     AND o.commitment_id = c.id ORDER BY o.position) o) AS owners
  FROM commitments c`;

export class SqliteCommitmentRepository implements CommitmentRepository {
  /** `nextReminderAt` is injected (reminder policy lives outside the store); without it no reminders are scheduled. */
  constructor(
    private readonly db: Database.Database,
    private readonly nextReminderAt?: NextReminderCalculator['commitment'],
  ) {}

  /** Recomputed inside the change's transaction so a tick never sees a stale next reminder time; returns the commitment as stored. */
  private storeNextReminder(workspaceId: string, id: string, at: string): Commitment {
    const commitment = this.read(workspaceId, id)!;
    if (this.nextReminderAt) {
      prepared(this.db, 'UPDATE commitments SET next_reminder_at = ? WHERE workspace_id = ? AND id = ?')
        .run(this.nextReminderAt(commitment, new Date(at)), workspaceId, id);
    }
    return commitment;
  }

  async create(input: NewCommitment, log: LogInput): Promise<Commitment> {
    return this.db.transaction(() => {
      ensureWorkspace(this.db, { id: input.workspaceId });
      const seq = nextCounter(this.db, input.workspaceId, 'commitment');
      const id = `C-${seq}`;
      prepared(
      this.db,
          `INSERT INTO commitments (workspace_id, id, seq, channel, title, parties, tags, source, deadline, deadline_kind,
             due_date, time_zone, status, at_risk, snoozed_until, created_by_id, created_by_name, created_at, updated_at, version)
           VALUES (@workspaceId, @id, @seq, @channel, @title, @parties, @tags, @source, @deadline, @deadlineKind,
             @dueDate, @timeZone, @status, 0, NULL, @createdById, @createdByName, @createdAt, @createdAt, 1)`,
        )
        .run({
          workspaceId: input.workspaceId,
          id,
          seq,
          channel: input.channel,
          title: input.title,
          parties: JSON.stringify(input.parties),
          tags: JSON.stringify(input.tags),
          source: JSON.stringify(input.source),
          deadline: JSON.stringify(input.deadline),
          deadlineKind: input.deadline.kind,
          dueDate: dueDateOf(input.deadline) ?? null,
          timeZone: input.timeZone,
          status: input.status,
          createdById: input.createdBy.id,
          createdByName: input.createdBy.name,
          createdAt: input.createdAt,
        });
      this.writeOwners(input.workspaceId, id, input.owners);
      this.appendLog({ ...log, workspaceId: input.workspaceId, commitmentId: id });
      return this.storeNextReminder(input.workspaceId, id, log.at);
    })();
  }

  async get(workspaceId: string, id: string): Promise<Commitment | null> {
    return this.read(workspaceId, id);
  }

  async list(workspaceId: string, filter: CommitmentFilter = {}): Promise<Commitment[]> {
    const where = ['c.workspace_id = @workspaceId'];
    const params: Record<string, unknown> = { workspaceId };
    if (filter.channel !== undefined) {
      where.push('c.channel = @channel');
      params.channel = filter.channel;
    }
    if (filter.statuses !== undefined) {
      where.push(`c.status IN (${filter.statuses.map((_, i) => `@status${i}`).join(', ') || "''"})`);
      filter.statuses.forEach((s, i) => (params[`status${i}`] = s));
    }
    if (filter.ownerId !== undefined) {
      where.push(
        'EXISTS (SELECT 1 FROM commitment_owners o WHERE o.workspace_id = c.workspace_id AND o.commitment_id = c.id AND o.user_id = @ownerId)',
      );
      params.ownerId = filter.ownerId;
    }
    if (filter.tag !== undefined) {
      where.push('EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = @tag COLLATE NOCASE)');
      params.tag = filter.tag;
    }
    if (filter.eventId !== undefined) {
      where.push("c.deadline_kind = 'event' AND json_extract(c.deadline, '$.eventId') = @eventId");
      params.eventId = filter.eventId;
    }
    const rows = prepared(this.db, `${SELECT} WHERE ${where.join(' AND ')} ORDER BY c.seq`).all(params) as CommitmentRow[];
    return rows.map(toCommitment);
  }

  async update(
    workspaceId: string,
    id: string,
    expectedVersion: number,
    changes: CommitmentChanges,
    log: LogInput,
  ): Promise<Commitment> {
    return this.updateNow(workspaceId, id, expectedVersion, changes, log);
  }

  /** Synchronous form, for other SQLite repositories' transactions (event confirmation). */
  updateNow(workspaceId: string, id: string, expectedVersion: number, changes: CommitmentChanges, log: LogInput): Commitment {
    return this.db.transaction(() => {
      const current = this.read(workspaceId, id);
      if (!current || current.version !== expectedVersion) throw new ConcurrentChange(id);
      const next: Commitment = { ...current, ...changes, version: current.version + 1, updatedAt: log.at };
      prepared(
      this.db,
          `UPDATE commitments SET channel = @channel, title = @title, parties = @parties, tags = @tags, source = @source,
             deadline = @deadline, deadline_kind = @deadlineKind, due_date = @dueDate, time_zone = @timeZone,
             status = @status, at_risk = @atRisk, snoozed_until = @snoozedUntil, updated_at = @updatedAt, version = @version
           WHERE workspace_id = @workspaceId AND id = @id AND version = @expectedVersion`,
        )
        .run({
          workspaceId,
          id,
          expectedVersion,
          channel: next.channel,
          title: next.title,
          parties: JSON.stringify(next.parties),
          tags: JSON.stringify(next.tags),
          source: JSON.stringify(next.source),
          deadline: JSON.stringify(next.deadline),
          deadlineKind: next.deadline.kind,
          dueDate: dueDateOf(next.deadline) ?? null,
          timeZone: next.timeZone,
          status: next.status,
          atRisk: next.atRisk ? 1 : 0,
          snoozedUntil: next.snoozedUntil ?? null,
          updatedAt: next.updatedAt,
          version: next.version,
        });
      if (changes.owners) this.writeOwners(workspaceId, id, changes.owners);
      this.appendLog({ ...log, workspaceId, commitmentId: id });
      return this.storeNextReminder(workspaceId, id, log.at);
    })();
  }

  async history(workspaceId: string, id: string): Promise<LogEntry[]> {
    const rows = prepared(this.db, 'SELECT * FROM commitment_log WHERE workspace_id = ? AND commitment_id = ? ORDER BY seq')
      .all(workspaceId, id) as LogRow[];
    return rows.map(toLogEntry);
  }

  private read(workspaceId: string, id: string): Commitment | null {
    const row = prepared(this.db, `${SELECT} WHERE c.workspace_id = ? AND c.id = ? COLLATE NOCASE`).get(workspaceId, id) as
      | CommitmentRow
      | undefined;
    return row ? toCommitment(row) : null;
  }

  private writeOwners(workspaceId: string, id: string, owners: Commitment['owners']): void {
    prepared(this.db, 'DELETE FROM commitment_owners WHERE workspace_id = ? AND commitment_id = ?').run(workspaceId, id);
    const insert = prepared(
      this.db,
      'INSERT OR IGNORE INTO commitment_owners (workspace_id, commitment_id, position, user_id, user_name) VALUES (?, ?, ?, ?, ?)',
    );
    owners.forEach((owner, position) => insert.run(workspaceId, id, position, owner.id, owner.name));
  }

  private appendLog(entry: LogEntry): void {
    prepared(
      this.db,
        `INSERT INTO commitment_log (workspace_id, commitment_id, at, actor_id, actor_name, action, note, evidence, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.workspaceId,
        entry.commitmentId,
        entry.at,
        entry.actor.id,
        entry.actor.name,
        entry.action,
        entry.note ?? null,
        entry.evidence ?? null,
        toJson(entry.detail),
      );
  }
}

