/**
 * The system under test for `stall` and `slack`: seeds a big workspace (bulk, one transaction), then
 * runs the real app (`startApp`: store, core, Slack adapter over HTTP, scheduler) against the fake
 * Slack at SLACK_API_URL. Prints `{"port":…}` when listening. On stdin: `due` makes the due items
 * due (one bulk UPDATE on a connection of its own, printing `{"due":…}`: the benchmark's own set-up,
 * kept out of what it measures); `tick` runs one scheduler tick, printing `{"tickMs":…,"written":…}`;
 * `stop` stops the app.
 * Env: DB, SLACK_API_URL, SIGNING_SECRET, TEAM_ID, TOTAL, CHANNELS, OWNERS, DUE; REUSE_DB=1 keeps a
 * DB seeded by an earlier run of the same day (its outbox emptied when items are made due).
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { startApp } from '../../src/main.js';
import { makeDue, seedBigWorkspace } from './bulk-seed.js';

const env = process.env;
const started = performance.now();
const reuse = env.REUSE_DB === '1' && existsSync(env.DB!);
if (!reuse)
  await seedBigWorkspace({
    file: env.DB!,
    workspaceId: env.TEAM_ID!,
    total: Number(env.TOTAL ?? 100_000),
    channels: Number(env.CHANNELS ?? 1_000),
    owners: Number(env.OWNERS ?? 2_000),
    due: Number(env.DUE ?? 200),
    dueDate: new Date().toISOString().slice(0, 10),
    createdAt: new Date(Date.now() - 86_400_000).toISOString(),
  });
const seedMs = performance.now() - started;
const app = await startApp({
  FOLLOWTHROUGH_ADAPTERS: 'slack',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'error',
  FOLLOWTHROUGH_DB: env.DB!,
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: env.SIGNING_SECRET!,
  SLACK_API_URL: env.SLACK_API_URL!,
});
process.stdout.write(`${JSON.stringify({ port: app.address!.port, seedMs })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'due') {
    if (reuse) forgetReminders(env.DB!);
    process.stdout.write(`${JSON.stringify({ due: makeDue(env.DB!, env.TEAM_ID!) })}\n`);
  } else if (line === 'tick') {
    const t0 = performance.now();
    const written = await app.scheduler.tick();
    process.stdout.write(`${JSON.stringify({ tickMs: performance.now() - t0, written })}\n`);
  } else if (line === 'stop') {
    await app.stop();
    process.exit(0);
  }
}

/** A reused DB: the reminders an earlier run wrote would make this run's the same keys (and send nothing). */
function forgetReminders(file: string): void {
  const db = new Database(file);
  db.exec('DELETE FROM outbox');
  db.close();
}
