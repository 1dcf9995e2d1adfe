/** Workspace events in SQLite; confirming one dates every commitment waiting on it, atomically. */
import type Database from 'better-sqlite3';
import type { Commitment, UserRef } from '../../commitments/commitment.js';
import { ACTIVE_STATUSES } from '../../commitments/commitment.js';
import type { CommitmentChanges, EventRecord, EventRepository } from '../store.js';
import type { SqliteCommitmentRepository } from './commitment-repository.js';
import { ensureWorkspace, nextCounter } from './workspace-repository.js';
import { prepared } from './prepared.js';
import { toEvent, type EventRow } from '../rows.js';

export class SqliteEventRepository implements EventRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly commitments: SqliteCommitmentRepository,
  ) {}

  async create(event: Pick<EventRecord, 'workspaceId' | 'name' | 'matchKey' | 'createdAt'>): Promise<EventRecord> {
    return this.db.transaction(() => {
      ensureWorkspace(this.db, { id: event.workspaceId });
      const seq = nextCounter(this.db, event.workspaceId, 'event');
      const id = `E-${seq}`;
      prepared(this.db, 'INSERT INTO events (workspace_id, id, seq, name, match_key, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(event.workspaceId, id, seq, event.name, event.matchKey, event.createdAt);
      return this.read(event.workspaceId, id)!;
    })();
  }

  async get(workspaceId: string, id: string): Promise<EventRecord | null> {
    return this.read(workspaceId, id);
  }

  async list(workspaceId: string): Promise<EventRecord[]> {
    return (prepared(this.db, 'SELECT * FROM events WHERE workspace_id = ? ORDER BY seq').all(workspaceId) as EventRow[]).map(toEvent);
  }

  async confirm(
    workspaceId: string,
    id: string,
    occurredOn: string,
    by: UserRef,
    at: string,
    changesFor: (commitment: Commitment) => CommitmentChanges,
  ): Promise<{ event: EventRecord; updated: Commitment[] }> {
    // Ids are matched without case everywhere (`e-1` is `E-1`): use the stored spelling from here on.
    const known = this.read(workspaceId, id);
    if (!known) throw new Error(`no event ${id} in workspace ${workspaceId}`);
    id = known.id;
    const waiting = await this.commitments.list(workspaceId, { eventId: id, statuses: [...ACTIVE_STATUSES, 'proposed'] });
    return this.db.transaction(() => {
      prepared(
      this.db,
          `UPDATE events SET occurred_on = ?, confirmed_by_id = ?, confirmed_by_name = ?, confirmed_at = ?
           WHERE workspace_id = ? AND id = ?`,
        )
        .run(occurredOn, by.id, by.name, at, workspaceId, id);
      const updated = waiting.map((c) =>
        this.commitments.updateNow(workspaceId, c.id, c.version, changesFor(c), {
          at,
          actor: by,
          action: 'event-confirmed',
          note: `${id} happened on ${occurredOn}`,
          detail: { event: id, occurredOn },
        }),
      );
      return { event: this.read(workspaceId, id)!, updated };
    })();
  }

  private read(workspaceId: string, id: string): EventRecord | null {
    const row = prepared(this.db, 'SELECT * FROM events WHERE workspace_id = ? AND id = ? COLLATE NOCASE').get(workspaceId, id) as
      | EventRow
      | undefined;
    return row ? toEvent(row) : null;
  }
}

