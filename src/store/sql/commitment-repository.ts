/** Commitments: short ids, owners, optimistic versions and the append-only log, on either engine. */
import type { Commitment, LogEntry } from '../../commitments/commitment.js';
import { dueDateOf } from '../../commitments/deadline.js';
import { toCommitment, toLogEntry, type CommitmentRow, type LogRow } from '../rows.js';
import {
  ConcurrentChange,
  type CommitmentChanges,
  type CommitmentFilter,
  type CommitmentRepository,
  type NewCommitment,
  type NextReminderCalculator,
} from '../store.js';
import { toJson } from './channel-repository.js';
import type { Dialect, Executor } from './executor.js';
import { canonicalId } from './fold.js';
import { ensureWorkspace, nextCounter } from './workspace-repository.js';

type LogInput = Omit<LogEntry, 'workspaceId' | 'commitmentId'>;

/** A commitment with its owners in order, gathered by one correlated subquery on the owners' primary key. */
export function selectCommitment(d: Dialect): string {
  return `SELECT c.*, (SELECT ${d.jsonArray({ id: 'o.user_id', name: 'o.user_name' }, 'o.position')}
                       FROM commitment_owners o WHERE o.workspace_id = c.workspace_id AND o.commitment_id = c.id) AS owners
          FROM commitments c`;
}

/** The content columns an INSERT and an UPDATE both write, in their order: channel … status ($4–$13 in both). */
function contentParams(
  c: Pick<Commitment, 'channel' | 'title' | 'parties' | 'tags' | 'source' | 'deadline' | 'timeZone' | 'status'>,
): unknown[] {
  return [
    c.channel,
    c.title,
    JSON.stringify(c.parties),
    JSON.stringify(c.tags),
    JSON.stringify(c.source),
    JSON.stringify(c.deadline),
    c.deadline.kind,
    dueDateOf(c.deadline) ?? null,
    c.timeZone,
    c.status,
  ];
}

export class SqlCommitmentRepository implements CommitmentRepository {
  /** `nextReminderAt` is injected (reminder policy lives outside the store); without it no reminders are scheduled. */
  constructor(
    private readonly sql: Executor,
    private readonly nextReminderAt?: NextReminderCalculator['commitment'],
  ) {}

  async create(input: NewCommitment, log: LogInput): Promise<Commitment> {
    return this.sql.transaction(async (tx) => {
      await ensureWorkspace(tx, { id: input.workspaceId });
      const seq = await nextCounter(tx, input.workspaceId, 'commitment');
      const id = `C-${seq}`;
      const j = tx.dialect.json;
      await tx.run(
        `INSERT INTO commitments (workspace_id, id, seq, channel, title, parties, tags, source, deadline, deadline_kind,
           due_date, time_zone, status, at_risk, snoozed_until, created_by_id, created_by_name, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, ${j('$6')}, ${j('$7')}, ${j('$8')}, ${j('$9')}, $10, $11, $12, $13, FALSE, NULL, $14, $15, $16, $16, 1)`,
        [input.workspaceId, id, seq, ...contentParams(input), input.createdBy.id, input.createdBy.name, input.createdAt],
      );
      const owners = await writeOwners(tx, input.workspaceId, id, input.owners);
      await appendLog(tx, { ...log, workspaceId: input.workspaceId, commitmentId: id });
      const { owners: _given, ...fields } = input;
      void _given;
      const created = asStored({ ...fields, id, owners, atRisk: false, updatedAt: input.createdAt, version: 1 });
      await this.storeNextReminder(tx, created, log.at);
      return created;
    });
  }

  async get(workspaceId: string, id: string): Promise<Commitment | null> {
    return read(this.sql, workspaceId, id);
  }

  async list(workspaceId: string, filter: CommitmentFilter = {}): Promise<Commitment[]> {
    return listIn(this.sql, workspaceId, filter);
  }

  async update(
    workspaceId: string,
    id: string,
    expectedVersion: number,
    changes: CommitmentChanges,
    log: LogInput,
    current?: Commitment,
  ): Promise<Commitment> {
    // Where the engine can write the change and its log row in one statement (PostgreSQL's data-modifying
    // WITH), a change of a commitment just read is one round trip, with no BEGIN and COMMIT around it.
    if (this.sql.dialect.writesInWith && current?.version === expectedVersion && !changes.owners) {
      const change = this.changeOf(this.sql.dialect, current, changes, log);
      const logged = await this.sql.run(
        `WITH changed AS (${change.sql} RETURNING workspace_id, id)
         INSERT INTO commitment_log (workspace_id, commitment_id, at, actor_id, actor_name, action, note, evidence, detail)
         SELECT workspace_id, id, ${logValues(this.sql.dialect, change.params).join(', ')} FROM changed`,
        [...change.params, ...logParams(log)],
      );
      if (logged !== 1) throw new ConcurrentChange(id);
      return change.updated;
    }
    return this.sql.transaction((tx) => this.updateIn(tx, workspaceId, id, expectedVersion, changes, log, current));
  }

