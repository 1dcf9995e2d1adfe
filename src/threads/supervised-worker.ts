/**
 * A worker thread that answers numbered requests, watched over: what it had in hand fails loudly
 * with the reason when it dies (logged; a `broken` message, an uncaught error or an exit), the next
 * request gets a new thread, and `stop()` lets the work in progress finish before a grace period
 * runs out. The scheduler thread and the Slack command thread are both one of these.
 *
 * The thread speaks a small protocol: `ready` once loaded; `done` (with a `value`) or `failed` (a
 * ThreadFailure) for request `id`; `broken` when it cannot serve at all. Any other message goes to
 * the owner's `onMessage` (progress, log lines).
 */
import { Worker } from 'node:worker_threads';
import { errorFrom, type ThreadFailure } from './thread-failure.js';

export type ThreadReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; value?: unknown }
  | ({ type: 'failed'; id: number } & ThreadFailure)
  | ({ type: 'broken' } & ThreadFailure);

export interface SupervisedWorkerOptions<Other> {
  /** How logs and errors name it: "the scheduler thread". */
  name: string;
  entry: URL;
  workerData: unknown;
  /** The flags the thread starts with (computed at each start). */
  execArgv?: () => string[];
  logger?: { error(details: object, message: string): void };
  /** Messages outside the protocol. */
  onMessage?(message: Other): void;
  /** Told after a crash has failed everything in hand. */
  onCrash?(): void;
  /** The error a request in hand fails with when the thread dies (default: the crash's own). */
  failureOf?(id: number, error: Error): Error;
}

interface InHand {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class SupervisedWorker<Request extends { type: string }, Other extends { type: string } = never> {
  private worker?: Worker;
  private exited?: Promise<void>;
  private readonly inHand = new Map<number, InHand>();
  private nextId = 1;
  private stopped = false;
  private isLoaded = false;

  constructor(private readonly options: SupervisedWorkerOptions<Other>) {}

  /** A thread is running or loading. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** The running thread has said `ready`. */
  get loaded(): boolean {
    return this.isLoaded && this.worker !== undefined;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Starts the thread now (it takes a moment to load), rather than on the first request. */
  start(): void {
    if (!this.worker && !this.stopped) this.spawn();
  }

  /** Sends the request `build` makes with its id; resolves with the thread's `done` value. */
  request<T>(build: (id: number) => Request): Promise<T> {
    if (this.stopped) return Promise.reject(new Error(`${this.options.name} is stopped`));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.inHand.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage(build(id));
    });
  }

  /** Lets the work in progress finish, and ends the thread: terminated if it has not ended after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    if (!worker) return;
    worker.postMessage({ type: 'stop' });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    if ((await Promise.race([this.exited, late])) === 'late') {
      this.options.logger?.error({ graceMs }, `${this.options.name} did not stop in time; terminating it`);
      await worker.terminate();
    }
    clearTimeout(timer);
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.entry, { workerData: this.options.workerData, execArgv: this.options.execArgv?.() ?? [] });
    this.worker = worker;
    this.isLoaded = false;
    worker.on('message', (message: ThreadReply | Other) => this.received(worker, message));
    // An error thrown in the thread and not caught there (a bug): it then exits, handled below.
    worker.on('error', (error) => this.crashed(worker, error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (!this.stopped || this.inHand.size > 0) this.crashed(worker, new Error(`${this.options.name} exited (code ${code})`));
        if (this.worker === worker) this.worker = undefined;
        resolve();
      }),
    );
    return worker;
  }

  private received(worker: Worker, message: ThreadReply | Other): void {
    switch (message.type) {
      case 'ready':
        if (this.worker === worker) this.isLoaded = true;
        return;
      case 'broken':
        this.crashed(worker, errorFrom(message as ThreadFailure));
        return;
      case 'done':
      case 'failed': {
        const reply = message as Extract<ThreadReply, { type: 'done' | 'failed' }>;
        const inHand = this.inHand.get(reply.id);
        if (!inHand) return;
        this.inHand.delete(reply.id);
        if (reply.type === 'done') inHand.resolve(reply.value);
        else inHand.reject(errorFrom(reply));
        return;
      }
      default:
        this.options.onMessage?.(message as Other);
    }
  }

  /** Loudly: the log says why, everything the thread had fails with that reason, and the next request gets a new thread. */
  private crashed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.options.logger?.error({ err: error }, `${this.options.name} crashed`);
    for (const [id, inHand] of this.inHand) inHand.reject(this.options.failureOf?.(id, error) ?? error);
    this.inHand.clear();
    this.worker = undefined;
    this.isLoaded = false;
    this.options.onCrash?.();
  }
}
