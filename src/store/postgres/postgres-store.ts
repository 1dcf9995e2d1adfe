/** The PostgreSQL store, for several instances sharing one database: a pg pool, migrated on open. */
import pg from 'pg';
import type { Clock } from '../../ports/clock.js';
import type { NextReminderCalculator, Store } from '../store.js';
import { PgChannelRepository } from './channel-repository.js';
import { PgCommitmentRepository } from './commitment-repository.js';
import { PgDatabase } from './database.js';
import { PgEventRepository } from './event-repository.js';
import { migrate } from './migrate.js';
import { PgOutboxRepository } from './outbox-repository.js';
import { PgReceiptRepository } from './receipt-repository.js';
import { PgReminderStateRepository } from './reminder-state-repository.js';
import { PgUserRepository } from './user-repository.js';
import { PgWorkspaceRepository } from './workspace-repository.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database` (DATABASE_URL). */
  connectionString: string;
  defaultTimeZone?: string;
  /** Reminder policy, injected so the store never imports it; without it nothing is scheduled. */
  nextReminderAt?: NextReminderCalculator;
  /** The clock channel changes are timed by (tests inject a ManualClock). */
  clock?: Clock;
  /** Connections per instance (pg's default is 10). */
  maxConnections?: number;
}

export class PostgresStore implements Store {
  readonly db: PgDatabase;
  readonly workspaces: PgWorkspaceRepository;
  readonly channels: PgChannelRepository;
  readonly users: PgUserRepository;
  readonly commitments: PgCommitmentRepository;
  readonly receipts: PgReceiptRepository;
  readonly outbox: PgOutboxRepository;
  readonly reminders: PgReminderStateRepository;
  readonly events: PgEventRepository;
  private closing?: Promise<void>;

  /** Connects lazily: migrations start now and every query waits for them; `ready()` surfaces their failure early. */
  constructor(options: PostgresStoreOptions) {
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections });
    // An idle client losing its connection (a server restart) must not crash the process; the next query reconnects or fails.
    pool.on('error', () => undefined);
    this.db = new PgDatabase(pool, async (p) => void (await migrate(p)));
    this.workspaces = new PgWorkspaceRepository(this.db);
    this.channels = new PgChannelRepository(this.db, options.defaultTimeZone ?? 'UTC', options.nextReminderAt?.channel, options.clock);
    this.users = new PgUserRepository(this.db);
    this.commitments = new PgCommitmentRepository(this.db, options.nextReminderAt?.commitment);
    this.receipts = new PgReceiptRepository(this.db);
    this.outbox = new PgOutboxRepository(this.db);
    this.reminders = new PgReminderStateRepository(this.db);
    this.events = new PgEventRepository(this.db, this.commitments);
  }

  /** Resolves once connected and migrated; rejects with a message naming DATABASE_URL when the database cannot be reached. */
  async ready(): Promise<void> {
    try {
      await this.db.whenReady();
    } catch (error) {
      throw new Error(`Could not open the PostgreSQL database at DATABASE_URL: ${(error as Error).message}`, { cause: error });
    }
  }

  async backup(file: string): Promise<void> {
    throw new Error(
      `followthrough backup copies SQLite files only. For PostgreSQL use pg_dump, for example: pg_dump --format=custom --file=${file} "$DATABASE_URL"`,
    );
  }

  async close(): Promise<void> {
    this.closing ??= this.db
      .whenReady()
      .catch(() => undefined)
      .then(() => this.db.pool.end());
    return this.closing;
  }
}
