/** The outbox in SQLite: idempotent writes by key, leased claims, and the figures `status` shows. */
import type Database from 'better-sqlite3';
import type {
  NewOutboxRow,
  OutboxKind,
  OutboxOutcome,
  OutboxRepository,
  OutboxRow,
  OutboxStats,
  ReminderPlan,
} from '../store.js';
import { sqliteJson } from './json.js';
import { prepared } from './prepared.js';
import { toOutboxRow as mapOutboxRow, type OutboxTableRow as Row } from '../rows.js';

const toOutboxRow = (row: Row) => mapOutboxRow(row, sqliteJson);

export class SqliteOutboxRepository implements OutboxRepository {
  constructor(private readonly db: Database.Database) {}

  async record(plan: ReminderPlan, now: Date): Promise<number> {
    const at = now.toISOString();
    const insert = prepared(
      this.db,
      `INSERT INTO outbox (key, kind, workspace_id, subject, address, recipient_id, commitment_ids, slot, due_at, state,
         next_attempt_at, created_at, finished_at)
       VALUES (@key, @kind, @workspaceId, @subject, @address, @recipientId, @commitmentIds, @slot, @dueAt, @state,
         @dueAt, @at, @finishedAt)
       ON CONFLICT(key) DO NOTHING`,
    );
    // Compare-and-set: if a change recomputed the time after the tick read it, the change's value stands.
    const setCommitment = prepared(
      this.db,
      'UPDATE commitments SET next_reminder_at = ? WHERE workspace_id = ? AND id = ? AND (? IS NULL OR next_reminder_at = ?)',
    );
    const setChannel = prepared(
      this.db,
      'UPDATE channels SET next_reminder_at = ? WHERE workspace_id = ? AND address = ? AND (? IS NULL OR next_reminder_at = ?)',
    );
    return this.db.transaction(() => {
      let inserted = 0;
      for (const row of plan.rows) inserted += insert.run(toParams(row, at)).changes;
      for (const c of plan.commitments) setCommitment.run(c.nextReminderAt, c.workspaceId, c.id, c.expected ?? null, c.expected ?? null);
      for (const c of plan.channels) setChannel.run(c.nextReminderAt, c.workspaceId, c.address, c.expected ?? null, c.expected ?? null);
      return inserted;
    })();
  }

