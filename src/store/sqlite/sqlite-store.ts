/** The SQLite store: one better-sqlite3 connection in WAL mode, migrated on open. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../store.js';
import { SqliteChannelRepository } from './channel-repository.js';
import { SqliteCommitmentRepository } from './commitment-repository.js';
import { migrate } from './migrate.js';
import { SqliteReceiptRepository } from './receipt-repository.js';
import { SqliteUserRepository } from './user-repository.js';
import { SqliteWorkspaceRepository } from './workspace-repository.js';

export interface SqliteStoreOptions {
  file: string;
  defaultTimeZone?: string;
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly workspaces: SqliteWorkspaceRepository;
  readonly channels: SqliteChannelRepository;
  readonly users: SqliteUserRepository;
  readonly commitments: SqliteCommitmentRepository;
  readonly receipts: SqliteReceiptRepository;

  constructor(options: SqliteStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    // Another process (a second scheduler, a backup) may hold the write lock briefly: wait, don't fail.
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('synchronous = NORMAL');
    migrate(this.db);
    this.workspaces = new SqliteWorkspaceRepository(this.db);
    this.channels = new SqliteChannelRepository(this.db, options.defaultTimeZone ?? 'UTC');
    this.users = new SqliteUserRepository(this.db);
    this.commitments = new SqliteCommitmentRepository(this.db);
    this.receipts = new SqliteReceiptRepository(this.db);
  }

  async backup(file: string): Promise<void> {
    mkdirSync(dirname(file), { recursive: true });
    await this.db.backup(file);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
