/**
 * A scheduler tick: plan what is due and write it to the outbox; returns rows written. The work is
 * cut into slices, each planned and written in its own transaction, with a turn of the event loop
 * between slices: the store's reads are synchronous on SQLite, so one long pass would hold up every
 * HTTP request (Slack's 3-second ack) until the tick ends. The first slice is half a budget; later ones are
 * sized from how long the earlier ones took, to about `SLICE_BUDGET_MS` each (at most `TICK_BATCH`
 * rows): every slice costs a commit (on PostgreSQL a round trip), so fixed slices of 20 rows
 * made a 1,000-row tick 50 commits where 3 fit the same budget (issue 12).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { QuietHours } from '../reminders/quiet-hours.js';
import type { Store } from '../store/store.js';
import { TICK_BATCH, planTick } from './plan-tick.js';

/**
 * Due commitments (and channels) in the first slice: about half the budget (a due row costs ~40 µs of
 * CPU at 1M commitments, reading, deciding and writing; 20 rows were a few ms before the policy ran on
 * day numbers). A slice costs a round trip or a commit even for one row: with 100, the 101 due at 100k
 * took two slices and the 1,001 at 1M four.
 */
export const TICK_SLICE = 250;
/** What a later slice aims to take (CPU time), reading, deciding and writing. */
export const SLICE_BUDGET_MS = 20;
/** Slices per tick at most; what is left (a restart after long downtime) waits for the next minute. */
const MAX_SLICES = 2_000;

export async function runTick(store: Store, now: Date, quiet: QuietHours, slice = TICK_SLICE): Promise<number> {
  let written = 0;
  let size = slice;
  const slices: Slice[] = [];
  // More than a slice due: keep going; every plan moves its rows' next time past now.
  let channels = true;
  for (let round = 0; round < MAX_SLICES; round++) {
    const started = process.cpuUsage();
    const plan = await planTick(store, now, quiet, size, { channels });
    written += await store.outbox.record(plan, now);
    // Fewer than asked: none are left (a channel made due meanwhile waits for the next tick).
    if (plan.channels.length < size) channels = false;
    if (plan.commitments.length < size && !channels) break;
    slices.push({ size, ms: cpuMs(process.cpuUsage(started)) });
    size = nextSliceSize(slices, slice);
    await yieldToEventLoop();
  }
  return written;
}

/**
 * A slice is measured in this process's CPU time, not wall time: on a loaded machine the wait for
 * a core is no measure of the slice (slices stuck at their first size made a 1M tick dozens of commits), and on
 * PostgreSQL the wait for the server does not hold up the event loop at all.
 */
function cpuMs(used: NodeJS.CpuUsage): number {
  return (used.user + used.system) / 1_000;
}

export interface Slice {
  size: number;
  ms: number;
}

/**
 * The next slice's rows, from the slices so far: a slice costs about fixed + perRow × rows (the
 * commit is most of the fixed part), fitted through the last two slices of different sizes; with
 * one slice, or a fit the noise made meaningless, the size grows fourfold while under the budget.
 * Never below the first slice, never above a batch.
 */
export function nextSliceSize(slices: Slice[], first = TICK_SLICE): number {
  const last = slices[slices.length - 1];
  let before: Slice | undefined;
  for (let i = slices.length - 2; i >= 0 && !before; i--) if (slices[i].size !== last.size) before = slices[i];
  let next = last.ms < SLICE_BUDGET_MS ? last.size * 4 : Math.floor((last.size * SLICE_BUDGET_MS) / last.ms);
  if (before) {
    const perRow = (last.ms - before.ms) / (last.size - before.size);
    const fixed = last.ms - perRow * last.size;
    if (perRow > 0 && fixed >= 0 && fixed < SLICE_BUDGET_MS) next = Math.floor((SLICE_BUDGET_MS - fixed) / perRow);
  }
  return Math.max(first, Math.min(next, Math.max(first, TICK_BATCH)));
}
