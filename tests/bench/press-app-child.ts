/**
 * The system under test for `press`: seeds a big workspace (bulk-seed, one transaction), then runs
 * the real app (`startApp`: store, core, Slack adapter over HTTP, scheduler) against the fake Slack
 * at SLACK_API_URL. Prints `{"port":…,"seedMs":…}` when listening. On stdin: `post <channel id>`
 * builds that channel's weekly digest as the scheduler does and posts it through the real Slack chat
 * adapter, printing `{"ts":…}` (the benchmark's set-up: the card the presses are made on); `cpu`
 * prints `{"cpuMs":…}` (this process's CPU time so far, all threads); `sql` prints
 * `{"statements":{sql: count}}`, the statements run on the app's connection since the last `sql`; `stop`.
 * Env: DB, SLACK_API_URL, SIGNING_SECRET, TEAM_ID, TOTAL, CHANNELS, OWNERS.
 */
import { createInterface } from 'node:readline';
import { digestFor } from '../../src/reminders/channel-digest.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { startBigSlackApp } from './big-slack-app.js';

const env = process.env;
const team = env.TEAM_ID!;
const { app, seedMs } = await startBigSlackApp({ due: 0, seed: true });
/** Statements run on the app's own connection since they were last asked for (`sql`). */
const statements = new Map<string, number>();
(app.store as SqliteStore).executor.observe((sql) => statements.set(sql, (statements.get(sql) ?? 0) + 1));
process.stdout.write(`${JSON.stringify({ port: app.address!.port, seedMs })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const [command, channel] = line.split(' ');
  if (command === 'post') {
    const address = `slack:${team}:${channel}`;
    const digest = await digestFor(app.store, team, address, app.core.clock.now(), { weekly: true });
    if (!digest) throw new Error(`no digest for ${address}`);
    const { messageId } = await app.chatAdapters.get('slack')!.deliver(address, digest, { key: `bench-digest:${channel}` });
    process.stdout.write(`${JSON.stringify({ ts: messageId })}\n`);
  } else if (command === 'sql') {
    process.stdout.write(`${JSON.stringify({ statements: Object.fromEntries(statements) })}\n`);
    statements.clear();
  } else if (command === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpuMs: (user + system) / 1000 })}\n`);
  } else if (command === 'stop') {
    await app.stop();
    process.exit(0);
  }
}
