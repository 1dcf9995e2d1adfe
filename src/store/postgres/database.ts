/** One pg pool plus the two things every repository needs: a query that waits for migrations, and a transaction. */
import type pg from 'pg';

/** What a query runs on: the pool, or the one client a transaction holds. */
export interface Sql {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** Deadlock and serialization failures: Postgres aborted one side, and running it again is the documented cure. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

export class PgDatabase implements Sql {
  private readonly ready: Promise<void>;

  /** `prepare` (the migrations) runs once; every query waits for it, so a caller never sees a half-built schema. */
  constructor(
    readonly pool: pg.Pool,
    prepare: (pool: pg.Pool) => Promise<void>,
  ) {
    this.ready = prepare(pool);
    // Callers see the failure on their first query; this only keeps it from being reported as unhandled.
    this.ready.catch(() => undefined);
  }

  /** Resolves once the schema is current; rejects with the connection or migration error. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /**
   * One statement on its own (autocommit). One that Postgres aborted for a deadlock changed nothing, so
   * it is run again like a transaction would be: the tick's slice is one such statement, written by
   * every instance at the same minute.
   */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    await this.ready;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.pool.query<R>(text, values);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      }
    }
  }

  async rows<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]> {
    return (await this.query<R>(text, values)).rows;
  }

  /** Runs `work` in one transaction on one client; retried whole when Postgres reports a deadlock. */
  async transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    await this.ready;
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        const code = (error as { code?: string }).code;
        if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      } finally {
        // A client whose rollback failed is in an unknown state: destroy it rather than reuse it.
        client.release(broken);
      }
    }
  }
}
