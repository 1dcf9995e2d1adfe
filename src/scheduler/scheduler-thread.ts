/**
 * Runs the scheduler's CPU work in a worker thread with its own store connection (see
 * scheduler-worker.ts): ticks, and the re-check and rendering of each outbox row before its send.
 * The main event loop then only does delivery I/O and command handling, however big a tick or an
 * owner's day is. A thread that dies fails what it had in hand (loudly: logged with its error) and
 * is started afresh for the next request. A tick commits slice by slice and its rows have unique
 * keys, so a tick cut short loses nothing and sends nothing twice: the next one takes over.
 */
import type { OutboxRow } from '../store/store.js';
import type { StoreConfig } from '../store/open-store.js';
import { SupervisedWorker } from '../threads/supervised-worker.js';
import type { Prepared } from './prepare-row.js';
import type { TickRunner } from './tick-runner.js';

/** What the thread is started with: where the store is and the quiet hours (`20:00-08:00`). */
export interface SchedulerThreadData {
  store: StoreConfig;
  quietHours: string;
}

export type ToSchedulerThread =
  | { type: 'tick'; id: number; now: string }
  | { type: 'prepare'; id: number; row: OutboxRow; now: string }
  | { type: 'stop' };

const ENTRY = new URL('./scheduler-worker-entry.js', import.meta.url);
/** How long `stop()` waits for a tick in progress to commit before the thread is terminated. */
const STOP_GRACE_MS = 30_000;

export class SchedulerThread implements TickRunner {
  private readonly thread: SupervisedWorker<ToSchedulerThread>;

  constructor(data: SchedulerThreadData, logger?: { error(details: object, message: string): void }) {
    // Its own loader (the entry registers tsx), whatever flags this process was started with.
    this.thread = new SupervisedWorker({ name: 'the scheduler thread', entry: ENTRY, workerData: data, logger });
  }

  /** Starts the thread now (it takes a moment to load), rather than on the first request. */
  start(): void {
    this.thread.start();
  }

  /** One tick at `now`; resolves with the outbox rows written. */
  run(now: Date): Promise<number> {
    return this.thread.request((id) => ({ type: 'tick', id, now: now.toISOString() }));
  }

  /** Re-checks and renders one outbox row as of `now` (prepareRow, in the thread). */
  prepare(row: OutboxRow, now: Date): Promise<Prepared> {
    return this.thread.request((id) => ({ type: 'prepare', id, row, now: now.toISOString() }));
  }

  /** Lets the work in progress finish, closes the thread's connection and ends the thread. */
  stop(graceMs = STOP_GRACE_MS): Promise<void> {
    return this.thread.stop(graceMs);
  }
}
