/** Workspace events (E-n); confirming one dates every commitment waiting on it, in one transaction. */
import type { Commitment, UserRef } from '../../commitments/commitment.js';
import { ACTIVE_STATUSES } from '../../commitments/commitment.js';
import { toEvent, type EventRow } from '../rows.js';
import type { CommitmentChanges, EventRecord, EventRepository } from '../store.js';
import { listIn, type SqlCommitmentRepository } from './commitment-repository.js';
import type { Executor } from './executor.js';
import { canonicalId } from './fold.js';
import { ensureWorkspace, nextCounter } from './workspace-repository.js';

export class SqlEventRepository implements EventRepository {
  constructor(
    private readonly sql: Executor,
    private readonly commitments: SqlCommitmentRepository,
  ) {}

  async create(event: Pick<EventRecord, 'workspaceId' | 'name' | 'matchKey' | 'createdAt'>): Promise<EventRecord> {
    return this.sql.transaction(async (tx) => {
      await ensureWorkspace(tx, { id: event.workspaceId });
      const seq = await nextCounter(tx, event.workspaceId, 'event');
      const id = `E-${seq}`;
      await tx.run('INSERT INTO events (workspace_id, id, seq, name, match_key, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        event.workspaceId,
        id,
        seq,
        event.name,
        event.matchKey,
        event.createdAt,
      ]);
      return { workspaceId: event.workspaceId, id, name: event.name, matchKey: event.matchKey, createdAt: event.createdAt };
    });
  }

  async get(workspaceId: string, id: string): Promise<EventRecord | null> {
    return read(this.sql, workspaceId, id);
  }

  async list(workspaceId: string): Promise<EventRecord[]> {
    return (await this.sql.rows<EventRow>('SELECT * FROM events WHERE workspace_id = $1 ORDER BY seq', [workspaceId])).map(toEvent);
  }

  async confirm(
    workspaceId: string,
    id: string,
    occurredOn: string,
    by: UserRef,
    at: string,
    changesFor: (commitment: Commitment) => CommitmentChanges,
  ): Promise<{ event: EventRecord; updated: Commitment[] }> {
    return this.sql.transaction(async (tx) => {
      // The event row's write makes a second confirmation of the same event wait for this one; the
      // waiting commitments are read after it, inside the transaction, so none is missed or stale.
      const changed = await tx.run(
        `UPDATE events SET occurred_on = $1, confirmed_by_id = $2, confirmed_by_name = $3, confirmed_at = $4
         WHERE workspace_id = $5 AND id = $6`,
        [occurredOn, by.id, by.name, at, workspaceId, canonicalId(id)],
      );
      if (changed === 0) throw new Error(`no event ${id} in workspace ${workspaceId}`);
      const event = (await read(tx, workspaceId, id))!;
      const waiting = await listIn(tx, workspaceId, { eventId: event.id, statuses: [...ACTIVE_STATUSES, 'proposed'] }, true);
      const updated: Commitment[] = [];
      for (const c of waiting) {
        updated.push(
          await this.commitments.updateIn(
            tx,
            workspaceId,
            c.id,
            c.version,
            changesFor(c),
            {
              at,
              actor: by,
              action: 'event-confirmed',
              note: `${event.id} happened on ${occurredOn}`,
              detail: { event: event.id, occurredOn },
            },
            c,
          ),
        );
      }
      return { event, updated };
    });
  }
}

async function read(sql: Executor, workspaceId: string, id: string): Promise<EventRecord | null> {
  const [row] = await sql.rows<EventRow>('SELECT * FROM events WHERE workspace_id = $1 AND id = $2', [workspaceId, canonicalId(id)]);
  return row ? toEvent(row) : null;
}
