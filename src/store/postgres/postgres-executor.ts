/** The executor over a pg pool: queries wait for migrations; a transaction holds one client and is retried whole on a deadlock. */
import type pg from 'pg';
import type { Dialect, Executor } from '../sql/executor.js';
import type { PgDatabase, Sql } from './database.js';

export const postgresDialect: Dialect = {
  name: 'postgres',
  json: (param) => `${param}::jsonb`,
  // jsonb columns arrive parsed: only a missing value needs its fallback.
  decodeJson: <T>(stored: unknown, fallback: T): T => (stored ?? fallback) as T,
  jsonArray: (fields, orderBy) =>
    `COALESCE(jsonb_agg(jsonb_build_object(${Object.entries(fields)
      .map(([k, v]) => `'${k}', ${v}`)
      .join(', ')}) ORDER BY ${orderBy}), '[]'::jsonb)`,
  // Rows of an unnested array the planner cannot see into are estimated at 10 (jsonb_to_recordset's at
  // 100): so an UPDATE … FROM probes the key index per row instead of hash-joining a scan of the table.
  recordset: (param, columns) =>
    `(SELECT ${Object.entries(columns)
      .map(([name, type]) => `r.value ${type === 'json' ? '->' : '->>'} '${name}' AS ${name}`)
      .join(', ')} FROM unnest(ARRAY(SELECT jsonb_array_elements(${param}::jsonb))) AS r(value))`,
  jsonArrayHasLower: (column, param) => `EXISTS (SELECT 1 FROM jsonb_array_elements_text(${column}) t WHERE lower(t) = ${param})`,
  forUpdate: ' FOR UPDATE',
  skipLocked: ' FOR UPDATE SKIP LOCKED',
  writesInWith: true,
};

type Observer = (sql: string, params: readonly unknown[]) => void;

/** Executes on one `Sql` (the pool, or a transaction's client). */
function on(sql: Sql, observe: () => Observer | undefined, transaction: Executor['transaction']): Executor {
  const executor: Executor = {
    dialect: postgresDialect,
    // PostgreSQL's commit already costs one WAL flush whatever the statement: no cheaper form is worth a round trip.
    get relaxed() {
      return executor;
    },
    async rows<R>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      observe()?.(text, params);
      return (await sql.query<pg.QueryResultRow>(text, params as unknown[])).rows as R[];
    },
    async run(text: string, params: readonly unknown[] = []): Promise<number> {
      observe()?.(text, params);
      return (await sql.query(text, params as unknown[])).rowCount ?? 0;
    },
    transaction,
  };
  return executor;
}

export class PostgresExecutor implements Executor {
  readonly dialect = postgresDialect;
  get relaxed(): Executor {
    return this;
  }
  private observer?: Observer;
  private readonly pooled: Executor;

  constructor(private readonly db: PgDatabase) {
    this.pooled = on(
      db,
      () => this.observer,
      (work) => this.transaction(work),
    );
  }

  /** Test aid: sees every statement as it is sent (to EXPLAIN the store's real queries). */
  observe(observer: Observer | undefined): void {
    this.observer = observer;
  }

  rows<R>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    return this.pooled.rows<R>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.pooled.run(sql, params);
  }

  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.db.transaction((client) => {
      const tx: Executor = on(
        client,
        () => this.observer,
        (inner) => inner(tx),
      );
      return work(tx);
    });
  }
}
