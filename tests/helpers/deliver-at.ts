/** One tick and one drain of the outbox at a given moment, through one adapter: what the scheduler would send then. */
import type { ChatAdapter } from '../../src/ports/chat-adapter.js';
import { ManualClock } from '../../src/ports/clock.js';
import { parseQuietHours, type QuietHours } from '../../src/reminders/quiet-hours.js';
import { DeliveryLoop } from '../../src/scheduler/delivery-loop.js';
import { runTick } from '../../src/scheduler/tick.js';
import type { Store } from '../../src/store/store.js';

export async function deliverAt(
  store: Store,
  adapter: ChatAdapter,
  at: string | Date,
  options: { quiet?: QuietHours; concurrency?: number } = {},
): Promise<void> {
  const clock = new ManualClock(at);
  const loop = new DeliveryLoop({
    store,
    clock,
    adapters: new Map([[adapter.platform, adapter]]),
    concurrency: options.concurrency,
    minIntervalPerAddressMs: 0,
    faults: { reached() {} },
  });
  await runTick(store, clock.now(), options.quiet ?? parseQuietHours('20:00-08:00'));
  await loop.drain();
  await loop.stop(0);
}
