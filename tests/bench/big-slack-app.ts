/**
 * The set-up the `stall`, `slack` and `press` children share: a big workspace seeded in bulk (one
 * transaction), then the real app (`startApp`: store, core, Slack adapter over HTTP, scheduler)
 * against the fake Slack at SLACK_API_URL.
 * Env: DB, SLACK_API_URL, SIGNING_SECRET, TEAM_ID, TOTAL, CHANNELS, OWNERS.
 */
import { startApp } from '../../src/main.js';
import { seedBigWorkspace } from './bulk-seed.js';

export async function startBigSlackApp(options: { due: number; seed: boolean }) {
  const env = process.env;
  const started = performance.now();
  if (options.seed)
    await seedBigWorkspace({
      file: env.DB!,
      workspaceId: env.TEAM_ID!,
      total: Number(env.TOTAL ?? 100_000),
      channels: Number(env.CHANNELS ?? 1_000),
      owners: Number(env.OWNERS ?? 2_000),
      due: options.due,
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
  return { app, seedMs };
}
