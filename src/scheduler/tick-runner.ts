/** How the scheduler has its ticks run: in this thread (tests, `:memory:` stores) or in a thread of their own (SchedulerThread). */
import type { QuietHours } from '../reminders/quiet-hours.js';
import type { Store } from '../store/store.js';
import { runTick } from './tick.js';

export interface TickRunner {
  /** Runs one tick at `now`; resolves with the outbox rows written. */
  run(now: Date): Promise<number>;
  /** Lets a tick in progress finish, then releases what the runner holds. */
  stop(): Promise<void>;
}

export function inThisThread(store: Store, quiet: QuietHours): TickRunner {
  return { run: (now) => runTick(store, now, quiet), stop: async () => undefined };
}
