// Two scheduler processes on one database never send a row twice; SIGTERM mid-fan-out stops
// claiming, lets in-flight sends finish and closes the database (a restart then finishes the job).
// On SQLite and on PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, useEngines } from '../helpers/engines.js';
import { FakeEndpoint } from '../helpers/fake-endpoint.js';
import { killAllChildren, startChild } from '../helpers/scheduler-child-runner.js';
import { SLOT_DAY } from '../helpers/scheduler-child-seed.js';
import { countWhere, targetEnv, type StoreTarget } from '../helpers/store-target.js';

const endpoint = new FakeEndpoint();
const target = useEngines('ft-procs-');
beforeAll(async () => {
  await endpoint.start();
});
afterEach(() => {
  killAllChildren();
  endpoint.received.length = 0;
  endpoint.delayMs = 0;
});
afterAll(async () => {
  killAllChildren();
  await endpoint.stop();
});

/** A fresh copy of a store seeded with `count` channels (see useEngines). */
const seeded = (engine: (typeof ENGINES)[number], count: number): Promise<StoreTarget> => target(engine, count);

describe.each(ENGINES)('%s', (engine) => {
  it('two processes ticking 50 times on one database never send the same row twice', async () => {
    const where = await seeded(engine, 300);
    // Start before the slot so the digests come due during the 50 one-minute ticks both processes run.
    // The clock runs 600× fast; leases of 6 clock-hours (36 s real) never lapse mid-send, even on a loaded machine.
    const env = {
      ...targetEnv(where),
      ENDPOINT: endpoint.url,
      CLOCK_AT: `${SLOT_DAY}T08:35:00.000Z`,
      CLOCK_ORIGIN_MS: String(Date.now()),
      LEASE_MS: String(6 * 3_600_000),
      TICKS: '50',
      CLOCK_SPEED: '600',
    };
    const [a, b] = [startChild(env), startChild(env)];
    expect((await a.exited).code).toBe(0);
    expect((await b.exited).code).toBe(0);
    expect(endpoint.duplicates().size).toBe(0);
    expect(endpoint.distinctKeys().size).toBe(300);
    expect(await countWhere(where, "state = 'sent'")).toBe(300);
  }, 240_000);

  it('SIGTERM mid-fan-out: in-flight sends finish, leases are handed back, the DB closes; a restart sends the rest once', async () => {
    const where = await seeded(engine, 400);
    endpoint.delayMs = 50; // slow enough that the kill lands long before all 400 are out, on any machine
    const env = {
      ...targetEnv(where),
      ENDPOINT: endpoint.url,
      CLOCK_AT: `${SLOT_DAY}T09:00:30.000Z`,
      CLOCK_ORIGIN_MS: String(Date.now()),
      LEASE_MS: '60000',
      CONCURRENCY: '4',
    };
    const run = startChild(env);
    await run.ready;
    // Mid-fan-out by what has arrived, not by a pause that a fast machine finishes in and a slow one never starts.
    await vi.waitFor(() => expect(endpoint.received.length).toBeGreaterThanOrEqual(20), { timeout: 60_000, interval: 5 });
    run.child.kill('SIGTERM');
    // Exit 0 is the SIGTERM handler's own exit (a kill by the signal would have no code).
    expect(await run.exited).toEqual({ code: 0, signal: null });
    const sentBefore = endpoint.received.length;
    expect(sentBefore).toBeGreaterThan(0);
    expect(sentBefore).toBeLessThan(400);
    // Every send that happened was recorded, and no lease is left behind for a restart to wait out.
    expect(await countWhere(where, "state = 'sent'")).toBe(sentBefore);
    expect(await countWhere(where, 'lease_owner IS NOT NULL')).toBe(0);
    endpoint.delayMs = 0;
    const restart = startChild(env);
    expect((await restart.exited).code).toBe(0);
    expect(endpoint.distinctKeys().size).toBe(400);
    expect(endpoint.duplicates().size).toBe(0);
  }, 240_000);
});
