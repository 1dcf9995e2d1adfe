/** Every repository of the store, built once over an engine's executor: the whole store behaviour, engine-free. */
import type { Clock } from '../../ports/clock.js';
import type { NextReminderCalculator } from '../store.js';
import { SqlChannelRepository } from './channel-repository.js';
import { SqlCommitmentRepository } from './commitment-repository.js';
import { SqlEventRepository } from './event-repository.js';
import type { Executor } from './executor.js';
import { SqlOnceRepository } from './once-repository.js';
import { SqlOutboxRepository } from './outbox-repository.js';
import { SqlReceiptRepository } from './receipt-repository.js';
import { SqlReminderStateRepository } from './reminder-state-repository.js';
import { SqlUserRepository } from './user-repository.js';
import { SqlWorkspaceRepository } from './workspace-repository.js';

export interface RepositoryOptions {
  defaultTimeZone?: string;
  /** Reminder policy, injected so the store never imports it; without it nothing is scheduled. */
  nextReminderAt?: NextReminderCalculator;
  /** The clock channel changes are timed by (tests inject a ManualClock). */
  clock?: Clock;
}

export class Repositories {
  readonly workspaces: SqlWorkspaceRepository;
  readonly channels: SqlChannelRepository;
  readonly users: SqlUserRepository;
  readonly commitments: SqlCommitmentRepository;
  readonly receipts: SqlReceiptRepository;
  readonly once: SqlOnceRepository;
  readonly outbox: SqlOutboxRepository;
  readonly reminders: SqlReminderStateRepository;
  readonly events: SqlEventRepository;

  constructor(sql: Executor, options: RepositoryOptions) {
    this.workspaces = new SqlWorkspaceRepository(sql);
    this.channels = new SqlChannelRepository(sql, options.defaultTimeZone ?? 'UTC', options.nextReminderAt?.channel, options.clock);
    this.users = new SqlUserRepository(sql);
    this.commitments = new SqlCommitmentRepository(sql, options.nextReminderAt?.commitment);
    this.receipts = new SqlReceiptRepository(sql);
    this.once = new SqlOnceRepository(sql);
    this.outbox = new SqlOutboxRepository(sql);
    this.reminders = new SqlReminderStateRepository(sql);
    this.events = new SqlEventRepository(sql, this.commitments);
  }
}
