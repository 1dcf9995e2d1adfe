// Crash injection: real child processes are SIGKILLed at named points (and at random), restarted,
// and afterwards every digest was delivered and duplicates stay within the delivery concurrency.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeEndpoint } from '../helpers/fake-endpoint.js';
import { killAllChildren, startChild } from '../helpers/scheduler-child-runner.js';
import { seedChannels, SLOT_DAY } from '../helpers/scheduler-child-seed.js';

const CONCURRENCY = 4;
const dirs: string[] = [];
const endpoint = new FakeEndpoint();

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
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function seeded(count: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-crash-'));
  dirs.push(dir);
  const db = join(dir, 'ft.db');
  await seedChannels(db, count);
  return db;
}

function childEnv(db: string, extra: Record<string, string> = {}): Record<string, string> {
  return { DB: db, ENDPOINT: endpoint.url, CLOCK_AT: `${SLOT_DAY}T09:00:30.000Z`, CLOCK_ORIGIN_MS: String(Date.now()), LEASE_MS: '1500', ...extra };
}

function outboxStates(db: string): Record<string, number> {
  const handle = new Database(db, { readonly: true });
  const rows = handle.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as { state: string; n: number }[];
  handle.close();
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

function expectNothingLost(db: string, count: number): void {
  expect(outboxStates(db)).toEqual({ sent: count });
  const addresses = new Set(endpoint.received.map((r) => r.address));
  expect(addresses.size).toBe(count);
}

describe.each(['mid-claim', 'before-send', 'after-send-before-commit'])('SIGKILL at %s', (point) => {
  it('loses nothing over a 500-message fan-out and duplicates at most the concurrency', async () => {
    const db = await seeded(500);
    const env = childEnv(db);
    const first = startChild({ ...env, FOLLOWTHROUGH_FAULT: `${point}:250` });
    expect((await first.exited).signal).toBe('SIGKILL');
    const second = startChild(env);
    expect((await second.exited).code).toBe(0);
    expectNothingLost(db, 500);
    const duplicates = endpoint.duplicates();
    expect([...duplicates.values()].every((n) => n === 2)).toBe(true);
    expect(duplicates.size).toBeLessThanOrEqual(CONCURRENCY);
    if (point === 'after-send-before-commit') expect(duplicates.size).toBeGreaterThanOrEqual(1);
  }, 60_000);
});

it('20 random SIGKILLs over a 2,000-message fan-out: nothing lost, duplicates ≤ kills × concurrency', async () => {
  const db = await seeded(2000);
  const env = childEnv(db);
  endpoint.delayMs = 2;
  let kills = 0;
  try {
    while (kills < 20) {
      const run = startChild(env);
      // Kill at a random moment of the fan-out: after the tick, while sends are in flight.
      let timer: NodeJS.Timeout | undefined;
      void run.ready.then(() => (timer = setTimeout(() => run.child.kill('SIGKILL'), Math.floor(Math.random() * 400))));
      const exit = await run.exited;
      clearTimeout(timer);
      if (exit.signal === 'SIGKILL') kills++;
      else break; // finished before the kill landed
    }
    const last = startChild(env);
    expect((await last.exited).code).toBe(0);
  } finally {
    endpoint.delayMs = 0;
  }
  expectNothingLost(db, 2000);
  const duplicates = endpoint.duplicates();
  expect(duplicates.size).toBeLessThanOrEqual(kills * CONCURRENCY);
  console.log(`random kills: ${kills}, delivered ${endpoint.received.length}, duplicate keys ${duplicates.size}`);
}, 150_000);
