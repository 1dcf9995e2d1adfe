// Two scheduler processes on one SQLite file never send a row twice; SIGTERM mid-fan-out stops
// claiming, lets in-flight sends finish and closes the database (a restart then finishes the job).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { FakeEndpoint } from '../helpers/fake-endpoint.js';
import { killAllChildren, startChild } from '../helpers/scheduler-child-runner.js';
import { seedChannels, SLOT_DAY } from '../helpers/scheduler-child-seed.js';

const endpoint = new FakeEndpoint();
const dirs: string[] = [];
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
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function seeded(count: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-procs-'));
  dirs.push(dir);
  const db = join(dir, 'ft.db');
  await seedChannels(db, count);
  return db;
}

it('two processes ticking 50 times on one database never send the same row twice', async () => {
  const db = await seeded(300);
  // Start before the slot so the digests come due during the 50 one-minute ticks both processes run.
  // The clock runs 600× fast; leases of 6 clock-hours (36 s real) never lapse mid-send, even on a loaded machine.
  const env = { DB: db, ENDPOINT: endpoint.url, CLOCK_AT: `${SLOT_DAY}T08:35:00.000Z`, CLOCK_ORIGIN_MS: String(Date.now()), LEASE_MS: String(6 * 3_600_000), TICKS: '50', CLOCK_SPEED: '600' };
  const [a, b] = [startChild(env), startChild(env)];
  expect((await a.exited).code).toBe(0);
  expect((await b.exited).code).toBe(0);
  expect(endpoint.duplicates().size).toBe(0);
  expect(endpoint.distinctKeys().size).toBe(300);
  const handle = new Database(db, { readonly: true });
  expect(handle.prepare("SELECT COUNT(*) n FROM outbox WHERE state = 'sent'").get()).toEqual({ n: 300 });
  handle.close();
}, 60_000);

it('SIGTERM mid-fan-out: in-flight sends finish, leases are handed back, the DB closes; a restart sends the rest once', async () => {
  const db = await seeded(400);
  endpoint.delayMs = 20;
  const env = { DB: db, ENDPOINT: endpoint.url, CLOCK_AT: `${SLOT_DAY}T09:00:30.000Z`, CLOCK_ORIGIN_MS: String(Date.now()), LEASE_MS: '60000' };
  const run = startChild(env);
  await run.ready;
  await new Promise((r) => setTimeout(r, 300));
  const stoppedAt = Date.now();
  run.child.kill('SIGTERM');
  expect((await run.exited).code).toBe(0);
  expect(Date.now() - stoppedAt).toBeLessThan(10_000);
  const sentBefore = endpoint.received.length;
  expect(sentBefore).toBeGreaterThan(0);
  expect(sentBefore).toBeLessThan(400);
  const handle = new Database(db, { readonly: true });
  // Every send that happened was recorded, and no lease is left behind for a restart to wait out.
  expect(handle.prepare("SELECT COUNT(*) n FROM outbox WHERE state = 'sent'").get()).toEqual({ n: sentBefore });
  expect(handle.prepare('SELECT COUNT(*) n FROM outbox WHERE lease_owner IS NOT NULL').get()).toEqual({ n: 0 });
  handle.close();
  endpoint.delayMs = 0;
  const restart = startChild(env);
  expect((await restart.exited).code).toBe(0);
  expect(endpoint.distinctKeys().size).toBe(400);
  expect(endpoint.duplicates().size).toBe(0);
}, 60_000);
