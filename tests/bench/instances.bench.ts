/**
 * `npm run bench -- instances` (issue 12 item 5): three scheduler instances (child processes) on one
 * PostgreSQL database deliver a 2,000-message fan-out to a local endpoint (3 ms a message); the first
 * is SIGKILLed once 700 messages have arrived. Baseline, same run: one instance delivering the same
 * fan-out alone. Targets: every message delivered; duplicates only within the killed instance's
 * in-flight sends (its delivery concurrency, 4).
 */
import { FakeEndpoint } from '../helpers/fake-endpoint.js';
import { runInstances } from '../helpers/instances-run.js';
import { findPostgres, startPostgresCluster } from '../helpers/postgres-cluster.js';
import { seedChannels } from '../helpers/scheduler-child-seed.js';
import { outboxStates, type StoreTarget } from '../helpers/store-target.js';

const MESSAGES = Number(process.env.INSTANCES_MESSAGES ?? 2000);
const CONCURRENCY = 4;
const found = findPostgres();
if ('reason' in found) {
  console.log(`instances: skipped — ${found.reason}`);
  process.exit(0);
}
const cluster = await startPostgresCluster(found);
const endpoint = new FakeEndpoint();
await endpoint.start();
endpoint.delayMs = 3;
try {
  const fresh = async (): Promise<StoreTarget> => {
    const where: StoreTarget = { engine: 'postgres', url: await cluster.createDatabase() };
    await seedChannels(where, MESSAGES);
    return where;
  };
  const alone = await fresh();
  const one = await runInstances(alone, endpoint, { instances: 1, concurrency: CONCURRENCY });
  const oneStates = await outboxStates(alone);
  console.log(
    `1 instance: ${endpoint.distinctKeys().size}/${MESSAGES} delivered in ${(one.elapsedMs / 1000).toFixed(2)} s, outbox ${JSON.stringify(oneStates)}`,
  );
  endpoint.received.length = 0;
  const shared = await fresh();
  const three = await runInstances(shared, endpoint, {
    instances: 3,
    concurrency: CONCURRENCY,
    killWhenReceived: Math.round(MESSAGES * 0.35),
  });
  const states = await outboxStates(shared);
  const delivered = endpoint.distinctKeys().size;
  const duplicates = endpoint.duplicates();
  console.log(
    `3 instances, the first SIGKILLed at ${three.receivedAtKill} received: ${delivered}/${MESSAGES} delivered in ${(three.elapsedMs / 1000).toFixed(2)} s (survivors exited ${three.exits
      .slice(1)
      .map((e) => e.code)
      .join(', ')}), outbox ${JSON.stringify(states)}`,
  );
  console.log(
    `duplicates: ${duplicates.size} (allowance: the killed instance's ${CONCURRENCY} sends in flight); lost: ${MESSAGES - delivered}`,
  );
  console.log(
    `instances: delivered ${delivered}/${MESSAGES}, lost ${MESSAGES - delivered}, duplicated ${duplicates.size} (allowance ${CONCURRENCY}); time 3 instances with a kill / 1 instance = ${(three.elapsedMs / one.elapsedMs).toFixed(2)}`,
  );
} finally {
  await endpoint.stop();
  await cluster.stop();
}
