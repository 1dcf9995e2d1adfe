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
  recording = false;
  statements = 0;
  rows = 0;
  /** Time spent waiting on the database (SQLite: inside the synchronous call; PostgreSQL: until the reply). */
  dbMs = 0;
  readonly seen = new Map<string, Seen>();

  record(sql: string, params: unknown[], rows: number, ms = 0): void {
    if (!this.recording) return;
    this.dbMs += ms;
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
      const start = performance.now();
      const result = original.apply(this, params);
      const ms = performance.now() - start;
      const rows = method === 'all' ? (result as unknown[]).length : method === 'get' ? (result ? 1 : 0) : 0;
      counter.record(this.source, params, rows, ms);
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
    const start = performance.now();
    const note = (result: unknown) =>
      counter.record(text, values, (result as { rows?: unknown[] })?.rows?.length ?? 0, performance.now() - start);
    if (callback >= 0) {
      const cb = args[callback] as (err: unknown, result: unknown) => void;
      args[callback] = (err: unknown, result: unknown) => {
        if (!err) note(result);
        cb(err, result);
      };
      return original.apply(this, args);
    }
    const out = original.apply(this, args);
    if (out && typeof (out as Promise<unknown>).then === 'function') (out as Promise<unknown>).then(note, () => undefined);
    return out;
  };
}
