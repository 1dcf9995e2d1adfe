/** The SQLite store: one better-sqlite3 connection in WAL mode, migrated on open. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../../ports/clock.js';
import type { NextReminderCalculator, Store } from '../store.js';
import { SqliteChannelRepository } from './channel-repository.js';
import { SqliteCommitmentRepository } from './commitment-repository.js';
import { SqliteEventRepository } from './event-repository.js';
import { migrate } from './migrate.js';
import { SqliteOutboxRepository } from './outbox-repository.js';
import { SqliteReceiptRepository } from './receipt-repository.js';
import { SqliteReminderStateRepository } from './reminder-state-repository.js';
import { SqliteUserRepository } from './user-repository.js';
import { SqliteWorkspaceRepository } from './workspace-repository.js';

export interface SqliteStoreOptions {
  file: string;
  defaultTimeZone?: string;
  /** Reminder policy, injected so the store never imports it; without it nothing is scheduled. */
  nextReminderAt?: NextReminderCalculator;
  /** The clock channel changes are timed by (tests inject a ManualClock). */
  clock?: Clock;
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly workspaces: SqliteWorkspaceRepository;
  readonly channels: SqliteChannelRepository;
  readonly users: SqliteUserRepository;
  readonly commitments: SqliteCommitmentRepository;
  readonly receipts: SqliteReceiptRepository;
  readonly outbox: SqliteOutboxRepository;
  readonly reminders: SqliteReminderStateRepository;
  readonly events: SqliteEventRepository;

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
    this.channels = new SqliteChannelRepository(this.db, options.defaultTimeZone ?? 'UTC', options.nextReminderAt?.channel, options.clock);
    this.users = new SqliteUserRepository(this.db);
    this.commitments = new SqliteCommitmentRepository(this.db, options.nextReminderAt?.commitment);
    this.receipts = new SqliteReceiptRepository(this.db);
    this.outbox = new SqliteOutboxRepository(this.db);
    this.reminders = new SqliteReminderStateRepository(this.db, this.channels);
    this.events = new SqliteEventRepository(this.db, this.commitments);
  }

  async backup(file: string): Promise<void> {
    mkdirSync(dirname(file), { recursive: true });
    await this.db.backup(file);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
