/** The outbox: idempotent writes by key, leased claims (SKIP LOCKED where the engine has it), and the figures `status` shows. */
import { toOutboxRow, type OutboxTableRow as Row } from '../rows.js';
import type { OutboxKind, OutboxOutcome, OutboxRepository, OutboxRow, OutboxStats, ReminderPlan } from '../store.js';
import type { Dialect, Executor } from './executor.js';

/**
 * Leases, results and the tick's plan are bookkeeping nobody was promised: their commits are
 * `relaxed` (they do not wait for the disk; the next ordinary commit makes them durable too). A claim
 * waiting for its fsync would spend it out of its lease: under load that was 30–460 ms of a 1.5 s
 * lease per claim, and rows ran out of lease mid-send. A power cut can lose a claim whose send went
 * out; then that one send may repeat without the adapter's look — the in-flight allowance.
 */
export class SqlOutboxRepository implements OutboxRepository {
  private readonly sql: Executor;
  constructor(sql: Executor) {
    this.sql = sql.relaxed;
  }

  private map = (row: Row) => toOutboxRow(row, this.sql.dialect.decodeJson);

  /**
   * The tick's plan for a slice, whatever its size, in at most three statements of fixed text (each
   * batch is one JSON parameter, see `Dialect.recordset`): where the engine allows writes in WITH
   * (PostgreSQL) they are one statement, atomic by itself, so a slice is one round trip with no
   * BEGIN and COMMIT; elsewhere one transaction. Moves are written in primary-key order: the key
   * index is walked in order, and instances ticking the same minute lock rows in the same order.
   */
  async record(plan: ReminderPlan, now: Date): Promise<number> {
    const writes = recordStatements(this.sql.dialect, plan, now.toISOString());
    if (writes.length === 0) return 0;
    if (this.sql.dialect.writesInWith) {
      let offset = 0;
      const ctes = writes.map((w, i) => {
        // Each statement numbers its placeholders from $1; in one statement they follow on.
        const sql = w.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
        offset += w.params.length;
        return `w${i} AS (${sql}${w.counted ? ' RETURNING 1' : ''})`;
      });
      const counted = writes.findIndex((w) => w.counted);
      const [row] = await this.sql.rows<{ inserted: number }>(
        `WITH ${ctes.join(', ')} SELECT ${counted < 0 ? '0' : `(SELECT CAST(COUNT(*) AS INTEGER) FROM w${counted})`} AS inserted`,
        writes.flatMap((w) => w.params),
      );
      return Number(row.inserted);
    }
    return this.sql.transaction(async (tx) => {
      let inserted = 0;
      for (const w of writes) {
        const changed = await tx.run(w.sql, w.params);
        if (w.counted) inserted += changed;
      }
      return inserted;
    });
  }

  async claim(owner: string, now: Date, leaseMs: number, limit: number, skipWorkspaces: readonly string[] = []): Promise<OutboxRow[]> {
    const at = now.toISOString();
    const skip = skipWorkspaces.length > 0 ? `AND workspace_id NOT IN (${skipWorkspaces.map((_, i) => `$${i + 5}`).join(', ')})` : '';
    // One statement. SQLite: the pick and the update share one snapshot under the write lock. PostgreSQL:
    // SKIP LOCKED passes over a row another instance is claiming, and the picked ids are MATERIALIZED so
    // the LIMIT holds (as `id IN (subquery)` the planner may run the locking subquery more than once).
    // A lease still set here ran out unfinished (retry, finish and release all clear it): the last
    // holder may have crashed mid-send, so the row is marked for a look before resending.
    const materialized = this.sql.dialect.name === 'postgres' ? 'MATERIALIZED ' : '';
    const rows = await this.sql.rows<Row>(
      `WITH picked AS ${materialized}(
         SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until < $3) ${skip}
         ORDER BY next_attempt_at, id LIMIT $4${this.sql.dialect.skipLocked})
       UPDATE outbox SET lease_owner = $1, lease_until = $2,
         interrupted = CASE WHEN lease_until IS NOT NULL THEN TRUE ELSE interrupted END
       WHERE id IN (SELECT id FROM picked) AND state = 'pending' AND (lease_until IS NULL OR lease_until < $3)
       RETURNING *`,
      [owner, new Date(now.getTime() + leaseMs).toISOString(), at, limit, ...skipWorkspaces],
    );
    return rows.map(this.map).sort((a, b) => a.id - b.id);
  }

