/** The scheduler: a node-cron tick every minute writes due reminders to the outbox; the delivery loop sends them. */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Clock } from '../ports/clock.js';
import type { ChatAdapter } from '../ports/chat-adapter.js';
import { parseQuietHours } from '../reminders/quiet-hours.js';
import type { Store } from '../store/store.js';
import { DeliveryLoop, type DeliveryOptions } from './delivery-loop.js';
import { inThisThread, type TickRunner } from './tick-runner.js';

export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  adapters: ReadonlyMap<string, ChatAdapter>;
  logger?: Logger;
  /** `FOLLOWTHROUGH_QUIET_HOURS`, e.g. `20:00-08:00`. */
  quietHours: string;
  delivery?: Partial<DeliveryOptions>;
  /** Where ticks run (default: in this thread, on `store`); the app gives them a thread of their own (SchedulerThread). */
  ticks?: TickRunner;
}

export interface Scheduler {
  readonly delivery: DeliveryLoop;
  /** Runs one tick now (also what cron calls); returns rows written. */
  tick(): Promise<number>;
  /** Stops ticking and claiming, lets in-flight sends finish (≤ 10 s). Close the store after. */
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const quiet = parseQuietHours(options.quietHours);
  const delivery = new DeliveryLoop({
    store: options.store,
    clock: options.clock,
    adapters: options.adapters,
    logger: options.logger,
    quietHours: quiet,
    ...options.delivery,
  });
  const ticks = options.ticks ?? inThisThread(options.store, quiet);
  let stopped = false;
  // Ticks still running when stop() is called: awaited, so the store is never closed under one (Postgres is truly async).
  const running = new Set<Promise<number>>();
  const tick = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    const run = tickOnce().finally(() => running.delete(run));
    running.add(run);
    return run;
  };
  const tickOnce = async () => {
    try {
      const written = await ticks.run(options.clock.now());
      if (written > 0) options.logger?.info({ written }, 'reminders written to the outbox');
      delivery.wake();
      return written;
    } catch (err) {
      options.logger?.error({ err }, 'reminder tick failed');
      return 0;
    }
  };
  const task: ScheduledTask = cron.schedule('* * * * *', () => void tick(), { noOverlap: true, name: 'followthrough-reminders' });
  delivery.start();
  void tick();
  return {
    delivery,
    tick,
    async stop() {
      stopped = true;
      await task.stop();
      await task.destroy();
      await Promise.all(running);
      // Sends in flight may still be re-checked by the tick runner's thread: it stops last.
      await delivery.stop();
      await ticks.stop();
    },
  };
}
