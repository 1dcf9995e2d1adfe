/**
 * Runs scheduler ticks in a worker thread with its own store connection (see tick-worker.ts), so the
 * main event loop only does delivery I/O and command handling while a big tick reads, plans and
 * writes. A thread that dies fails the ticks it had (loudly: logged with its error) and is started
 * afresh for the next one; a failed tick inside a healthy thread fails only that tick. Every tick
 * commits slice by slice and its rows have unique keys, so a tick cut short loses nothing and sends
 * nothing twice: the next one takes over where it stopped.
 */
import { Worker } from 'node:worker_threads';
import type { StoreConfig } from '../store/open-store.js';
import type { TickRunner } from './tick-runner.js';

/** What the thread is started with: where the store is and the quiet hours (`20:00-08:00`). */
export interface TickThreadData {
  store: StoreConfig;
  quietHours: string;
}

export type ToTickThread = { type: 'tick'; id: number; now: string } | { type: 'stop' };
type FromTickThread =
  | { type: 'ready' }
  | { type: 'ticked'; id: number; written: number }
  | { type: 'failed'; id: number; message: string; stack?: string }
  | { type: 'broken'; message: string; stack?: string };

const ENTRY = new URL('./tick-worker-entry.js', import.meta.url);
/** How long `stop()` waits for a tick in progress to commit before the thread is terminated. */
const STOP_GRACE_MS = 30_000;

interface Pending {
  resolve(written: number): void;
  reject(error: Error): void;
}

export class TickThread implements TickRunner {
  private worker?: Worker;
  private exited?: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;

  constructor(
    private readonly data: TickThreadData,
    private readonly logger?: { error(details: object, message: string): void },
  ) {}

  /** Starts the thread now (it takes a moment to load), rather than on the first tick. */
  start(): void {
    if (!this.worker && !this.stopped) this.spawn();
  }

  run(now: Date): Promise<number> {
    if (this.stopped) return Promise.reject(new Error('the tick thread is stopped'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'tick', id, now: now.toISOString() } satisfies ToTickThread);
    });
  }

  /** Lets a tick in progress finish, closes the thread's connection and ends the thread. */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    if (!worker) return;
    worker.postMessage({ type: 'stop' } satisfies ToTickThread);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    if ((await Promise.race([this.exited, late])) === 'late') {
      this.logger?.error({ graceMs }, 'the tick thread did not stop in time; terminating it');
      await worker.terminate();
    }
    clearTimeout(timer);
  }

  private spawn(): Worker {
    const worker = new Worker(ENTRY, { workerData: this.data satisfies TickThreadData, execArgv: [] });
    this.worker = worker;
    worker.on('message', (message: FromTickThread) => {
      if (message.type === 'broken') this.crashed(worker, errorFrom(message));
      else this.answer(message);
    });
    // An error thrown in the thread and not caught there (a bug): it then exits, handled below.
    worker.on('error', (error) => this.crashed(worker, error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (!this.stopped || this.pending.size > 0) this.crashed(worker, new Error(`the tick thread exited (code ${code})`));
        if (this.worker === worker) this.worker = undefined;
        resolve();
      }),
    );
    return worker;
  }

  /** Loudly: the log says why, every tick the thread had fails with that reason, and the next tick gets a new thread. */
  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.logger?.error({ err: error }, 'the tick thread crashed');
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.worker = undefined;
  }

  private answer(message: Exclude<FromTickThread, { type: 'broken' }>): void {
    if (message.type === 'ready') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'ticked') pending.resolve(message.written);
    else pending.reject(errorFrom(message));
  }
}

function errorFrom(reported: { message: string; stack?: string }): Error {
  return Object.assign(new Error(reported.message), { stack: reported.stack ?? reported.message });
}
