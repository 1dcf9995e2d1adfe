/**
 * The body of the command thread (started by CommandThread): opens a store connection of its own
 * (SQLite: another connection on the same WAL file; PostgreSQL: a small pool of four), builds a core
 * on it, and answers the commands it is handed exactly as the main thread would (answerCommand),
 * posting each page to the command's response_url (postResponse: what Bolt's `respond` sends).
 * Messages in: `answer`, `stop`; out: `ready`, `posted`, `done`, `failed`, `log`, `broken`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createCore, type Core } from '../../src/core.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { answerCommand, type ResponseMessage } from './answer-command.js';
import { described } from '../../src/threads/thread-failure.js';
import type { CommandThreadData, FromCommandThread, ToCommandThread } from './command-thread.js';
import { closeResponseConnections, postResponse } from './post-response.js';

const port = parentPort!;
const data = workerData as CommandThreadData;
const say = (message: FromCommandThread) => port.postMessage(message);

/** Housekeeping (statistics, receipt pruning) stays with the main connection. */
function openThreadStore(): Store {
  const shared = { defaultTimeZone: data.store.FOLLOWTHROUGH_DEFAULT_TZ, nextReminderAt: nextReminderCalculator };
  if (data.store.DATABASE_URL)
    return new PostgresStore({ connectionString: data.store.DATABASE_URL, maxConnections: 4, maintenanceIntervalMs: 0, ...shared });
  return new SqliteStore({ file: data.store.FOLLOWTHROUGH_DB, maintenanceIntervalMs: 0, ...shared });
}

/** The core's log lines go to the main thread's logger (pino's two call shapes: details first, or the message alone). */
const forward =
  (level: 'error' | 'warn') =>
  (first: unknown, message?: string): void => {
    const details = typeof first === 'object' && first !== null ? plain(first) : {};
    say({ type: 'log', level, details, message: typeof first === 'string' ? first : (message ?? '') });
  };
const forwardingLogger = { error: forward('error'), warn: forward('warn') };

function plain(details: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, v instanceof Error ? described(v) : v]));
}

function serve(store: Store, core: Core): void {
  const inProgress = new Set<Promise<unknown>>();
  port.on('message', (message: ToCommandThread) => {
    if (message.type === 'stop') {
      void Promise.allSettled([...inProgress]).finally(async () => {
        closeResponseConnections();
        await store.close();
        port.close();
      });
      return;
    }
    const { id, command, responseUrl } = message;
    let posted = 0;
    const respond = async (page: ResponseMessage) => {
      await postResponse(responseUrl, page);
      say({ type: 'posted', id, pages: ++posted });
    };
    const work = answerCommand(core, command, respond).then(
      () => say({ type: 'done', id }),
      (error: unknown) => say({ type: 'failed', id, ...described(error), posted }),
    );
    inProgress.add(work);
    void work.finally(() => inProgress.delete(work));
  });
  say({ type: 'ready' });
}

try {
  const store = openThreadStore();
  await store.ready?.();
  serve(store, createCore({ store, settings: { defaultTimeZone: data.store.FOLLOWTHROUGH_DEFAULT_TZ }, logger: forwardingLogger }));
} catch (error) {
  // Said in so many words, so the log names the cause; closing the port ends the thread.
  say({ type: 'broken', ...described(error) });
  process.exitCode = 1;
  port.close();
}
