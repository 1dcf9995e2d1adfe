/**
 * Several scheduler instances (child processes) on one database deliver a fan-out to a FakeEndpoint;
 * one of them can be SIGKILLed once a share of the messages has arrived. Used by the instances test
 * and the `instances` benchmark.
 */
import type { FakeEndpoint } from './fake-endpoint.js';
import { startChild, type ChildRun } from './scheduler-child-runner.js';
import { SLOT_DAY } from './scheduler-child-seed.js';
import { targetEnv, type StoreTarget } from './store-target.js';

export interface InstancesOutcome {
  elapsedMs: number;
  killed: boolean;
  /** Messages the endpoint had when the kill landed. */
  receivedAtKill?: number;
  exits: { code: number | null; signal: NodeJS.Signals | null }[];
}

export async function runInstances(
  where: StoreTarget,
  endpoint: FakeEndpoint,
  options: { instances: number; concurrency: number; killWhenReceived?: number; leaseMs?: number },
): Promise<InstancesOutcome> {
  const env = {
    ...targetEnv(where),
    ENDPOINT: endpoint.url,
    CLOCK_AT: `${SLOT_DAY}T09:00:30.000Z`,
    CLOCK_ORIGIN_MS: String(Date.now()),
    LEASE_MS: String(options.leaseMs ?? 2000),
    CONCURRENCY: String(options.concurrency),
  };
  const started = performance.now();
  const runs: ChildRun[] = Array.from({ length: options.instances }, () => startChild(env));
  let receivedAtKill: number | undefined;
  let watcher: NodeJS.Timeout | undefined;
  if (options.killWhenReceived !== undefined) {
    const victim = runs[0];
    watcher = setInterval(() => {
      if (endpoint.received.length >= options.killWhenReceived!) {
        clearInterval(watcher);
        receivedAtKill = endpoint.received.length;
        victim.child.kill('SIGKILL');
      }
    }, 2);
  }
  const exits = await Promise.all(runs.map((r) => r.exited));
  clearInterval(watcher);
  return { elapsedMs: performance.now() - started, killed: receivedAtKill !== undefined, receivedAtKill, exits };
}
