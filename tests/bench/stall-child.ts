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
import { startBigSlackApp } from './big-slack-app.js';
import { makeDue } from './bulk-seed.js';

const env = process.env;
const reuse = env.REUSE_DB === '1' && existsSync(env.DB!);
const { app, seedMs } = await startBigSlackApp({ due: Number(env.DUE ?? 200), seed: !reuse });
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
