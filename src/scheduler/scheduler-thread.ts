/**
 * Runs the scheduler's CPU work in a worker thread with its own store connection (see
 * scheduler-worker.ts): ticks, and the re-check and rendering of each outbox row before its send.
 * The main event loop then only does delivery I/O and command handling, however big a tick or an
 * owner's day is. A thread that dies fails what it had in hand (loudly: logged with its error) and
 * is started afresh for the next request. A tick commits slice by slice and its rows have unique
 * keys, so a tick cut short loses nothing and sends nothing twice: the next one takes over.
 */
import { Worker } from 'node:worker_threads';
import type { OutboxRow } from '../store/store.js';
import type { StoreConfig } from '../store/open-store.js';
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
type FromSchedulerThread =
  | { type: 'ready' }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; message: string; stack?: string }
  | { type: 'broken'; message: string; stack?: string };

const ENTRY = new URL('./scheduler-worker-entry.js', import.meta.url);
/** How long `stop()` waits for a tick in progress to commit before the thread is terminated. */
const STOP_GRACE_MS = 30_000;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class SchedulerThread implements TickRunner {
  private worker?: Worker;
  private exited?: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;

  constructor(
    private readonly data: SchedulerThreadData,
    private readonly logger?: { error(details: object, message: string): void },
  ) {}

  /** Starts the thread now (it takes a moment to load), rather than on the first request. */
  start(): void {
    if (!this.worker && !this.stopped) this.spawn();
  }

  /** One tick at `now`; resolves with the outbox rows written. */
  run(now: Date): Promise<number> {
    return this.ask((id) => ({ type: 'tick', id, now: now.toISOString() })) as Promise<number>;
  }

  /** Re-checks and renders one outbox row as of `now` (prepareRow, in the thread). */
  prepare(row: OutboxRow, now: Date): Promise<Prepared> {
    return this.ask((id) => ({ type: 'prepare', id, row, now: now.toISOString() })) as Promise<Prepared>;
  }

  /** Lets the work in progress finish, closes the thread's connection and ends the thread. */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    if (!worker) return;
    worker.postMessage({ type: 'stop' } satisfies ToSchedulerThread);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    if ((await Promise.race([this.exited, late])) === 'late') {
      this.logger?.error({ graceMs }, 'the scheduler thread did not stop in time; terminating it');
      await worker.terminate();
    }
    clearTimeout(timer);
  }

  private ask(message: (id: number) => ToSchedulerThread): Promise<unknown> {
    if (this.stopped) return Promise.reject(new Error('the scheduler thread is stopped'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(message(id));
    });
  }

  private spawn(): Worker {
    // Its own loader (the entry registers tsx), whatever flags this process was started with.
    const worker = new Worker(ENTRY, { workerData: this.data satisfies SchedulerThreadData, execArgv: [] });
    this.worker = worker;
    worker.on('message', (message: FromSchedulerThread) => {
      if (message.type === 'broken') this.crashed(worker, errorFrom(message));
      else this.answer(message);
    });
    // An error thrown in the thread and not caught there (a bug): it then exits, handled below.
    worker.on('error', (error) => this.crashed(worker, error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (!this.stopped || this.pending.size > 0) this.crashed(worker, new Error(`the scheduler thread exited (code ${code})`));
        if (this.worker === worker) this.worker = undefined;
        resolve();
      }),
    );
    return worker;
  }

  /** Loudly: the log says why, everything the thread had fails with that reason, and the next request gets a new thread. */
  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.logger?.error({ err: error }, 'the scheduler thread crashed');
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.worker = undefined;
  }

  private answer(message: Exclude<FromSchedulerThread, { type: 'broken' }>): void {
    if (message.type === 'ready') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'done') pending.resolve(message.value);
    else pending.reject(errorFrom(message));
  }
}

function errorFrom(reported: { message: string; stack?: string }): Error {
  return Object.assign(new Error(reported.message), { stack: reported.stack ?? reported.message });
}
