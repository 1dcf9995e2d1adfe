/**
 * The body of the tick thread (started by TickThread): opens a store connection of its own (SQLite:
 * another connection on the same WAL file; PostgreSQL: a pool of two) and runs `runTick` on request,
 * so a long tick's reads, policy and writes never hold up the main event loop (Slack's 3-second ack).
 * Messages in: `{type:'tick', id, now}` and `{type:'stop'}`; out: `ready`, `ticked` and `failed`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { nextReminderCalculator } from '../reminders/next-reminder.js';
import { parseQuietHours } from '../reminders/quiet-hours.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { faultHookFrom } from './fault-hook.js';
import type { TickThreadData, ToTickThread } from './tick-thread.js';
import { runTick } from './tick.js';

const port = parentPort!;
const data = workerData as TickThreadData;
const quiet = parseQuietHours(data.quietHours);

/** Housekeeping (statistics, receipt pruning) stays with the main connection: this one only ticks. */
function openTickStore(): Store {
  const shared = { defaultTimeZone: data.store.FOLLOWTHROUGH_DEFAULT_TZ, nextReminderAt: nextReminderCalculator };
  if (data.store.DATABASE_URL)
    return new PostgresStore({ connectionString: data.store.DATABASE_URL, maxConnections: 2, maintenanceIntervalMs: 0, ...shared });
  return new SqliteStore({ file: data.store.FOLLOWTHROUGH_DB, maintenanceIntervalMs: 0, ...shared });
}

/** The crash tests' `mid-tick` point: the process is killed right after a slice of the tick commits. */
function withTickFault(store: Store): Store {
  const faults = faultHookFrom(process.env.FOLLOWTHROUGH_FAULT);
  const record = store.outbox.record.bind(store.outbox);
  store.outbox.record = async (...args) => {
    const written = await record(...args);
    faults.reached('mid-tick');
    return written;
  };
  return store;
}

/** The error as plain data: thrown objects do not cross threads whole. */
function described(error: unknown): { message: string; stack?: string } {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
}

/** Answers tick requests one at a time, in the order asked (as ticks in one thread would run), until `stop`. */
function serve(store: Store): void {
  let current: Promise<unknown> = Promise.resolve();
  port.on('message', (message: ToTickThread) => {
    if (message.type === 'stop') {
      // A tick in progress finishes and commits first; then the connection closes and the thread ends.
      void current.finally(async () => {
        await store.close();
        port.close();
      });
      return;
    }
    current = current
      .then(() => runTick(store, new Date(message.now), quiet))
      .then(
        (written) => port.postMessage({ type: 'ticked', id: message.id, written }),
        (error: unknown) => port.postMessage({ type: 'failed', id: message.id, ...described(error) }),
      );
  });
  port.postMessage({ type: 'ready' });
}

try {
  const store = withTickFault(openTickStore());
  await store.ready?.();
  serve(store);
} catch (error) {
  // Said in so many words, so the scheduler's log names the cause; closing the port ends the thread.
  port.postMessage({ type: 'broken', ...described(error) });
  process.exitCode = 1;
  port.close();
}
