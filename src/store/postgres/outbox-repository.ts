/** The outbox in PostgreSQL: idempotent writes by key, leases claimed with FOR UPDATE SKIP LOCKED, and the figures `status` shows. */
import type { OutboxKind, OutboxOutcome, OutboxRepository, OutboxRow, OutboxStats, ReminderPlan } from '../store.js';
import type { PgDatabase } from './database.js';
import { insertValues, toOutboxRow, type Row } from './outbox-row.js';

export class PgOutboxRepository implements OutboxRepository {
  constructor(private readonly db: PgDatabase) {}

  async record(plan: ReminderPlan, now: Date): Promise<number> {
    const at = now.toISOString();
    return this.db.transaction(async (sql) => {
      let inserted = 0;
      for (const row of plan.rows) {
        const result = await sql.query(
          `INSERT INTO outbox (key, kind, workspace_id, subject, address, recipient_id, commitment_ids, slot, due_at, state,
             next_attempt_at, created_at, finished_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $9, $11, $12)
           ON CONFLICT (key) DO NOTHING`,
          insertValues(row, at),
        );
        inserted += result.rowCount ?? 0;
      }
      // Compare-and-set: if a change recomputed the time after the tick read it, the change's value stands.
      for (const c of plan.commitments) {
        await sql.query(
          `UPDATE commitments SET next_reminder_at = $1
           WHERE workspace_id = $2 AND id = $3 AND ($4::text IS NULL OR next_reminder_at = $4::text)`,
          [c.nextReminderAt, c.workspaceId, c.id, c.expected ?? null],
        );
      }
      for (const c of plan.channels) {
        await sql.query(
          `UPDATE channels SET next_reminder_at = $1
           WHERE workspace_id = $2 AND address = $3 AND ($4::text IS NULL OR next_reminder_at = $4::text)`,
          [c.nextReminderAt, c.workspaceId, c.address, c.expected ?? null],
        );
      }
      return inserted;
    });
  }

