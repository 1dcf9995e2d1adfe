/**
 * A scheduler tick: plan what is due and write it to the outbox; returns rows written. The work is
 * cut into slices of `TICK_SLICE` due rows, each planned and written in its own transaction, with a
 * turn of the event loop between slices: the store's reads are synchronous on SQLite, so one long
 * pass would hold up every HTTP request (Slack's 3-second ack) until the tick ends.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { QuietHours } from '../reminders/quiet-hours.js';
import type { Store } from '../store/store.js';
import { planTick } from './plan-tick.js';

/** Due commitments (and channels) per slice: tens of milliseconds of reading and policy at most. */
export const TICK_SLICE = 20;
/** Slices per tick at most; what is left (a restart after long downtime) waits for the next minute. */
const MAX_SLICES = 2_000;

export async function runTick(store: Store, now: Date, quiet: QuietHours, slice = TICK_SLICE): Promise<number> {
  let written = 0;
  // More than a slice due: keep going; every plan moves its rows' next time past now.
  for (let round = 0; round < MAX_SLICES; round++) {
    const plan = await planTick(store, now, quiet, slice);
    written += await store.outbox.record(plan, now);
    if (plan.commitments.length < slice && plan.channels.length < slice) break;
    await yieldToEventLoop();
  }
  return written;
}
