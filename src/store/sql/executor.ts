/**
 * The one thing a repository needs from a database: run a statement, read rows, or do several in a
 * transaction. Both engines implement it, so every repository is written once (src/store/sql/) and
 * the engines cannot drift apart. SQL is written with `$1, $2…` placeholders; SQLite's executor
 * binds them as `?1, ?2…`. What truly differs between the engines is in `Dialect`, nothing else.
 */
import type { JsonDecoder } from '../rows.js';

export interface Executor {
  readonly dialect: Dialect;
  rows<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a write; returns the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Runs `work` in one transaction: every read it makes sees the state its writes are based on
   * (SQLite takes the write lock at BEGIN; PostgreSQL reads lock rows with `dialect.forUpdate`).
   * Inside, use only the `tx` it is given; a transaction inside one joins it.
   */
  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
  /**
   * The same executor for bookkeeping nobody was promised (outbox leases and results, the tick's
   * plan): its commits need not wait for the disk. Losing one to a power cut costs a re-plan or a
   * repeated send, never an acknowledged change — and the next ordinary commit makes it durable too
   * (SQLite's WAL is synced in order). Ordinary commits resolve only once on disk.
   */
  readonly relaxed: Executor;
}

/** The short list of what SQLite and PostgreSQL spell differently. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** A parameter written to a JSON column (`$3` or `$3::jsonb`). */
  json(param: string): string;
  /** How a JSON column arrives: text to parse (SQLite) or already parsed (jsonb). */
  readonly decodeJson: JsonDecoder;
  /** `rows` (an alias of the owner-like rows) aggregated as a JSON array of `fields`, in `orderBy` order. */
  jsonArray(fields: Record<string, string>, orderBy: string): string;
  /**
   * The JSON array of objects in `param` as a row source with these columns (text, or JSON where
   * marked): a batch of any size is one parameter and one statement text, prepared once.
   */
  recordset(param: string, columns: Record<string, 'text' | 'json'>): string;
  /** True when the JSON array in `column` holds a string whose lower case equals `param`. */
  jsonArrayHasLower(column: string, param: string): string;
  /** Appended to a read whose row a transaction then writes, so concurrent instances take turns. */
  readonly forUpdate: string;
  /** Appended to the claim's pick so two instances skip each other's rows instead of waiting. */
  readonly skipLocked: string;
  /** `WITH x AS (UPDATE … RETURNING …) INSERT …` works (PostgreSQL; SQLite allows only SELECT in WITH). */
  readonly writesInWith: boolean;
}
