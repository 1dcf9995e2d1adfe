/**
 * The SQLite store: one better-sqlite3 connection in WAL mode, migrated on open, with the shared
 * repositories over it. Acknowledged means on disk: a write resolves only once the WAL holding it is
 * fsynced, by a shared fsync off the event loop (durability-barrier.ts says why that is enough), and
 * a file removed, replaced or made read-only while running refuses writes instead of losing them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Repositories, type RepositoryOptions } from '../sql/repositories.js';
import { StoreUnavailable, type Store, type StoreHealth } from '../store.js';
import { FileGuard, readOnlyProblem } from './file-guard.js';
import { migrate } from './migrate.js';
import { DurabilityBarrier, type SyncFiles } from './durability-barrier.js';
import { type Durability, SqliteExecutor } from './sqlite-executor.js';

export interface SqliteStoreOptions extends RepositoryOptions {
  file: string;
  /**
   * `group` (default): a write resolves once an fsync of the WAL that started after its commit has
   * ended (shared by every commit meanwhile, off the event loop), so an answered write survives a
   * power cut or an OS crash. `commit`: SQLite fsyncs inside every commit (`synchronous = FULL`), on
   * the event loop — as durable, much slower under load. `off`: no sync at commit, survives only a
   * process crash. The last two are for `npm run bench -- durability`. Outbox bookkeeping never
   * waits (see `Executor.relaxed`).
   */
  durability?: Durability;
  /** Test aid: the file syncs the barrier makes (node:fs by default). */
  syncFiles?: SyncFiles;
  /** How often `maintain()` runs by itself (statistics, receipt pruning); 0 turns it off. Default: hourly. */
  maintenanceIntervalMs?: number;
  /**
   * Whether this connection's commits checkpoint the WAL themselves (SQLite's default: the commit that
   * takes the WAL past 1,000 pages copies all of it into the database and syncs both, inside that
   * commit). False for the scheduler thread's connection: a 1M-commitment tick writes ~1,000 scattered
   * pages, so nearly every tick's last slice paid a whole checkpoint; the thread calls `checkpoint()`
   * after the tick instead, and every other connection keeps the default, so the WAL stays bounded.
   */
  autoCheckpoint?: boolean;
}

/** Receipts older than this are forgotten: Slack retries an event within minutes, never a day later. */
export const RECEIPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export class SqliteStore extends Repositories implements Store {
  readonly db: Database.Database;
  readonly executor: SqliteExecutor;
  private readonly guard: FileGuard;
  private readonly barrier?: DurabilityBarrier;
  private readonly timer?: NodeJS.Timeout;

  constructor(options: SqliteStoreOptions) {
    const file = options.file;
    if (file !== ':memory:') {
      mkdirSync(dirname(file), { recursive: true });
      const readOnly = existsSync(file) ? readOnlyProblem(file) : undefined;
      if (readOnly) throw new StoreUnavailable(readOnly);
    }
    const durability = options.durability ?? 'group';
    const db = openDatabase(file, durability === 'commit' ? 'FULL' : 'NORMAL');
    if (options.autoCheckpoint === false) db.pragma('wal_autocheckpoint = 0');
    const guard = new FileGuard(file);
    const barrier = durability === 'group' && file !== ':memory:' ? new DurabilityBarrier(file, options.syncFiles) : undefined;
    const executor = new SqliteExecutor(db, guard, file, barrier);
    super(executor, options);
    this.db = db;
    this.guard = guard;
    this.barrier = barrier;
    this.executor = executor;
    this.optimize(true);
    const every = options.maintenanceIntervalMs ?? 60 * 60 * 1000;
    if (every > 0) {
      this.timer = setInterval(() => void this.maintain().catch(() => undefined), every);
      this.timer.unref();
    }
  }

  /** Resolves once every write made so far is on disk (a read about to be answered may have seen one still on its way). */
  async durable(): Promise<void> {
    await this.executor.durable();
  }

  async health(): Promise<StoreHealth> {
    const reason = this.db.open ? (this.guard.problem() ?? this.barrier?.problem()) : 'the store is closed';
    return reason ? { writable: false, reason } : { writable: true };
  }

  async maintain(now: Date = new Date()): Promise<{ prunedReceipts: number }> {
    const prunedReceipts = await this.receipts.prune(new Date(now.getTime() - RECEIPT_RETENTION_MS));
    this.optimize(false);
    return { prunedReceipts };
  }

  async checkpoint(): Promise<void> {
    if (this.db.open) await this.executor.checkpoint();
  }

  async backup(file: string): Promise<void> {
    mkdirSync(dirname(file), { recursive: true });
    await this.db.backup(file);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.barrier?.close();
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
