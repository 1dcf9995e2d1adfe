// The app on PostgreSQL: `followthrough start` with DATABASE_URL runs the console conversation on it, and a bad URL stops start-up.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/main.js';
import { openStore } from '../../src/store/open-store.js';
import { consoleDriver } from '../contract/console-driver.js';
import { runConversationContract } from '../contract/conversation.js';
import { findPostgres, startPostgresCluster, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { runCli } from '../helpers/run-cli.js';

const found = findPostgres();
if ('reason' in found) console.warn(`\n*** SKIPPING the app-on-PostgreSQL tests: ${found.reason}. ***\n`);
let cluster: PostgresCluster;
let dir: string;

describe.skipIf('reason' in found)('the app with DATABASE_URL', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'followthrough-pg-app-'));
    if ('bin' in found) cluster = await startPostgresCluster(found);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the console on PostgreSQL, keeps data across runs, and writes no SQLite file', async () => {
    const env = { DATABASE_URL: await cluster.createDatabase(), FOLLOWTHROUGH_DB: join(dir, 'unused.db'), USER: 'coordinator' };
    const first = await runCli(['start'], { input: 'add Appoint liaison officers due 2099-02-05\n', env });
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/coordinator added C-1: Appoint liaison officers — @coordinator/);
    const second = await runCli(['start'], { input: 'done C-1 appointed\nlist all\n', env });
    expect(second.stdout).toMatch(/C-1/);
    expect(second.stdout).toMatch(/done/i);
    expect(existsSync(env.FOLLOWTHROUGH_DB)).toBe(false);
  });

  it('stops start-up naming DATABASE_URL when the database cannot be reached', async () => {
    await expect(
      startApp({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', FOLLOWTHROUGH_ADAPTERS: 'console', LOG_LEVEL: 'silent' }),
    ).rejects.toThrow(/DATABASE_URL/);
  });

  runConversationContract('console on PostgreSQL', async () =>
    consoleDriver(
      openStore({
        DATABASE_URL: await cluster.createDatabase(),
        FOLLOWTHROUGH_DB: join(dir, 'unused.db'),
        FOLLOWTHROUGH_DEFAULT_TZ: 'UTC',
      }),
    ),
  );
});
