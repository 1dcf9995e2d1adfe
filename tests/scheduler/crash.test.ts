// Crash injection: real child processes are SIGKILLed at named points (and at random), restarted,
// and afterwards every digest was delivered and duplicates stay within the delivery concurrency.
// On SQLite and on PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, useEngines } from '../helpers/engines.js';
import { FakeEndpoint } from '../helpers/fake-endpoint.js';
import { type ChildRun, killAllChildren, startChild } from '../helpers/scheduler-child-runner.js';
import { SLOT_DAY } from '../helpers/scheduler-child-seed.js';
import { outboxStates, targetEnv, type StoreTarget } from '../helpers/store-target.js';

const CONCURRENCY = 4;
const endpoint = new FakeEndpoint();
const target = useEngines('ft-crash-');

beforeAll(async () => {
  await endpoint.start();
});
afterEach(() => {
  killAllChildren();
  endpoint.received.length = 0;
});
afterAll(async () => {
  killAllChildren();
  await endpoint.stop();
});

/** A fresh copy of a store seeded with `count` channels (see useEngines). */
const seeded = (engine: (typeof ENGINES)[number], count: number): Promise<StoreTarget> => target(engine, count);

function childEnv(where: StoreTarget, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...targetEnv(where),
    ENDPOINT: endpoint.url,
    CLOCK_AT: `${SLOT_DAY}T09:00:30.000Z`,
    CLOCK_ORIGIN_MS: String(Date.now()),
    LEASE_MS: '1500',
    CONCURRENCY: String(CONCURRENCY),
    ...extra,
  };
}

/** For a failed bound: where each duplicate fell in the arrival order (near the kill, or not) and what the children logged. */
function whyDuplicated(duplicates: Map<string, number>, children: ChildRun[]): string {
  const arrivals = [...duplicates.keys()].map(
    (key) => `${key} at ${endpoint.received.flatMap((r, i) => (r.key === key ? [i] : [])).join(' and ')}`,
  );
  const logs = children.map((c, i) => `child ${i + 1} stderr: ${c.stderr().slice(-3000) || '(nothing)'}`);
  return [`duplicates (arrival positions): ${arrivals.join('; ')}`, ...logs].join('\n');
}

async function expectNothingLost(where: StoreTarget, count: number): Promise<void> {
  expect(await outboxStates(where)).toEqual({ sent: count });
  const addresses = new Set(endpoint.received.map((r) => r.address));
  expect(addresses.size).toBe(count);
}

describe.each(ENGINES)('%s', (engine) => {
  describe.each(['mid-claim', 'before-send', 'after-send-before-commit', 'mid-tick'])('SIGKILL at %s', (point) => {
    it('loses nothing over a 500-message fan-out and duplicates at most the concurrency', async () => {
      const where = await seeded(engine, 500);
      // The bound here is tight (the rows in flight at the kill), so the lease must outlast a stall of the
      // living child: at 1.5 s, a CPU-starved full suite (load 10-15) let a lease run out between a send and
      // its commit, and that row went out again, a duplicate the kill did not cause ("lease lost during send").
      const env = childEnv(where, { LEASE_MS: '4000' });
      // mid-tick counts committed slices of the tick (killed after the first, the rest unplanned); the others count rows.
      const nth = point === 'mid-tick' ? 1 : 250;
      const first = startChild({ ...env, FOLLOWTHROUGH_FAULT: `${point}:${nth}` });
      expect((await first.exited).signal).toBe('SIGKILL');
      const second = startChild(env);
      expect((await second.exited).code).toBe(0);
      await expectNothingLost(where, 500);
      const duplicates = endpoint.duplicates();
      expect([...duplicates.values()].every((n) => n === 2)).toBe(true);
      expect(duplicates.size, whyDuplicated(duplicates, [first, second])).toBeLessThanOrEqual(CONCURRENCY);
      if (point === 'after-send-before-commit') expect(duplicates.size).toBeGreaterThanOrEqual(1);
    }, 240_000);
  });

  it('20 random SIGKILLs over a 2,000-message fan-out: nothing lost, duplicates ≤ kills × concurrency', async () => {
    const where = await seeded(engine, 2000);
    const env = childEnv(where);
    endpoint.delayMs = 2;
    let kills = 0;
    try {
      while (kills < 20) {
        const before = endpoint.received.length;
        const run = startChild(env);
        // Kill at a random moment of the fan-out, while sends are in flight: within 400 ms of this run's first send.
        let timer: NodeJS.Timeout | undefined;
        const watch = setInterval(() => {
          if (endpoint.received.length === before) return;
          clearInterval(watch);
          timer = setTimeout(() => run.child.kill('SIGKILL'), Math.floor(Math.random() * 400));
        }, 2);
        const exit = await run.exited;
        clearInterval(watch);
        clearTimeout(timer);
        if (exit.signal === 'SIGKILL') kills++;
        else break; // finished before the kill landed
      }
      const last = startChild(env);
      expect((await last.exited).code).toBe(0);
    } finally {
      endpoint.delayMs = 0;
    }
    await expectNothingLost(where, 2000);
    const duplicates = endpoint.duplicates();
    expect(duplicates.size).toBeLessThanOrEqual(kills * CONCURRENCY);
    console.log(`${engine}: random kills: ${kills}, delivered ${endpoint.received.length}, duplicate keys ${duplicates.size}`);
  }, 400_000);
});
