/**
 * Runs a multi-process scheduler suite on both engines: a SQLite file per test, and a database per
 * test on a throwaway PostgreSQL cluster (skipped, loudly, where PostgreSQL is not installed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { findPostgres, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';
import type { StoreTarget } from './store-target.js';

export type Engine = 'sqlite' | 'postgres';

const found = findPostgres();
export const ENGINES: Engine[] = 'reason' in found ? ['sqlite'] : ['sqlite', 'postgres'];
if ('reason' in found) console.warn(`\n*** SKIPPING the PostgreSQL runs of the scheduler process tests: ${found.reason}. ***\n`);

/** Call at the top of a test file: gives each test a fresh target on the engine asked for. */
export function useEngines(prefix: string): (engine: Engine) => Promise<StoreTarget> {
  const dirs: string[] = [];
  let cluster: PostgresCluster | undefined;
  let starting: Promise<PostgresCluster> | undefined;
  afterAll(async () => {
    await cluster?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return async (engine) => {
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return { engine, file: join(dir, 'ft.db') };
    }
    if (!('bin' in found)) throw new Error('PostgreSQL is not installed');
    starting ??= startPostgresCluster(found).then((c) => (cluster = c));
    return { engine, url: await (await starting).createDatabase() };
  };
}
