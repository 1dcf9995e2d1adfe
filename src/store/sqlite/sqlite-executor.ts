/**
 * The executor over one better-sqlite3 connection. Statements are prepared once; `$n` placeholders
 * become `?n`, booleans 0/1. A transaction is BEGIN IMMEDIATE (the write lock first, so its reads are
 * the state its writes build on) and runs alone: better-sqlite3 is synchronous, but the repositories
 * are async, so other callers in this process wait until it ends rather than slip their statements
 * into it or block on its lock. Every write first asks the file guard whether the file is still
 * there and writable.
 *
 * Durability (`group`, the default): commits are not fsynced inside SQLite (`synchronous = NORMAL`);
 * an ordinary write resolves only once the durability barrier has fsynced the WAL after it, off the
 * event loop and shared with every commit made meanwhile (see durability-barrier.ts for why that is
 * as durable as FULL). The write lock is given back before the wait, so the next transactions run
 * while the disk works. `relaxed` writes do not wait (the next barrier covers them anyway).
 * `commit` is the old way (FULL: SQLite fsyncs inside each commit, on the event loop), `off` never
 * syncs at commit (a process crash loses nothing, a power cut may): both only for comparison.
 */
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Dialect, Executor } from '../sql/executor.js';
import type { DurabilityBarrier } from './durability-barrier.js';
import type { FileGuard } from './file-guard.js';
import { fromJson } from './json.js';
import { jsonRowsSql, registerJsonRows } from './json-rows.js';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  json: (param) => param,
  decodeJson: (stored, fallback) => fromJson(stored as string | null | undefined, fallback),
  jsonArray: (fields, orderBy) =>
    `json_group_array(json_object(${Object.entries(fields)
      .map(([k, v]) => `'${k}', ${v}`)
      .join(', ')}) ORDER BY ${orderBy})`,
  // JSON fields come back as their text either way: a TEXT column is all SQLite has for them.
  recordset: (param, columns) => jsonRowsSql(param, Object.keys(columns)),
  jsonArrayHasLower: (column, param) => `EXISTS (SELECT 1 FROM json_each(${column}) t WHERE lower(t.value) = ${param})`,
  // The write lock taken at BEGIN IMMEDIATE already serialises writers.
  forUpdate: '',
  skipLocked: '',
  writesInWith: false,
};

/** How a commit reaches the disk (see the module comment). */
export type Durability = 'group' | 'commit' | 'off';
type Observer = (sql: string, params: readonly unknown[]) => void;

/** Who holds a database file's write transaction in this process. */
interface FileLock {
  /** Settles when the last queued transaction has ended. */
  tail: Promise<void>;
  active: boolean;
  /** Transactions queued or running. */
  queued: number;
}

/**
 * One lock per database file, shared by every connection this process opens on it. A second
 * connection's BEGIN would otherwise busy-wait synchronously for a lock that the first one can only
 * release once the event loop runs again: it would wait out the busy timeout and fail. Other
 * processes are not blocked by our waiting, so for them SQLite's busy timeout is enough.
 */
const locks = new Map<string, FileLock>();

function lockFor(file: string): FileLock {
  if (file === ':memory:' || file === '') return { tail: Promise.resolve(), active: false, queued: 0 };
  const key = resolve(file);
  let lock = locks.get(key);
  if (!lock) locks.set(key, (lock = { tail: Promise.resolve(), active: false, queued: 0 }));
  return lock;
}

export class SqliteExecutor implements Executor {
  readonly dialect = sqliteDialect;
  readonly relaxed: Executor;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly lock: FileLock;
  private readonly totalChanges: Database.Statement;
  private observer?: Observer;

  /** `barrier` is what ordinary commits wait for; without one (`commit`, `off`, `:memory:`) they do not wait. */
  constructor(
    private readonly db: Database.Database,
    private readonly guard: FileGuard,
    file: string,
    private readonly barrier?: DurabilityBarrier,
  ) {
    this.lock = lockFor(file);
    registerJsonRows(db);
    this.totalChanges = db.prepare('SELECT total_changes()').pluck();
    this.relaxed = this.view(false);
  }

  /** Test aid: sees every statement as SQLite runs it (to EXPLAIN the store's real queries). */
  observe(observer: Observer | undefined): void {
    this.observer = observer;
  }