  async claim(owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxRow[]> {
    const at = now.toISOString();
    // SKIP LOCKED: a row another instance is claiming right now is passed over instead of waited for.
    // The picked ids are MATERIALIZED so the LIMIT holds: as an `id IN (subquery)` the planner may
    // run the locking subquery more than once and lease more than `limit` rows (seen on Postgres 15).
    // A lease still set here ran out unfinished (retry, finish and release all clear it): the last
    // holder may have crashed mid-send, so the row is marked for a look before resending.
    const rows = await this.db.rows<Row>(
      `WITH picked AS MATERIALIZED (
         SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until < $3)
         ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
       UPDATE outbox o SET lease_owner = $1, lease_until = $2, interrupted = o.interrupted OR o.lease_until IS NOT NULL
       FROM picked WHERE o.id = picked.id
       RETURNING o.*`,
      [owner, new Date(now.getTime() + leaseMs).toISOString(), at, limit],
    );
    return rows.map(toOutboxRow).sort((a, b) => a.id - b.id);
  }

  async finish(id: number, owner: string, outcome: OutboxOutcome, at: Date): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE outbox SET state = $3::text, message_id = $4, last_error = COALESCE($5, last_error),
         finished_at = $6, lease_owner = NULL, lease_until = NULL,
         attempts = attempts + CASE WHEN $3::text IN ('sent', 'failed') THEN 1 ELSE 0 END
       WHERE id = $1 AND lease_owner = $2 AND state = 'pending'`,
      [
        id,
        owner,
        outcome.state,
        outcome.state === 'sent' ? outcome.messageId : null,
        outcome.state === 'sent' ? null : outcome.reason,
        at.toISOString(),
      ],
    );
    return result.rowCount === 1;
  }

  async retry(id: number, owner: string, nextAttemptAt: Date, error: string, countAttempt: boolean): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET next_attempt_at = $1, last_error = $2, attempts = attempts + $3, lease_owner = NULL, lease_until = NULL
       WHERE id = $4 AND lease_owner = $5 AND state = 'pending'`,
      [nextAttemptAt.toISOString(), error, countAttempt ? 1 : 0, id, owner],
    );
  }

  async release(owner: string): Promise<number> {
    const result = await this.db.query(
      "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1 AND state = 'pending'",
      [owner],
    );
    return result.rowCount ?? 0;
  }

  async get(id: number): Promise<OutboxRow | null> {
    const [row] = await this.db.rows<Row>('SELECT * FROM outbox WHERE id = $1', [id]);
    return row ? toOutboxRow(row) : null;
  }

  async existingKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.db.rows<{ key: string }>('SELECT key FROM outbox WHERE key = ANY($1::text[])', [keys]);
    return new Set(rows.map((r) => r.key));
  }

  async pendingDue(now: Date, limit: number): Promise<OutboxRow[]> {
    const rows = await this.db.rows<Row>(
      "SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2",
      [now.toISOString(), limit],
    );
    return rows.map(toOutboxRow);
  }

  async lastSent(workspaceId: string, subject: string, kind: OutboxKind): Promise<OutboxRow | null> {
    const [row] = await this.db.rows<Row>(
      "SELECT * FROM outbox WHERE workspace_id = $1 AND subject = $2 AND kind = $3 AND state = 'sent' ORDER BY slot DESC, id DESC LIMIT 1",
      [workspaceId, subject, kind],
    );
    return row ? toOutboxRow(row) : null;
  }

  async hasNewer(row: OutboxRow): Promise<boolean> {
    const rows = await this.db.rows(
      "SELECT 1 FROM outbox WHERE workspace_id = $1 AND subject = $2 AND kind = $3 AND slot > $4 AND state IN ('pending', 'sent') LIMIT 1",
      [row.workspaceId, row.subject, row.kind, row.slot],
    );
    return rows.length > 0;
  }

  async markAddressInactive(address: string, reason: string): Promise<void> {
    await this.db.transaction(async (sql) => {
      await sql.query('UPDATE channels SET active = false, inactive_reason = $1, updated_at = $2 WHERE address = $3', [
        reason,
        new Date().toISOString(),
        address,
      ]);
      await sql.query('UPDATE users SET dm_inactive_reason = $1 WHERE dm_address = $2', [reason, address]);
    });
  }

  async stats(now: Date, failuresSince: Date): Promise<OutboxStats> {
    void now;
    const [pending] = await this.db.rows<{ n: number; oldest: string | null }>(
      "SELECT COUNT(*)::int AS n, MIN(due_at) AS oldest FROM outbox WHERE state = 'pending'",
    );
    const [missed] = await this.db.rows<{ n: number }>("SELECT COUNT(*)::int AS n FROM outbox WHERE state = 'missed'");
    const channels = await this.db.rows<{ address: string; inactive_reason: string | null }>(
      'SELECT address, inactive_reason FROM channels WHERE NOT active ORDER BY address',
    );
    const dms = await this.db.rows<{ dm_address: string; dm_inactive_reason: string }>(
      'SELECT dm_address, dm_inactive_reason FROM users WHERE dm_inactive_reason IS NOT NULL',
    );
    const failures = await this.db.rows<{ key: string; address: string; last_error: string | null; finished_at: string }>(
      "SELECT key, address, last_error, finished_at FROM outbox WHERE state = 'failed' AND finished_at >= $1 ORDER BY finished_at DESC LIMIT 20",
      [failuresSince.toISOString()],
    );
    return {
      depth: pending.n,
      oldestPendingDueAt: pending.oldest ?? undefined,
      missed: missed.n,
      inactive: [
        ...channels.map((c) => ({ kind: 'channel' as const, address: c.address, reason: c.inactive_reason ?? 'inactive' })),
        ...dms.map((u) => ({ kind: 'dm' as const, address: u.dm_address, reason: u.dm_inactive_reason })),
      ],
      recentFailures: failures.map((f) => ({ key: f.key, address: f.address, error: f.last_error ?? '', at: f.finished_at })),
    };
  }
}
