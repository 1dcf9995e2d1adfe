/**
 * Answers slash commands in a worker thread with its own store connection (see command-worker.ts):
 * the core's reads, the Block Kit rendering, the JSON and the response_url posts all happen there,
 * so the main event loop only reads requests, checks signatures and acks them. Measured on the
 * `slack` benchmark: an answer is several milliseconds of synchronous work, and every ack that
 * arrived meanwhile waited for it. A thread that dies fails what it had in hand (logged; each
 * failure says how many pages had gone out) and is started afresh for the next command.
 */
import { Worker } from 'node:worker_threads';
import type { StoreConfig } from '../../src/store/open-store.js';
import type { CommandToAnswer } from './answer-command.js';

export interface CommandThreadData {
  store: StoreConfig;
}

export type ToCommandThread = { type: 'answer'; id: number; command: CommandToAnswer; responseUrl: string } | { type: 'stop' };
/** A failure as plain data (thrown objects do not cross threads whole), with the pages already posted. */
export interface ThreadFailure {
  message: string;
  stack?: string;
  posted?: number;
}
export type FromCommandThread =
  | { type: 'ready' }
  | { type: 'posted'; id: number; pages: number }
  | { type: 'done'; id: number }
  | ({ type: 'failed'; id: number } & ThreadFailure)
  | { type: 'log'; level: 'error' | 'warn'; details: Record<string, unknown>; message: string }
  | ({ type: 'broken' } & ThreadFailure);

interface ThreadLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

const ENTRY = new URL('./command-worker-entry.js', import.meta.url);
/** How long `stop()` waits for answers in progress before the thread is terminated. */
const STOP_GRACE_MS = 10_000;
/** After a crash, lists are answered on the main thread this long before a new thread is tried (loading one costs a second of CPU). */
export const RESPAWN_AFTER_MS = 30_000;

interface Pending {
  resolve(): void;
  reject(error: Error): void;
  /** Pages the thread said it posted so far. */
  posted: number;
}

export class CommandThread {
  private worker?: Worker;
  private exited?: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;
  private loaded = false;
  /** When `ready` may start a thread again after a crash (performance.now() time). */
  private respawnAt = 0;

  constructor(
    private readonly data: CommandThreadData,
    private readonly logger: ThreadLogger,
  ) {}

  /**
   * Whether the thread has loaded and can take a command now. While it loads (at start, after a
   * crash: a second or more), commands are better answered on the main thread than kept waiting;
   * after a crash, a new thread is started on the first call past RESPAWN_AFTER_MS.
   */
  get ready(): boolean {
    if (!this.worker && !this.stopped && performance.now() >= this.respawnAt) this.spawn();
    return this.loaded && !this.stopped;
  }

  /**
   * Answers `command` through `responseUrl`; resolves once every page is posted. Rejects with the
   * reason when the thread could not, the error's `posted` saying how many pages had gone out.
   */
  answer(command: CommandToAnswer, responseUrl: string): Promise<void> {
    if (this.stopped) return Promise.reject(Object.assign(new Error('the command thread is stopped'), { posted: 0 }));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, posted: 0 });
      worker.postMessage({ type: 'answer', id, command, responseUrl } satisfies ToCommandThread);
    });
  }

  /** Lets the answers in progress finish, closes the thread's connection and ends the thread. */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    if (!worker) return;
    worker.postMessage({ type: 'stop' } satisfies ToCommandThread);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    if ((await Promise.race([this.exited, late])) === 'late') {
      this.logger.error({ graceMs }, 'the command thread did not stop in time; terminating it');
      await worker.terminate();
    }
    clearTimeout(timer);
  }

  private spawn(): Worker {
    // Its own loader (the entry registers tsx), whatever flags this process was started with; only a
    // CPU profiler asked of this process (a benchmark's BENCH_CPU_PROF) profiles the thread too.
    const execArgv = process.execArgv.filter((flag) => flag.startsWith('--cpu-prof'));
    const worker = new Worker(ENTRY, { workerData: this.data satisfies CommandThreadData, execArgv });
    this.worker = worker;
    this.loaded = false;
    worker.on('message', (message: FromCommandThread) => {
      if (message.type === 'broken') this.crashed(worker, errorFrom(message));
      else if (message.type === 'log') this.logger[message.level](message.details, message.message);
      else this.answered(message);
    });
    // An error thrown in the thread and not caught there (a bug): it then exits, handled below.
    worker.on('error', (error) => this.crashed(worker, error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (!this.stopped || this.pending.size > 0) this.crashed(worker, new Error(`the command thread exited (code ${code})`));
        if (this.worker === worker) this.worker = undefined;
        resolve();
      }),
    );
    return worker;
  }

  /** Loudly: the log says why, everything the thread had fails with that reason, and the next command gets a new thread. */
  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.logger.error({ err: error }, 'the command thread crashed');
    for (const pending of this.pending.values())
      pending.reject(errorFrom({ message: error.message, stack: error.stack, posted: pending.posted }));
    this.pending.clear();
    this.worker = undefined;
    this.loaded = false;
    this.respawnAt = performance.now() + RESPAWN_AFTER_MS;
  }

  private answered(message: Extract<FromCommandThread, { type: 'ready' | 'posted' | 'done' | 'failed' }>): void {
    if (message.type === 'ready') {
      this.loaded = true;
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'posted') {
      pending.posted = message.pages;
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'done') pending.resolve();
    else pending.reject(errorFrom(message));
  }
}

function errorFrom(reported: ThreadFailure): Error & { posted?: number } {
  return Object.assign(new Error(reported.message), { stack: reported.stack ?? reported.message, posted: reported.posted });
}