  async claim(owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxRow[]> {
    const at = now.toISOString();
    // One statement: the subquery and the update see the same snapshot under SQLite's write lock,
    // so two processes can never lease the same row. Postgres: add FOR UPDATE SKIP LOCKED.
    const rows = prepared(
      this.db,
        // A lease still set here ran out unfinished (retry, finish and release all clear it): the
        // last holder may have crashed mid-send, so the row is marked for a look before resending.
        `UPDATE outbox SET lease_owner = @owner, lease_until = @until,
           interrupted = CASE WHEN lease_until IS NOT NULL THEN 1 ELSE interrupted END
         WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= @at
                        AND (lease_until IS NULL OR lease_until < @at)
                      ORDER BY next_attempt_at, id LIMIT @limit)
           AND state = 'pending' AND (lease_until IS NULL OR lease_until < @at)
         RETURNING *`,
      )
      .all({ owner, until: new Date(now.getTime() + leaseMs).toISOString(), at, limit }) as Row[];
    return rows.map(toOutboxRow).sort((a, b) => a.id - b.id);
  }

  async finish(id: number, owner: string, outcome: OutboxOutcome, at: Date): Promise<boolean> {
    const result = prepared(
      this.db,
        `UPDATE outbox SET state = @state, message_id = @messageId, last_error = COALESCE(@reason, last_error),
           finished_at = @at, lease_owner = NULL, lease_until = NULL,
           attempts = attempts + CASE WHEN @state IN ('sent', 'failed') THEN 1 ELSE 0 END
         WHERE id = @id AND lease_owner = @owner AND state = 'pending'`,
      )
      .run({
        id,
        owner,
        state: outcome.state,
        messageId: outcome.state === 'sent' ? outcome.messageId : null,
        reason: outcome.state === 'sent' ? null : outcome.reason,
        at: at.toISOString(),
      });
    return result.changes === 1;
  }

  async retry(id: number, owner: string, nextAttemptAt: Date, error: string, countAttempt: boolean): Promise<void> {
    prepared(
      this.db,
        `UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + ?, lease_owner = NULL, lease_until = NULL
         WHERE id = ? AND lease_owner = ? AND state = 'pending'`,
      )
      .run(nextAttemptAt.toISOString(), error, countAttempt ? 1 : 0, id, owner);
  }

  async release(owner: string): Promise<number> {
    return prepared(this.db, "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND state = 'pending'").run(owner)
      .changes;
  }

  async get(id: number): Promise<OutboxRow | null> {
    const row = prepared(this.db, 'SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? toOutboxRow(row) : null;
  }

  async existingKeys(keys: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const select = prepared(this.db, 'SELECT 1 FROM outbox WHERE key = ?');
    for (const key of keys) if (select.get(key)) found.add(key);
    return found;
  }

  async pendingDue(now: Date, limit: number): Promise<OutboxRow[]> {
    return (
      prepared(this.db, "SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
        .all(now.toISOString(), limit) as Row[]
    ).map(toOutboxRow);
  }

  async lastSent(workspaceId: string, subject: string, kind: OutboxKind): Promise<OutboxRow | null> {
    const row = prepared(
      this.db,
        "SELECT * FROM outbox WHERE workspace_id = ? AND subject = ? AND kind = ? AND state = 'sent' ORDER BY slot DESC, id DESC LIMIT 1",
      )
      .get(workspaceId, subject, kind) as Row | undefined;
    return row ? toOutboxRow(row) : null;
  }

  async hasNewer(row: OutboxRow): Promise<boolean> {
    return (
      prepared(
      this.db,
          "SELECT 1 FROM outbox WHERE workspace_id = ? AND subject = ? AND kind = ? AND slot > ? AND state IN ('pending', 'sent') LIMIT 1",
        )
        .get(row.workspaceId, row.subject, row.kind, row.slot) !== undefined
    );
  }

  async markAddressInactive(address: string, reason: string): Promise<void> {
    this.db.transaction(() => {
      prepared(this.db, 'UPDATE channels SET active = 0, inactive_reason = ?, updated_at = ? WHERE address = ?').run(
        reason,
        new Date().toISOString(),
        address,
      );
      prepared(this.db, 'UPDATE users SET dm_inactive_reason = ? WHERE dm_address = ?').run(reason, address);
    })();
  }

  async stats(now: Date, failuresSince: Date): Promise<OutboxStats> {
    const pending = prepared(this.db, "SELECT COUNT(*) AS n, MIN(due_at) AS oldest FROM outbox WHERE state = 'pending'")
      .get() as { n: number; oldest: string | null };
    const missed = (prepared(this.db, "SELECT COUNT(*) AS n FROM outbox WHERE state = 'missed'").get() as { n: number }).n;
    const channels = prepared(this.db, 'SELECT address, inactive_reason FROM channels WHERE active = 0').all() as {
      address: string;
      inactive_reason: string | null;
    }[];
    const dms = prepared(this.db, 'SELECT dm_address, dm_inactive_reason FROM users WHERE dm_inactive_reason IS NOT NULL').all() as {
      dm_address: string;
      dm_inactive_reason: string;
    }[];
    const failures = prepared(this.db, "SELECT key, address, last_error, finished_at FROM outbox WHERE state = 'failed' AND finished_at >= ? ORDER BY finished_at DESC LIMIT 20")
      .all(failuresSince.toISOString()) as { key: string; address: string; last_error: string | null; finished_at: string }[];
    void now;
    return {
      depth: pending.n,
      oldestPendingDueAt: pending.oldest ?? undefined,
      missed,
      inactive: [
        ...channels.map((c) => ({ kind: 'channel' as const, address: c.address, reason: c.inactive_reason ?? 'inactive' })),
        ...dms.map((u) => ({ kind: 'dm' as const, address: u.dm_address, reason: u.dm_inactive_reason })),
      ],
      recentFailures: failures.map((f) => ({ key: f.key, address: f.address, error: f.last_error ?? '', at: f.finished_at })),
    };
  }
}

function toParams(row: NewOutboxRow, at: string) {
  const state = row.state ?? 'pending';
  return {
    key: row.key,
    kind: row.kind,
    workspaceId: row.workspaceId,
    subject: row.subject,
    address: row.address,
    recipientId: row.recipientId ?? null,
    commitmentIds: JSON.stringify(row.commitmentIds),
    slot: row.slot,
    dueAt: row.dueAt,
    state,
    at,
    finishedAt: state === 'pending' ? null : at,
  };
}

