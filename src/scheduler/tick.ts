/** A scheduler tick: plan what is due and write it to the outbox in one transaction; returns rows written. */
import type { QuietHours } from '../reminders/quiet-hours.js';
import type { Store } from '../store/store.js';
import { planTick, TICK_BATCH } from './plan-tick.js';

export async function runTick(store: Store, now: Date, quiet: QuietHours): Promise<number> {
  let written = 0;
  // More than a batch due (a restart after downtime): keep going; every plan moves its rows' next time past now.
  for (let round = 0; round < 100; round++) {
    const plan = await planTick(store, now, quiet);
    written += await store.outbox.record(plan, now);
    if (plan.commitments.length < TICK_BATCH && plan.channels.length < TICK_BATCH) break;
  }
  return written;
}
