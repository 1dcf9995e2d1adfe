/** Workspace events in PostgreSQL; confirming one dates every commitment waiting on it, in one transaction. */
import type { Commitment, UserRef } from '../../commitments/commitment.js';
import { ACTIVE_STATUSES } from '../../commitments/commitment.js';
import type { CommitmentChanges, EventRecord, EventRepository } from '../store.js';
import type { PgCommitmentRepository } from './commitment-repository.js';
import type { PgDatabase, Sql } from './database.js';
import { ensureWorkspace, nextCounter } from './workspace-repository.js';
import { toEvent, type EventRow } from '../rows.js';

export class PgEventRepository implements EventRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly commitments: PgCommitmentRepository,
  ) {}

  async create(event: Pick<EventRecord, 'workspaceId' | 'name' | 'matchKey' | 'createdAt'>): Promise<EventRecord> {
    return this.db.transaction(async (sql) => {
      await ensureWorkspace(sql, { id: event.workspaceId });
      const seq = await nextCounter(sql, event.workspaceId, 'event');
      const id = `E-${seq}`;
      await sql.query('INSERT INTO events (workspace_id, id, seq, name, match_key, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        event.workspaceId,
        id,
        seq,
        event.name,
        event.matchKey,
        event.createdAt,
      ]);
      return (await read(sql, event.workspaceId, id))!;
    });
  }

  async get(workspaceId: string, id: string): Promise<EventRecord | null> {
    return read(this.db, workspaceId, id);
  }

  async list(workspaceId: string): Promise<EventRecord[]> {
    return (await this.db.rows<EventRow>('SELECT * FROM events WHERE workspace_id = $1 ORDER BY seq', [workspaceId])).map(toEvent);
  }

  async confirm(
    workspaceId: string,
    id: string,
    occurredOn: string,
    by: UserRef,
    at: string,
    changesFor: (commitment: Commitment) => CommitmentChanges,
  ): Promise<{ event: EventRecord; updated: Commitment[] }> {
    return this.db.transaction(async (sql) => {
      // The event row's lock makes a second confirmation of the same event wait for this one.
      await sql.query(
        `UPDATE events SET occurred_on = $1, confirmed_by_id = $2, confirmed_by_name = $3, confirmed_at = $4
         WHERE workspace_id = $5 AND upper(id) = upper($6)`,
        [occurredOn, by.id, by.name, at, workspaceId, id],
      );
      const event = await read(sql, workspaceId, id);
      const waiting = event
        ? await this.commitments.listIn(sql, workspaceId, { eventId: event.id, statuses: [...ACTIVE_STATUSES, 'proposed'] })
        : [];
      const updated: Commitment[] = [];
      for (const c of waiting) {
        updated.push(
          await this.commitments.updateIn(sql, workspaceId, c.id, c.version, changesFor(c), {
            at,
            actor: by,
            action: 'event-confirmed',
            note: `${event!.id} happened on ${occurredOn}`,
            detail: { event: event!.id, occurredOn },
          }),
        );
      }
      return { event: event!, updated };
    });
  }
}

async function read(sql: Sql, workspaceId: string, id: string): Promise<EventRecord | null> {
  const { rows } = await sql.query<EventRow>('SELECT * FROM events WHERE workspace_id = $1 AND upper(id) = upper($2)', [workspaceId, id]);
  return rows[0] ? toEvent(rows[0]) : null;
}

