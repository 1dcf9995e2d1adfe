/**
 * The body of the scheduler thread (started by SchedulerThread): opens a store connection of its own
 * (scheduler-worker-store.ts) and does the
 * scheduler's CPU work there: ticks (`runTick`) and the re-check and rendering of each outbox row
 * before its send (`prepareRow`), so neither holds up the main event loop (Slack's 3-second ack).
 * Messages in: `tick`, `prepare`, `stop`; out: `ready`, `done`, `failed`, `broken`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseQuietHours } from '../reminders/quiet-hours.js';
import type { Store } from '../store/store.js';
import { described } from '../threads/thread-failure.js';
import { faultHookFrom } from './fault-hook.js';
import { prepareRow } from './prepare-row.js';
import type { SchedulerThreadData, ToSchedulerThread } from './scheduler-thread.js';
import { openSchedulerStore } from './scheduler-worker-store.js';
import { runTick } from './tick.js';

const port = parentPort!;
const data = workerData as SchedulerThreadData;
const quiet = parseQuietHours(data.quietHours);

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

/**
 * Ticks run one at a time, in the order asked (as ticks in one thread would); re-checks run as they
 * come, between a tick's slices. `stop` lets what is in progress finish, then closes the connection.
 */
function serve(store: Store): void {
  let ticks: Promise<unknown> = Promise.resolve();
  const inProgress = new Set<Promise<unknown>>();
  const answer = (id: number, work: () => Promise<unknown>): Promise<unknown> => {
    const run = work().then(
      (value) => port.postMessage({ type: 'done', id, value }),
      (error: unknown) => port.postMessage({ type: 'failed', id, ...described(error) }),
    );
    inProgress.add(run);
    return run.finally(() => inProgress.delete(run));
  };
  port.on('message', (message: ToSchedulerThread) => {
    if (message.type === 'tick') {
      // The checkpoint comes after the tick's answer: the rows are committed, nobody waits for it.
      ticks = ticks
        .then(() => answer(message.id, () => runTick(store, new Date(message.now), quiet)))
        .then(() => store.checkpoint?.())
        .catch(() => undefined);
    } else if (message.type === 'prepare') {
      void answer(message.id, () => prepareRow(store, message.row, new Date(message.now), quiet));
    } else {
      void Promise.all([ticks, ...inProgress]).finally(async () => {
        await store.close();
        port.close();
      });
    }
  });
  port.postMessage({ type: 'ready' });
}

try {
  const store = withTickFault(openSchedulerStore(data.store));
  await store.ready?.();
  serve(store);
} catch (error) {
  // Said in so many words, so the scheduler's log names the cause; closing the port ends the thread.
  port.postMessage({ type: 'broken', ...described(error) });
  process.exitCode = 1;
  port.close();
}
