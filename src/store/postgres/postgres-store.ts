/** The PostgreSQL store, for several instances sharing one database: a pg pool, migrated on open, the shared repositories over it. */
import pg from 'pg';
import { Repositories, type RepositoryOptions } from '../sql/repositories.js';
import type { Store, StoreHealth } from '../store.js';
import { PgDatabase } from './database.js';
import { migrate } from './migrate.js';
import { PostgresExecutor } from './postgres-executor.js';

export interface PostgresStoreOptions extends RepositoryOptions {
  /** `postgres://user:password@host:5432/database` (DATABASE_URL). */
  connectionString: string;
  /** Connections per instance (pg's default is 10). */
  maxConnections?: number;
  /** How often `maintain()` runs by itself (statistics, receipt pruning); 0 turns it off. Default: hourly. */
  maintenanceIntervalMs?: number;
}

/** Receipts older than this are forgotten: Slack retries an event within minutes, never a day later. */
const RECEIPT_RETENTION_MS = 24 * 60 * 60 * 1000;
/** The tables whose plans depend on their size (not the whole database: the catalogs need no help). */
const ANALYZE = 'ANALYZE commitments, commitment_owners, commitment_log, users, channels, events, outbox';

export class PostgresStore extends Repositories implements Store {
  readonly db: PgDatabase;
  readonly executor: PostgresExecutor;
  private closing?: Promise<void>;
  private readonly timer?: NodeJS.Timeout;

  /** Connects lazily: migrations start now and every query waits for them; `ready()` surfaces their failure early. */
  constructor(options: PostgresStoreOptions) {
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections });
    // An idle client losing its connection (a server restart) must not crash the process; the next query reconnects or fails.
    pool.on('error', () => undefined);
    // ANALYZE after migrating: autovacuum gets there eventually, but a freshly loaded table plans blind until it does.
    const db = new PgDatabase(pool, async (p) => {
      await migrate(p);
      await p.query(ANALYZE);
    });
    const executor = new PostgresExecutor(db);
    super(executor, options);
    this.db = db;
    this.executor = executor;
    const every = options.maintenanceIntervalMs ?? 60 * 60 * 1000;
    if (every > 0) {
      this.timer = setInterval(() => void this.maintain().catch(() => undefined), every);
      this.timer.unref();
    }
  }

  /** Resolves once connected and migrated; rejects with a message naming DATABASE_URL when the database cannot be reached. */
  async ready(): Promise<void> {
    try {
      await this.db.whenReady();
    } catch (error) {
      throw new Error(`Could not open the PostgreSQL database at DATABASE_URL: ${(error as Error).message}`, { cause: error });
    }
  }

  async health(): Promise<StoreHealth> {
    try {
      const [row] = await this.executor.rows<{ read_only: string }>('SELECT current_setting($1) AS read_only', ['transaction_read_only']);
      return row.read_only === 'on'
        ? { writable: false, reason: 'the PostgreSQL server at DATABASE_URL accepts only reads (a standby, or read-only mode)' }
        : { writable: true };
    } catch (error) {
      return { writable: false, reason: `the PostgreSQL database at DATABASE_URL cannot be reached: ${(error as Error).message}` };
    }
  }

  async maintain(now: Date = new Date()): Promise<{ prunedReceipts: number }> {
    const prunedReceipts = await this.receipts.prune(new Date(now.getTime() - RECEIPT_RETENTION_MS));
    await this.executor.run(ANALYZE);
    return { prunedReceipts };
  }

  async backup(file: string): Promise<void> {
    throw new Error(
      `followthrough backup copies SQLite files only. For PostgreSQL use pg_dump, for example: pg_dump --format=custom --file=${file} "$DATABASE_URL"`,
    );
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.closing ??= this.db
      .whenReady()
      .catch(() => undefined)
      .then(() => this.db.pool.end());
    return this.closing;
  }
}
