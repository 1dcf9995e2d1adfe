// One workspace's stuck line does not hold up the others. Rows are claimed in the order they fell due,
// so a fan-out's first workspace comes first; when its pacer's line is full the claimer passes over
// it instead of stopping. (It stopped: in the fan-out benchmark the last workspaces started 20 s late.)
import { afterAll, expect, it, vi } from 'vitest';
import type { ChatAdapter, Delivered } from '../../src/ports/chat-adapter.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { DeliveryLoop } from '../../src/scheduler/delivery-loop.js';
import { runTick } from '../../src/scheduler/tick.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { fanoutWorkspaceOf, seedFanout } from '../helpers/fanout-seed.js';
import { SLOT_DAY } from '../helpers/scheduler-child-seed.js';
import { tempDbPath } from '../helpers/temp-db.js';

const temp = tempDbPath('ft-claim-fairness-');
afterAll(() => temp.remove());

/** A platform whose workspace T0 takes posts but does not answer until `release()`; the others answer at once. */
function platform() {
  const posted: { address: string; key: string }[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let n = 0;
  const adapter: ChatAdapter = {
    platform: 'slack',
    async deliver(address, _reply, { key }): Promise<Delivered> {
      posted.push({ address, key });
      if (fanoutWorkspaceOf(address.split(':')[2]) === 'T0') await released;
      return { messageId: `m-${++n}` };
    },
    async update() {},
  };
  return { adapter, posted, release };
}

it("a workspace whose sends hang keeps its rows waiting; the next workspace's rows are claimed and sent meanwhile, and every row once", async () => {
  const shape = { workspaces: 2, channelsPerWorkspace: 10 };
  await seedFanout({ engine: 'sqlite', file: temp.file }, shape);
  const origin = Date.now();
  const clock = { now: () => new Date(Date.parse(`${SLOT_DAY}T09:00:30.000Z`) + (Date.now() - origin)) };
  const store = new SqliteStore({ file: temp.file, nextReminderAt: nextReminderCalculator, clock });
  const { adapter, posted, release } = platform();
  const loop = new DeliveryLoop({
    store,
    clock,
    adapters: new Map([['slack', adapter]]),
    concurrency: 4,
    claimBatch: 8,
    leaseMs: 120_000,
    pollMs: 20,
    faults: { reached() {} },
  });
  try {
    // 30 rows per workspace (a digest and two nudges for each of 10 channels), T0's first in line.
    expect(await runTick(store, clock.now(), parseQuietHours('20:00-08:00'))).toBe(60);
    loop.start();
    const sentTo = (ws: string) => posted.filter((p) => fanoutWorkspaceOf(p.address.split(':')[2]) === ws);
    // T0 hangs with its first sends in flight and the rest of what was claimed waiting behind them; T1 goes through.
    await vi.waitFor(() => expect(sentTo('T1')).toHaveLength(30), { timeout: 60_000, interval: 20 });
    expect(sentTo('T0').length).toBeLessThan(30);
    release();
    await vi.waitFor(async () => expect((await store.outbox.stats(clock.now(), clock.now())).depth).toBe(0), {
      timeout: 60_000,
      interval: 50,
    });
    expect(sentTo('T0')).toHaveLength(30);
    expect(new Set(posted.map((p) => p.key)).size).toBe(60);
  } finally {
    release();
    await loop.stop();
    await store.close();
  }
}, 120_000);
