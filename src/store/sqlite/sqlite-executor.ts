/**
 * The executor over one better-sqlite3 connection. Statements are prepared once; `$n` placeholders
 * become `?n`, booleans 0/1. A transaction is BEGIN IMMEDIATE (the write lock first, so its reads are
 * the state its writes build on) and runs alone: better-sqlite3 is synchronous, but the repositories
 * are async, so other callers in this process wait until it ends rather than slip their statements
 * into it or block on its lock. Every write first asks the file guard whether the file is still
 * there and writable. Commits are synced as `synchronous` says, except `relaxed` ones (NORMAL).
 */
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Dialect, Executor } from '../sql/executor.js';
import type { FileGuard } from './file-guard.js';
import { fromJson } from './json.js';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  json: (param) => param,
  decodeJson: (stored, fallback) => fromJson(stored as string | null | undefined, fallback),
  jsonArray: (fields, orderBy) =>
    `json_group_array(json_object(${Object.entries(fields)
      .map(([k, v]) => `'${k}', ${v}`)
      .join(', ')}) ORDER BY ${orderBy})`,
  jsonArrayHasLower: (column, param) => `EXISTS (SELECT 1 FROM json_each(${column}) t WHERE lower(t.value) = ${param})`,
  // The write lock taken at BEGIN IMMEDIATE already serialises writers.
  forUpdate: '',
  skipLocked: '',
};

export type SyncMode = 'FULL' | 'NORMAL';
type Observer = (sql: string, params: readonly unknown[]) => void;

/** Who holds a database file's write transaction in this process. */
interface FileLock {
  /** Settles when the last queued transaction has ended. */
  tail: Promise<void>;
  active: boolean;
}

/**
 * One lock per database file, shared by every connection this process opens on it. A second
 * connection's BEGIN would otherwise busy-wait synchronously for a lock that the first one can only
 * release once the event loop runs again: it would wait out the busy timeout and fail. Other
 * processes are not blocked by our waiting, so for them SQLite's busy timeout is enough.
 */
const locks = new Map<string, FileLock>();

function lockFor(file: string): FileLock {
  if (file === ':memory:' || file === '') return { tail: Promise.resolve(), active: false };
  const key = resolve(file);
  let lock = locks.get(key);
  if (!lock) locks.set(key, (lock = { tail: Promise.resolve(), active: false }));
  return lock;
}

export class SqliteExecutor implements Executor {
  readonly dialect = sqliteDialect;
  readonly relaxed: Executor;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly lock: FileLock;
  private observer?: Observer;

  constructor(
    private readonly db: Database.Database,
    private readonly guard: FileGuard,
    file: string,
    private readonly synchronous: SyncMode,
  ) {
    this.lock = lockFor(file);
    this.relaxed = this.view('NORMAL');
  }

  /** Test aid: sees every statement as SQLite runs it (to EXPLAIN the store's real queries). */
  observe(observer: Observer | undefined): void {
    this.observer = observer;
  }

  rows<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return this.outside(() => this.all<R>(sql, params, this.synchronous));
  }

  run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.outside(() => this.change(sql, params, this.synchronous));
  }

  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.transact(work, this.synchronous);
  }

  private view(mode: SyncMode): Executor {
    const view: Executor = {
      dialect: sqliteDialect,
      rows: (sql, params = []) => this.outside(() => this.all(sql, params, mode)),
      run: (sql, params = []) => this.outside(() => this.change(sql, params, mode)),
      transaction: (work) => this.transact(work, mode),
      get relaxed() {
        return view;
      },
    };
    return view;
  }

  /** Outside a transaction: wait until none holds the file, then run (as an autocommit statement). */
  private async outside<T>(fn: () => T): Promise<T> {
    while (this.lock.active) await this.lock.tail;
    return fn();
  }

  private async transact<T>(work: (tx: Executor) => Promise<T>, mode: SyncMode): Promise<T> {
    const previous = this.lock.tail;
    let release!: () => void;
    this.lock.tail = new Promise((done) => (release = done));
    await previous;
    this.lock.active = true;
    const inside: Executor = {
      dialect: sqliteDialect,
      rows: async (sql, params = []) => this.all(sql, params, undefined),
      run: async (sql, params = []) => this.change(sql, params, undefined),
      transaction: (inner) => inner(inside),
      get relaxed() {
        return inside;
      },
    };
    // The safety level cannot change inside a transaction: set for its whole length (no other commit
    // can happen on this connection meanwhile, the file's turn is ours).
    const relax = mode !== this.synchronous;
    try {
      this.guard.check();
      if (relax) this.db.pragma(`synchronous = ${mode}`);
      this.guard.write(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await work(inside);
        // The file may have gone while the transaction ran: refuse to report it written.
        this.guard.check();
        this.guard.write(() => this.db.exec('COMMIT'));
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      if (relax && this.db.open) this.db.pragma(`synchronous = ${this.synchronous}`);
      this.lock.active = false;
      release();
    }
  }

  /** `mode` set: an autocommit statement (checked and synced as asked); undefined: inside a transaction. */
  private all<R>(sql: string, params: readonly unknown[], mode: SyncMode | undefined): R[] {
    const statement = this.prepare(sql, params);
    if (statement.readonly) return statement.all(...bind(params)) as R[];
    if (mode) this.guard.check();
    return this.committing(mode, () => statement.all(...bind(params)) as R[]);
  }

  private change(sql: string, params: readonly unknown[], mode: SyncMode | undefined): number {
    const statement = this.prepare(sql, params);
    if (mode) this.guard.check();
    return this.committing(mode, () => statement.run(...bind(params)).changes);
  }

  /** Runs a commit point with the asked durability, synchronously, so no other commit can run under it. */
  private committing<T>(mode: SyncMode | undefined, fn: () => T): T {
    if (!mode || mode === this.synchronous) return this.guard.write(fn);
    this.db.pragma(`synchronous = ${mode}`);
    try {
      return this.guard.write(fn);
    } finally {
      this.db.pragma(`synchronous = ${this.synchronous}`);
    }
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
