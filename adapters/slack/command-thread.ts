/**
 * Answers slash commands in a worker thread with its own store connection (see command-worker.ts):
 * the core's reads, the Block Kit rendering, the JSON and the response_url posts all happen there,
 * so the main event loop only reads requests, checks signatures and acks them. Measured on the
 * `slack` benchmark: an answer is several milliseconds of synchronous work, and every ack that
 * arrived meanwhile waited for it. A thread that dies fails what it had in hand (logged; each
 * failure says how many pages had gone out) and is started afresh for the next command.
 */
import type { StoreConfig } from '../../src/store/open-store.js';
import { SupervisedWorker, type ThreadReply } from '../../src/threads/supervised-worker.js';
import { errorFrom } from '../../src/threads/thread-failure.js';
import type { CommandToAnswer } from './answer-command.js';

export interface CommandThreadData {
  store: StoreConfig;
}

export type ToCommandThread = { type: 'answer'; id: number; command: CommandToAnswer; responseUrl: string } | { type: 'stop' };
/** Besides the supervised worker's protocol (ready, done, failed, broken): progress and log lines. */
type CommandThreadNews =
  | { type: 'posted'; id: number; pages: number }
  | { type: 'log'; level: 'error' | 'warn'; details: Record<string, unknown>; message: string };
export type FromCommandThread = ThreadReply | CommandThreadNews;

interface ThreadLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

const ENTRY = new URL('./command-worker-entry.js', import.meta.url);
/** How long `stop()` waits for answers in progress before the thread is terminated. */
const STOP_GRACE_MS = 10_000;
/** After a crash, lists are answered on the main thread this long before a new thread is tried (loading one costs a second of CPU). */
export const RESPAWN_AFTER_MS = 30_000;

export class CommandThread {
  private readonly thread: SupervisedWorker<ToCommandThread, CommandThreadNews>;
  /** Pages the thread said it posted so far, per answer in hand. */
  private readonly posted = new Map<number, number>();
  /** When `ready` may start a thread again after a crash (performance.now() time). */
  private respawnAt = 0;

  constructor(data: CommandThreadData, logger: ThreadLogger) {
    this.thread = new SupervisedWorker({
      name: 'the command thread',
      entry: ENTRY,
      workerData: data,
      // Its own loader (the entry registers tsx), whatever flags this process was started with; only a
      // CPU profiler asked of this process (a benchmark's BENCH_CPU_PROF) profiles the thread too.
      execArgv: () => process.execArgv.filter((flag) => flag.startsWith('--cpu-prof')),
      logger,
      onMessage: (message) => {
        if (message.type === 'log') logger[message.level](message.details, message.message);
        else if (this.posted.has(message.id)) this.posted.set(message.id, message.pages);
      },
      failureOf: (id, error) => errorFrom({ message: error.message, stack: error.stack, posted: this.posted.get(id) ?? 0 }),
      onCrash: () => {
        this.respawnAt = performance.now() + RESPAWN_AFTER_MS;
      },
    });
  }

  /**
   * Whether the thread has loaded and can take a command now. While it loads (at start, after a
   * crash: a second or more), commands are better answered on the main thread than kept waiting;
   * after a crash, a new thread is started on the first call past RESPAWN_AFTER_MS.
   */
  get ready(): boolean {
    if (!this.thread.running && performance.now() >= this.respawnAt) this.thread.start();
    return this.thread.loaded && !this.thread.isStopped;
  }

  /**
   * Answers `command` through `responseUrl`; resolves once every page is posted. Rejects with the
   * reason when the thread could not, the error's `posted` saying how many pages had gone out.
   */
  answer(command: CommandToAnswer, responseUrl: string): Promise<void> {
    if (this.thread.isStopped) return Promise.reject(Object.assign(new Error('the command thread is stopped'), { posted: 0 }));
    let asked = 0;
    const answered = this.thread.request<void>((id) => {
      asked = id;
      this.posted.set(id, 0);
      return { type: 'answer', id, command, responseUrl };
    });
    return answered.finally(() => this.posted.delete(asked));
  }

  /** Lets the answers in progress finish, closes the thread's connection and ends the thread. */
  stop(graceMs = STOP_GRACE_MS): Promise<void> {
    return this.thread.stop(graceMs);
  }
}
