/**
 * A real scheduler process for crash, multi-process and fan-out tests: opens the store (SQLite file
 * `DB`, or PostgreSQL at `DATABASE_URL`), ticks, and runs the delivery loop until nothing is pending,
 * then exits 0 and prints a JSON line of figures. SIGTERM stops it cleanly.
 * Env: ENDPOINT (a FakeEndpoint, `fake:` addresses) and/or SLACK_API_URL (a FakeSlack, `slack:`
 * addresses through the real Slack adapter), CLOCK_AT (ISO: the child's clock starts there and runs
 * at real speed, shared across restarts through CLOCK_ORIGIN_MS, and CLOCK_SPEED times faster — one
 * clock shared by every process, so leases mean the same to all), LEASE_MS, CONCURRENCY, TICKS
 * (extra ticks, one clock minute apart), STAY (keep running until SIGTERM), FOLLOWTHROUGH_FAULT
 * (read by the delivery loop and the scheduler thread themselves). Ticks run as the app runs them: in a
 * thread with its own store connection (SchedulerThread), which also re-checks each row before its send.
 */
import type { Config } from '../../src/config/config.js';
import type { ChatAdapter } from '../../src/ports/chat-adapter.js';
import { DeliveryLoop } from '../../src/scheduler/delivery-loop.js';
import { SchedulerThread } from '../../src/scheduler/scheduler-thread.js';
import { pino } from 'pino';
import { fakeEndpointAdapter } from './fake-endpoint-adapter.js';
import { openTargetStore } from './store-target.js';

const env = process.env;
const speed = Number(env.CLOCK_SPEED ?? 1);
const clock = { now: () => new Date(Date.parse(env.CLOCK_AT!) + (Date.now() - Number(env.CLOCK_ORIGIN_MS)) * speed) };
const store = openTargetStore(
  env.DATABASE_URL ? { engine: 'postgres', url: env.DATABASE_URL } : { engine: 'sqlite', file: env.DB! },
  clock,
);
await store.ready?.();
const thread = new SchedulerThread({
  store: { FOLLOWTHROUGH_DB: env.DB ?? '', DATABASE_URL: env.DATABASE_URL, FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' },
  quietHours: '20:00-08:00',
});
const adapters = new Map<string, ChatAdapter>();
if (env.ENDPOINT) adapters.set('fake', fakeEndpointAdapter(env.ENDPOINT));
if (env.SLACK_API_URL) {
  // Loaded only when asked for: Bolt and the Web API client cost about a second of every start, and
  // the crash tests start a child some twenty times.
  const [{ WebClient }, { webClientOptions }, { SlackChatAdapter }] = await Promise.all([
    import('@slack/web-api'),
    import('../../adapters/slack/bolt-app.js'),
    import('../../adapters/slack/slack-chat-adapter.js'),
  ]);
  adapters.set('slack', new SlackChatAdapter(new WebClient('xoxb-test', webClientOptions({ SLACK_API_URL: env.SLACK_API_URL } as Config))));
}
// Warnings and errors (a lost lease, a failed step) go to stderr, so a test that fails can show why.
const logger = pino({ level: 'warn', base: undefined }, pino.destination({ dest: 2, sync: true }));
const loop = new DeliveryLoop({
  store,
  clock,
  logger,
  adapters,
  concurrency: Number(env.CONCURRENCY ?? 4),
  leaseMs: Number(env.LEASE_MS ?? 1500),
  pollMs: 20,
  backoff: { baseMs: 20, maxMs: 200 },
  checkLanes: 16,
  prepare: (row, now) => thread.prepare(row, now),
});

let stopping = false;
process.once('SIGTERM', () => {
  stopping = true;
  void (async () => {
    await loop.stop(10_000);
    await thread.stop();
    await store.close();
    process.exit(0);
  })();
});

loop.start();
const started = Date.now();
await thread.run(clock.now());
for (let i = 0; i < Number(env.TICKS ?? 0) && !stopping; i++) {
  await new Promise((r) => setTimeout(r, 60_000 / speed));
  await thread.run(clock.now());
  loop.wake();
}
process.stdout.write('ready\n');
while (!stopping) {
  const depth = (await store.outbox.stats(clock.now(), clock.now())).depth;
  if (depth === 0 && !env.STAY) break;
  await new Promise((r) => setTimeout(r, 25));
}
if (!stopping) {
  const rates = Object.fromEntries(loop.rates());
  await loop.stop();
  await thread.stop();
  await store.close();
  process.stdout.write(`${JSON.stringify({ elapsedMs: Date.now() - started, rates })}\n`);
  process.exit(0);
}