  /**
   * `update` inside a caller's transaction (event confirmation changes many commitments at once).
   * `given`, when the caller just read it at `expectedVersion`, spares reading it again: the version
   * in the UPDATE's WHERE clause is what guards the change either way (every change bumps it).
   */
  async updateIn(
    tx: Executor,
    workspaceId: string,
    id: string,
    expectedVersion: number,
    changes: CommitmentChanges,
    log: LogInput,
    given?: Commitment,
  ): Promise<Commitment> {
    const current = given && given.version === expectedVersion ? given : await read(tx, workspaceId, id, true);
    if (!current || current.version !== expectedVersion) throw new ConcurrentChange(id);
    const change = this.changeOf(tx.dialect, current, changes, log);
    if ((await tx.run(change.sql, change.params)) !== 1) throw new ConcurrentChange(id);
    if (changes.owners) await writeOwners(tx, workspaceId, current.id, change.updated.owners);
    await appendLog(tx, { ...log, workspaceId, commitmentId: current.id });
    return change.updated;
  }

  /** The UPDATE that applies `changes` to `current` if it is still that version, with the next reminder time recomputed in it. */
  private changeOf(d: Dialect, current: Commitment, changes: CommitmentChanges, log: LogInput) {
    const owners = changes.owners ? uniqueOwners(changes.owners) : current.owners;
    const updated = asStored({ ...current, ...changes, owners, version: current.version + 1, updatedAt: log.at });
    // Recomputed with the change so a tick never sees a stale next reminder time; without a calculator it stays.
    const nextReminder = this.nextReminderAt ? this.nextReminderAt(updated, new Date(log.at)) : undefined;
    const j = d.json;
    const sql = `UPDATE commitments SET channel = $4, title = $5, parties = ${j('$6')}, tags = ${j('$7')}, source = ${j('$8')},
         deadline = ${j('$9')}, deadline_kind = $10, due_date = $11, time_zone = $12, status = $13, at_risk = $14,
         snoozed_until = $15, updated_at = $16, version = $17,
         next_reminder_at = CASE WHEN $18 THEN CAST($19 AS TEXT) ELSE next_reminder_at END
       WHERE workspace_id = $1 AND id = $2 AND version = $3`;
    const params: unknown[] = [
      current.workspaceId,
      current.id,
      current.version,
      ...contentParams(updated),
      updated.atRisk,
      updated.snoozedUntil ?? null,
      updated.updatedAt,
      updated.version,
      nextReminder !== undefined,
      nextReminder ?? null,
    ];
    return { sql, params, updated };
  }

  async history(workspaceId: string, id: string): Promise<LogEntry[]> {
    const rows = await this.sql.rows<LogRow>('SELECT * FROM commitment_log WHERE workspace_id = $1 AND commitment_id = $2 ORDER BY seq', [
      workspaceId,
      canonicalId(id),
    ]);
    return rows.map((row) => toLogEntry(row, this.sql.dialect.decodeJson));
  }

  /** Recomputed inside the change's transaction so a tick never sees a stale next reminder time. */
  private async storeNextReminder(tx: Executor, commitment: Commitment, at: string): Promise<void> {
    if (!this.nextReminderAt) return;
    await tx.run('UPDATE commitments SET next_reminder_at = $1 WHERE workspace_id = $2 AND id = $3', [
      this.nextReminderAt(commitment, new Date(at)),
      commitment.workspaceId,
      commitment.id,
    ]);
  }
}

/** One commitment by id, by primary key: ids are stored upper case and the typed one is made so. */
export async function read(sql: Executor, workspaceId: string, id: string, forUpdate = false): Promise<Commitment | null> {
  const [row] = await sql.rows<CommitmentRow>(
    `${selectCommitment(sql.dialect)} WHERE c.workspace_id = $1 AND c.id = $2${forUpdate ? sql.dialect.forUpdate : ''}`,
    [workspaceId, canonicalId(id)],
  );
  return row ? toCommitment(row, sql.dialect.decodeJson) : null;
}

