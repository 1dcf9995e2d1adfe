/**
 * The executor over one better-sqlite3 connection. Statements are prepared once; `$n` placeholders
 * become `?n`, booleans 0/1. A transaction is BEGIN IMMEDIATE (the write lock first, so its reads are
 * the state its writes build on) and runs alone: better-sqlite3 is synchronous, but the repositories
 * are async, so other callers in this process wait until it ends rather than slip their statements
 * into it or block on its lock. Every
 * write first asks the file guard whether the file is still there and writable.
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
  private readonly statements = new Map<string, Database.Statement>();
  private readonly lock: FileLock;
  private observer?: Observer;
  private readonly inside: Executor;

  constructor(
    private readonly db: Database.Database,
    private readonly guard: FileGuard,
    file: string,
  ) {
    this.lock = lockFor(file);
    this.inside = {
      dialect: sqliteDialect,
      rows: async (sql, params = []) => this.all(sql, params, false),
      run: async (sql, params = []) => this.change(sql, params, false),
      transaction: (work) => work(this.inside),
    };
  }

  /** Test aid: sees every statement as SQLite runs it (to EXPLAIN the store's real queries). */
  observe(observer: Observer | undefined): void {
    this.observer = observer;
  }

  async rows<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    while (this.lock.active) await this.lock.tail;
    return this.all(sql, params, true);
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    while (this.lock.active) await this.lock.tail;
    return this.change(sql, params, true);
  }

  async transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    const previous = this.lock.tail;
    let release!: () => void;
    this.lock.tail = new Promise((done) => (release = done));
    await previous;
    this.lock.active = true;
    try {
      this.guard.check();
      this.guard.write(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await work(this.inside);
        // The file may have gone while the transaction ran: refuse to report it written.
        this.guard.check();
        this.guard.write(() => this.db.exec('COMMIT'));
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.lock.active = false;
      release();
    }
  }

  private all<R>(sql: string, params: readonly unknown[], guarded: boolean): R[] {
    const statement = this.prepare(sql, params);
    if (statement.readonly) return statement.all(...bind(params)) as R[];
    if (guarded) this.guard.check();
    return this.guard.write(() => statement.all(...bind(params)) as R[]);
  }

  private change(sql: string, params: readonly unknown[], guarded: boolean): number {
    const statement = this.prepare(sql, params);
    if (guarded) this.guard.check();
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
