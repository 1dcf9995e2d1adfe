/**
 * Counts what the store asks of the database while a benchmark measures it: statements run, rows
 * returned, and each distinct statement's text with its first parameters (to EXPLAIN it afterwards).
 * Patches better-sqlite3's statement methods and pg's Client.query in this process only.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

export interface Seen {
  sql: string;
  params: unknown[];
  count: number;
  rows: number;
}

export class QueryCounter {
  /** Counts statements, rows and plans (and times them). */
  recording = false;
  /** Only times them (`dbMs`): the runs after the first, whose statements were already counted. */
  timing = false;
  statements = 0;
  rows = 0;
  /**
   * Time spent waiting on the database (SQLite: inside the synchronous call; PostgreSQL: until the
   * reply), counted once while statements overlap (the tick reads channels and commitments at once).
   */
  dbMs = 0;
  readonly seen = new Map<string, Seen>();
  private outstanding = 0;
  private since = 0;

  /** A statement is sent. */
  enter(): void {
    if (this.outstanding++ === 0) this.since = performance.now();
  }

  /** A statement has its answer. */
  leave(): void {
    if (--this.outstanding === 0 && (this.recording || this.timing)) this.dbMs += performance.now() - this.since;
  }

  record(sql: string, params: unknown[], rows: number): void {
    if (!this.recording) return;
    this.statements++;
    this.rows += rows;
    const entry = this.seen.get(sql) ?? { sql, params, count: 0, rows: 0 };
    entry.count++;
    entry.rows += rows;
    this.seen.set(sql, entry);
  }

  reset(): void {
    this.statements = 0;
    this.rows = 0;
    this.dbMs = 0;
    this.seen.clear();
  }
}

export const counter = new QueryCounter();

// better-sqlite3: every statement shares one prototype.
{
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = proto[method];
    proto[method] = function (this: { source: string; reader: boolean }, ...params: unknown[]) {
      counter.enter();
      let result: unknown;
      try {
        result = original.apply(this, params);
      } finally {
        counter.leave();
      }
      const rows = method === 'all' ? (result as unknown[]).length : method === 'get' ? (result ? 1 : 0) : 0;
      counter.record(this.source, params, rows);
      return result;
    };
  }
}

// pg: the pool runs every query through Client.prototype.query, with a callback or a promise.
{
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
    const values = (Array.isArray(args[1]) ? args[1] : ((args[0] as { values?: unknown[] })?.values ?? [])) as unknown[];
    const callback = args.findIndex((a) => typeof a === 'function');
    counter.enter();
    const note = (result: unknown) => {
      counter.leave();
      counter.record(text, values, (result as { rows?: unknown[] })?.rows?.length ?? 0);
    };
    if (callback >= 0) {
      const cb = args[callback] as (err: unknown, result: unknown) => void;
      args[callback] = (err: unknown, result: unknown) => {
        if (err) counter.leave();
        else note(result);
        cb(err, result);
      };
      return original.apply(this, args);
    }
    const out = original.apply(this, args);
    if (out && typeof (out as Promise<unknown>).then === 'function') (out as Promise<unknown>).then(note, () => counter.leave());
    else counter.leave();
    return out;
  };
}
