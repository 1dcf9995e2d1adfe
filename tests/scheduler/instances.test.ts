// Several instances on PostgreSQL (issue 12 item 5): three scheduler processes on one database
// deliver a 2,000-message fan-out; one is SIGKILLed mid-way. Every message arrives, and duplicates
// stay within what the killed process had in flight (its delivery concurrency).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, useEngines } from '../helpers/engines.js';
import { FakeEndpoint } from '../helpers/fake-endpoint.js';
import { runInstances } from '../helpers/instances-run.js';
import { killAllChildren } from '../helpers/scheduler-child-runner.js';
import { outboxStates } from '../helpers/store-target.js';

const CONCURRENCY = 4;
const endpoint = new FakeEndpoint();
const target = useEngines('ft-instances-');
beforeAll(() => endpoint.start());
afterAll(async () => {
  killAllChildren();
  await endpoint.stop();
});

describe.skipIf(!ENGINES.includes('postgres'))('PostgreSQL', () => {
  it('three instances, one SIGKILLed mid-way through 2,000 messages: all delivered, duplicates ≤ its in-flight sends', async () => {
    const where = await target('postgres', 2000);
    endpoint.delayMs = 3;
    // Leases of 5 s: far longer than a loaded machine ever stalls a live process between its check and
    // its send, so every duplicate is one the killed process had in flight (they wait at most that for its rows).
    const outcome = await runInstances(where, endpoint, { instances: 3, concurrency: CONCURRENCY, killWhenReceived: 700, leaseMs: 5_000 });
    expect(outcome.killed).toBe(true);
    expect(outcome.exits[0].signal).toBe('SIGKILL');
    expect(outcome.exits.slice(1).map((e) => e.code)).toEqual([0, 0]);
    expect(await outboxStates(where)).toEqual({ sent: 2000 });
    expect(endpoint.distinctKeys().size).toBe(2000);
    const duplicates = endpoint.duplicates();
    expect([...duplicates.values()].every((n) => n === 2)).toBe(true);
    expect(duplicates.size).toBeLessThanOrEqual(CONCURRENCY);
  }, 600_000);
});