  rows<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return this.outside(sql, params, true, (statement) => statement.all(...bind(params)) as R[]);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.outside(sql, params, true, (statement) => statement.run(...bind(params)).changes);
  }

  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.transact(work, true);
  }

  /**
   * A passive checkpoint (copies the WAL's frames into the database as far as no reader still needs
   * them; never waits for a lock), between this process's transactions. Its syncs are SQLite's own.
   */
  async checkpoint(): Promise<void> {
    while (this.lock.active) await this.lock.tail;
    if (this.guard.problem()) return;
    this.guard.write(() => this.db.pragma('wal_checkpoint(PASSIVE)'));
  }

  /** Resolves once every commit made so far on this connection is on disk. */
  async durable(): Promise<void> {
    await this.barrier?.durable();
  }

  private view(durable: boolean): Executor {
    const view: Executor = {
      dialect: sqliteDialect,
      rows: <R>(sql: string, params: readonly unknown[] = []) =>
        this.outside(sql, params, durable, (statement) => statement.all(...bind(params)) as R[]),
      run: (sql, params = []) => this.outside(sql, params, durable, (statement) => statement.run(...bind(params)).changes),
      transaction: (work) => this.transact(work, durable),
      get relaxed() {
        return view;
      },
    };
    return view;
  }

  /**
   * Outside a transaction: wait until none holds the file, then run as an autocommit statement. A
   * durable write that changed something then waits for the barrier; a read, or a write that changed
   * nothing, returns at once (an answer built on what it found waits for `durable()` in the core).
   */
  private async outside<T>(
    sql: string,
    params: readonly unknown[],
    durable: boolean,
    fn: (statement: Database.Statement) => T,
  ): Promise<T> {
    while (this.lock.active) await this.lock.tail;
    const statement = this.prepare(sql, params);
    if (statement.readonly) return fn(statement);
    this.guard.check();
    const before = this.changeCount();
    const result = this.guard.write(() => fn(statement));
    if (durable && this.changeCount() !== before) await this.waitFor();
    return result;
  }

  private async transact<T>(work: (tx: Executor) => Promise<T>, durable: boolean): Promise<T> {
    const previous = this.lock.tail;
    let release!: () => void;
    this.lock.tail = new Promise((done) => (release = done));
    const waited = this.lock.queued++ > 0;
    await previous;
    // Handed over from another transaction: let the event loop turn first (read requests, ack them,
    // finish syncs), or a burst of N writes runs back to back as one long block of the loop.
    if (waited) await new Promise((next) => setImmediate(next));
    this.lock.active = true;
    const inside: Executor = {
      dialect: sqliteDialect,
      rows: async (sql, params = []) => this.all(sql, params),
      run: async (sql, params = []) => this.change(sql, params),
      transaction: (inner) => inner(inside),
      get relaxed() {
        return inside;
      },
    };
    let result: T;
    let changed = false;
    try {
      // The guard is asked once, before COMMIT: a transaction on a file gone meanwhile rolls back there.
      const before = this.changeCount();
      this.guard.write(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        result = await work(inside);
        changed = this.changeCount() !== before;
        // The file may have gone while the transaction ran: refuse to report it written.
        this.guard.check();
        this.guard.write(() => this.db.exec('COMMIT'));
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.lock.active = false;
      this.lock.queued--;
      release();
    }
    // The lock is free again: the next transaction commits while this one waits for the disk.
    if (durable && changed) await this.waitFor();
    return result;
  }

  /** Waits until the commit just made is on disk; a failed sync refuses the write, and every later one. */
  private async waitFor(): Promise<void> {
    if (!this.barrier) return;
    const ticket = this.barrier.committed();
    try {
      await this.barrier.durable(ticket);
    } catch (error) {
      this.guard.fail(this.barrier.problem() ?? String(error), error);
    }
  }

  private changeCount(): number {
    return this.totalChanges.get() as number;
  }

  /** Inside a transaction (guarded at BEGIN and COMMIT). */
  private all<R>(sql: string, params: readonly unknown[]): R[] {
    const statement = this.prepare(sql, params);
    if (statement.readonly) return statement.all(...bind(params)) as R[];
    return this.guard.write(() => statement.all(...bind(params)) as R[]);
  }

  private change(sql: string, params: readonly unknown[]): number {
    const statement = this.prepare(sql, params);
    return this.guard.write(() => statement.run(...bind(params)).changes);
  }

  private prepare(sql: string, params: readonly unknown[]): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql.replace(/\$(\d+)/g, '?$1'))));
    this.observer?.(statement.source, params);
    return statement;
  }
}

/** `?n` parameters bind from an object keyed by n; SQLite has no booleans. */
function bind(params: readonly unknown[]): [Record<number, unknown>] | [] {
  if (params.length === 0) return [];
  const bound: Record<number, unknown> = {};
  params.forEach((value, i) => (bound[i + 1] = typeof value === 'boolean' ? (value ? 1 : 0) : value === undefined ? null : value));
  return [bound];
}