  async finish(id: number, owner: string, outcome: OutboxOutcome, at: Date): Promise<boolean> {
    const changed = await this.sql.run(
      `UPDATE outbox SET state = CAST($3 AS TEXT), message_id = $4, last_error = COALESCE($5, last_error),
         finished_at = $6, lease_owner = NULL, lease_until = NULL,
         attempts = attempts + CASE WHEN CAST($3 AS TEXT) IN ('sent', 'failed') THEN 1 ELSE 0 END
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
    return changed === 1;
  }

  async retry(id: number, owner: string, nextAttemptAt: Date, error: string, countAttempt: boolean): Promise<void> {
    await this.sql.run(
      `UPDATE outbox SET next_attempt_at = $1, last_error = $2, attempts = attempts + $3, lease_owner = NULL, lease_until = NULL
       WHERE id = $4 AND lease_owner = $5 AND state = 'pending'`,
      [nextAttemptAt.toISOString(), error, countAttempt ? 1 : 0, id, owner],
    );
  }

  async release(owner: string): Promise<number> {
    return this.sql.run("UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1 AND state = 'pending'", [owner]);
  }

  async get(id: number): Promise<OutboxRow | null> {
    const [row] = await this.sql.rows<Row>('SELECT * FROM outbox WHERE id = $1', [id]);
    return row ? this.map(row) : null;
  }

  async existingKeys(keys: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    // In chunks, well under either engine's parameter limit.
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const rows = await this.sql.rows<{ key: string }>(
        `SELECT key FROM outbox WHERE key IN (${chunk.map((_, k) => `$${k + 1}`).join(', ')})`,
        chunk,
      );
      for (const row of rows) found.add(row.key);
    }
    return found;
  }

  async pendingDue(now: Date, limit: number): Promise<OutboxRow[]> {
    const rows = await this.sql.rows<Row>(
      "SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2",
      [now.toISOString(), limit],
    );
    return rows.map(this.map);
  }

  async lastSent(workspaceId: string, subject: string, kind: OutboxKind): Promise<OutboxRow | null> {
    const [row] = await this.sql.rows<Row>(
      "SELECT * FROM outbox WHERE workspace_id = $1 AND subject = $2 AND kind = $3 AND state = 'sent' ORDER BY slot DESC, id DESC LIMIT 1",
      [workspaceId, subject, kind],
    );
    return row ? this.map(row) : null;
  }

  async hasNewer(row: OutboxRow): Promise<boolean> {
    const rows = await this.sql.rows(
      "SELECT 1 AS found FROM outbox WHERE workspace_id = $1 AND subject = $2 AND kind = $3 AND slot > $4 AND state IN ('pending', 'sent') LIMIT 1",
      [row.workspaceId, row.subject, row.kind, row.slot],
    );
    return rows.length > 0;
  }

  async markAddressInactive(address: string, reason: string): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run('UPDATE channels SET active = FALSE, inactive_reason = $1, updated_at = $2 WHERE address = $3', [
        reason,
        new Date().toISOString(),
        address,
      ]);
      await tx.run('UPDATE users SET dm_inactive_reason = $1 WHERE dm_address = $2', [reason, address]);
    });
  }

  async stats(now: Date, failuresSince: Date): Promise<OutboxStats> {
    void now;
    const [pending] = await this.sql.rows<{ n: number; oldest: string | null }>(
      "SELECT CAST(COUNT(*) AS INTEGER) AS n, MIN(due_at) AS oldest FROM outbox WHERE state = 'pending'",
    );
    const [missed] = await this.sql.rows<{ n: number }>("SELECT CAST(COUNT(*) AS INTEGER) AS n FROM outbox WHERE state = 'missed'");
    const channels = await this.sql.rows<{ address: string; inactive_reason: string | null }>(
      'SELECT address, inactive_reason FROM channels WHERE active = FALSE ORDER BY address',
    );
    const dms = await this.sql.rows<{ dm_address: string; dm_inactive_reason: string }>(
      'SELECT dm_address, dm_inactive_reason FROM users WHERE dm_inactive_reason IS NOT NULL ORDER BY dm_address',
    );
    const failures = await this.sql.rows<{ key: string; address: string; last_error: string | null; finished_at: string }>(
      "SELECT key, address, last_error, finished_at FROM outbox WHERE state = 'failed' AND finished_at >= $1 ORDER BY finished_at DESC LIMIT 20",
      [failuresSince.toISOString()],
    );
    return {
      depth: Number(pending.n),
      oldestPendingDueAt: pending.oldest ?? undefined,
      missed: Number(missed.n),
      inactive: [
        ...channels.map((c) => ({ kind: 'channel' as const, address: c.address, reason: c.inactive_reason ?? 'inactive' })),
        ...dms.map((u) => ({ kind: 'dm' as const, address: u.dm_address, reason: u.dm_inactive_reason })),
      ],
      recentFailures: failures.map((f) => ({ key: f.key, address: f.address, error: f.last_error ?? '', at: f.finished_at })),
    };
  }
}

/** A write of `record`; `counted` is the one whose changed rows are the rows written (the outbox insert). */
interface Write {
  sql: string;
  params: unknown[];
  counted: boolean;
}

const OUTBOX_COLUMNS = {
  key: 'text',
  kind: 'text',
  workspace_id: 'text',
  subject: 'text',
  address: 'text',
  recipient_id: 'text',
  commitment_ids: 'json',
  slot: 'text',
  due_at: 'text',
  state: 'text',
  finished_at: 'text',
} as const;
const MOVE_COLUMNS = { workspace_id: 'text', id: 'text', next_at: 'text', expected: 'text' } as const;

/**
 * The statements of `record` (each numbering its placeholders from $1). Each move sets next_reminder_at by compare-and-set: if a change recomputed the time after the
 * tick read it, the change's value stands.
 */
function recordStatements(d: Dialect, plan: ReminderPlan, at: string): Write[] {
  const writes: Write[] = [];
  if (plan.rows.length > 0) {
    // A pending row is first tried at its due time; a missed one is finished at once.
    const rows = plan.rows.map((row) => {
      const state = row.state ?? 'pending';
      return {
        key: row.key,
        kind: row.kind,
        workspace_id: row.workspaceId,
        subject: row.subject,
        address: row.address,
        recipient_id: row.recipientId ?? null,
        commitment_ids: row.commitmentIds,
        slot: row.slot,
        due_at: row.dueAt,
        state,
        finished_at: state === 'pending' ? null : at,
      };
    });
    writes.push({
      sql: `INSERT INTO outbox (key, kind, workspace_id, subject, address, recipient_id, commitment_ids, slot, due_at, state,
              next_attempt_at, created_at, finished_at)
            SELECT v.key, v.kind, v.workspace_id, v.subject, v.address, v.recipient_id, v.commitment_ids, v.slot, v.due_at, v.state,
              v.due_at, CAST($2 AS TEXT), v.finished_at
            FROM ${d.recordset('$1', OUTBOX_COLUMNS)} AS v WHERE TRUE
            ON CONFLICT (key) DO NOTHING`,
      params: [JSON.stringify(rows), at],
      counted: true,
    });
  }
  const moves = [
    { table: 'commitments', key: 'id', items: plan.commitments.map((c) => ({ workspace_id: c.workspaceId, id: c.id, ...moved(c) })) },
    { table: 'channels', key: 'address', items: plan.channels.map((c) => ({ workspace_id: c.workspaceId, id: c.address, ...moved(c) })) },
  ];
  for (const { table, key, items } of moves) {
    if (items.length === 0) continue;
    items.sort((a, b) => compare(a.workspace_id, b.workspace_id) || compare(a.id, b.id));
    writes.push({
      sql: `UPDATE ${table} SET next_reminder_at = v.next_at
            FROM ${d.recordset('$1', MOVE_COLUMNS)} AS v
            WHERE ${table}.workspace_id = v.workspace_id AND ${table}.${key} = v.id
              AND (v.expected IS NULL OR ${table}.next_reminder_at = v.expected)`,
      params: [JSON.stringify(items)],
      counted: false,
    });
  }
  return writes;
}

function moved(c: { nextReminderAt: string | null; expected?: string }): { next_at: string | null; expected: string | null } {
  return { next_at: c.nextReminderAt, expected: c.expected ?? null };
}

/** Code-unit order, the same in every instance (SQLite's BINARY order of the key). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
