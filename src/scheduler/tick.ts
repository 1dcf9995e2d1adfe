/**
 * A scheduler tick: plan what is due and write it to the outbox; returns rows written. The work is
 * cut into slices, each planned and written in its own transaction, with a turn of the event loop
 * between slices: the store's reads are synchronous on SQLite, so one long pass would hold up every
 * HTTP request (Slack's 3-second ack) until the tick ends. The first slice is small; later ones are
 * sized from how long it took, to about `SLICE_BUDGET_MS` each (at most `TICK_BATCH` rows): every
 * slice costs a transaction (and on PostgreSQL its round trips), so a slice of 20 rows when 500 fit
 * in the same few milliseconds made a 1,000-row tick 50 commits instead of 3 (issue 12).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { QuietHours } from '../reminders/quiet-hours.js';
import type { Store } from '../store/store.js';
import { TICK_BATCH, planTick } from './plan-tick.js';

/** Due commitments (and channels) in the first slice. */
export const TICK_SLICE = 20;
/** What a later slice aims to take, reading, deciding and writing. */
export const SLICE_BUDGET_MS = 20;
/** Slices per tick at most; what is left (a restart after long downtime) waits for the next minute. */
const MAX_SLICES = 2_000;

export async function runTick(store: Store, now: Date, quiet: QuietHours, slice = TICK_SLICE): Promise<number> {
  let written = 0;
  let size = slice;
  // More than a slice due: keep going; every plan moves its rows' next time past now.
  for (let round = 0; round < MAX_SLICES; round++) {
    const started = performance.now();
    const plan = await planTick(store, now, quiet, size);
    written += await store.outbox.record(plan, now);
    if (plan.commitments.length < size && plan.channels.length < size) break;
    size = nextSliceSize(size, performance.now() - started, slice);
    await yieldToEventLoop();
  }
  return written;
}

/** The next slice's rows: this one's scaled to the budget, never below the first slice nor above a batch. */
export function nextSliceSize(size: number, tookMs: number, first = TICK_SLICE): number {
  const scaled = Math.floor((size * SLICE_BUDGET_MS) / Math.max(tookMs, 0.1));
  return Math.max(first, Math.min(scaled, Math.max(first, TICK_BATCH)));
}