/**
 * `list` on a given executor, so event confirmation can read and change in one transaction;
 * `forUpdate` locks the rows read (PostgreSQL) so a concurrent edit lands before or after, never between.
 */
export async function listIn(sql: Executor, workspaceId: string, filter: CommitmentFilter = {}, forUpdate = false): Promise<Commitment[]> {
  if (filter.statuses !== undefined && filter.statuses.length === 0) return [];
  const params: unknown[] = [workspaceId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = ['c.workspace_id = $1'];
  if (filter.channel !== undefined) where.push(`c.channel = ${param(filter.channel)}`);
  if (filter.statuses !== undefined) where.push(`c.status IN (${filter.statuses.map(param).join(', ')})`);
  if (filter.ownerId !== undefined) {
    // Driven from the owner's rows (owners_by_user), not a check on every commitment of the workspace.
    where.push(
      `c.id IN (SELECT o.commitment_id FROM commitment_owners o WHERE o.workspace_id = $1 AND o.user_id = ${param(filter.ownerId)})`,
    );
  }
  if (filter.tag !== undefined) where.push(sql.dialect.jsonArrayHasLower('c.tags', param(filter.tag.toLowerCase())));
  if (filter.eventId !== undefined)
    where.push(`c.deadline_kind = 'event' AND c.deadline ->> 'eventId' = ${param(canonicalId(filter.eventId))}`);
  const lock = forUpdate ? sql.dialect.forUpdate : '';
  const rows = await sql.rows<CommitmentRow>(`${selectCommitment(sql.dialect)} WHERE ${where.join(' AND ')} ORDER BY c.seq${lock}`, params);
  return rows.map((row) => toCommitment(row, sql.dialect.decodeJson));
}

/** The owners as stored: a repeated owner keeps its first position. */
function uniqueOwners(owners: Commitment['owners']): Commitment['owners'] {
  return owners.filter((owner, i) => owners.findIndex((o) => o.id === owner.id) === i).map((o) => ({ id: o.id, name: o.name }));
}

/** Writes the owner rows in one statement. Returns the owners as stored. */
async function writeOwners(tx: Executor, workspaceId: string, id: string, owners: Commitment['owners']): Promise<Commitment['owners']> {
  await tx.run('DELETE FROM commitment_owners WHERE workspace_id = $1 AND commitment_id = $2', [workspaceId, id]);
  const unique = uniqueOwners(owners);
  if (unique.length === 0) return [];
  const params: unknown[] = [workspaceId, id];
  const values = unique.map(
    (owner, position) => `($1, $2, $${params.push(position)}, $${params.push(owner.id)}, $${params.push(owner.name)})`,
  );
  await tx.run(
    `INSERT INTO commitment_owners (workspace_id, commitment_id, position, user_id, user_name) VALUES ${values.join(', ')}`,
    params,
  );
  return unique;
}

async function appendLog(tx: Executor, entry: LogEntry): Promise<void> {
  await tx.run(
    `INSERT INTO commitment_log (workspace_id, commitment_id, at, actor_id, actor_name, action, note, evidence, detail)
     VALUES ($1, $2, ${logValues(tx.dialect, [null, null]).join(', ')})`,
    [entry.workspaceId, entry.commitmentId, ...logParams(entry)],
  );
}

/** The placeholders of a log row's own columns (at … detail), numbered after `before`'s. */
function logValues(d: Dialect, before: readonly unknown[]): string[] {
  const n = before.length;
  return [1, 2, 3, 4, 5, 6, 7].map((k) => `$${n + k}`).map((p, k) => (k === 6 ? d.json(p) : p));
}

function logParams(entry: LogInput): unknown[] {
  return [entry.at, entry.actor.id, entry.actor.name, entry.action, entry.note ?? null, entry.evidence ?? null, toJson(entry.detail)];
}

/** The commitment exactly as a read would return it (JSON columns round-tripped, no undefined-valued keys), without reading it back. */
function asStored(c: Commitment): Commitment {
  const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const stored: Commitment = {
    workspaceId: c.workspaceId,
    id: c.id,
    channel: c.channel,
    title: c.title,
    parties: roundTrip(c.parties),
    owners: roundTrip(c.owners),
    tags: roundTrip(c.tags),
    source: roundTrip(c.source),
    deadline: roundTrip(c.deadline),
    timeZone: c.timeZone,
    status: c.status,
    atRisk: Boolean(c.atRisk),
    snoozedUntil: c.snoozedUntil ?? undefined,
    createdBy: { id: c.createdBy.id, name: c.createdBy.name },
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
  return stored;
}
