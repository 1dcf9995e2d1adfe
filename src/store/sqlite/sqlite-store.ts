/**
 * The SQLite store: one better-sqlite3 connection in WAL mode, migrated on open, with the shared
 * repositories over it. Acknowledged means on disk (`synchronous = FULL`: each commit is fsynced),
 * and a file removed, replaced or made read-only while running refuses writes instead of losing them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Repositories, type RepositoryOptions } from '../sql/repositories.js';
import { StoreUnavailable, type Store, type StoreHealth } from '../store.js';
import { FileGuard, readOnlyProblem } from './file-guard.js';
import { migrate } from './migrate.js';
import { SqliteExecutor } from './sqlite-executor.js';

export interface SqliteStoreOptions extends RepositoryOptions {
  file: string;
  /**
   * `FULL` (default): a commit returns once the WAL is fsynced, so an answered write survives a power
   * cut or an OS crash. `NORMAL` only survives a process crash (`npm run bench -- durability` shows the
   * cost). Outbox bookkeeping is always NORMAL (see `Executor.relaxed`).
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How often `maintain()` runs by itself (statistics, receipt pruning); 0 turns it off. Default: hourly. */
  maintenanceIntervalMs?: number;
}

/** Receipts older than this are forgotten: Slack retries an event within minutes, never a day later. */
export const RECEIPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export class SqliteStore extends Repositories implements Store {
  readonly db: Database.Database;
  readonly executor: SqliteExecutor;
  private readonly guard: FileGuard;
  private readonly timer?: NodeJS.Timeout;

  constructor(options: SqliteStoreOptions) {
    const file = options.file;
    if (file !== ':memory:') {
      mkdirSync(dirname(file), { recursive: true });
      const readOnly = existsSync(file) ? readOnlyProblem(file) : undefined;
      if (readOnly) throw new StoreUnavailable(readOnly);
    }
    const synchronous = options.synchronous ?? 'FULL';
    const db = openDatabase(file, synchronous);
    const guard = new FileGuard(file);
    const executor = new SqliteExecutor(db, guard, file, synchronous);
    super(executor, options);
    this.db = db;
    this.guard = guard;
    this.executor = executor;
    this.optimize(true);
    const every = options.maintenanceIntervalMs ?? 60 * 60 * 1000;
    if (every > 0) {
      this.timer = setInterval(() => void this.maintain().catch(() => undefined), every);
      this.timer.unref();
    }
  }

  async health(): Promise<StoreHealth> {
    const reason = this.db.open ? this.guard.problem() : 'the store is closed';
    return reason ? { writable: false, reason } : { writable: true };
  }

  async maintain(now: Date = new Date()): Promise<{ prunedReceipts: number }> {
    const prunedReceipts = await this.receipts.prune(new Date(now.getTime() - RECEIPT_RETENTION_MS));
    this.optimize(false);
    return { prunedReceipts };
  }

  async backup(file: string): Promise<void> {
    mkdirSync(dirname(file), { recursive: true });
    await this.db.backup(file);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.db.open) {
      // Leaves fresh statistics for the next start (SQLite's advice for long-lived connections).
      this.optimize(false);
      this.db.close();
    }
  }

  /**
   * Gives the planner statistics (`PRAGMA optimize`, sampling at most 1,000 rows per index so it stays
   * fast at a million rows): without them SQLite walked a whole workspace for one channel's list.
   * At open, tables never analysed are analysed too (0x10002).
   */
  private optimize(atOpen: boolean): void {
    if (!this.db.open || this.guard.problem()) return;
    this.db.pragma('analysis_limit = 1000');
    this.db.pragma(atOpen ? 'optimize = 0x10002' : 'optimize');
  }
}

function openDatabase(file: string, synchronous: 'FULL' | 'NORMAL'): Database.Database {
  const db = new Database(file);
  try {
    // Another process (a second scheduler, a backup) may hold the write lock briefly: wait, don't fail.
    // Set first: switching a new file to WAL takes that lock too.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${synchronous}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
