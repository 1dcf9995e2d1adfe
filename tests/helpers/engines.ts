/**
 * Runs a multi-process scheduler suite on both engines: a SQLite file per test, and a database per
 * test on a throwaway PostgreSQL cluster (skipped, loudly, where PostgreSQL is not installed).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { findPostgres, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';
import { seedChannels } from './scheduler-child-seed.js';
import type { StoreTarget } from './store-target.js';

export type Engine = 'sqlite' | 'postgres';

const found = findPostgres();
export const ENGINES: Engine[] = 'reason' in found ? ['sqlite'] : ['sqlite', 'postgres'];
if ('reason' in found) console.warn(`\n*** SKIPPING the PostgreSQL runs of the scheduler process tests: ${found.reason}. ***\n`);

/**
 * Call at the top of a test file: gives each test a fresh target on the engine asked for, empty or
 * holding `channels` seeded channels (see seedChannels). Seeding 2,000 channels through the store
 * takes far longer than the test's own work, so each size is seeded once per file, into a template
 * grown from the largest smaller one, and every test gets its own copy (a file copy on SQLite,
 * CREATE DATABASE … TEMPLATE on PostgreSQL): the same rows a fresh seeding writes.
 */
export function useEngines(prefix: string): (engine: Engine, channels?: number) => Promise<StoreTarget> {
  const dirs: string[] = [];
  let cluster: PostgresCluster | undefined;
  let starting: Promise<PostgresCluster> | undefined;
  const templates: { engine: Engine; channels: number; target: StoreTarget }[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  afterAll(async () => {
    await cluster?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const fresh = async (engine: Engine, copyOf?: StoreTarget): Promise<StoreTarget> => {
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      const file = join(dir, 'ft.db');
      if (copyOf?.engine === 'sqlite')
        for (const suffix of ['', '-wal']) if (existsSync(copyOf.file + suffix)) copyFileSync(copyOf.file + suffix, file + suffix);
      return { engine, file };
    }
    if (!('bin' in found)) throw new Error('PostgreSQL is not installed');
    starting ??= startPostgresCluster(found).then((c) => (cluster = c));
    return { engine, url: await (await starting).createDatabase(copyOf?.engine === 'postgres' ? copyOf.url : undefined) };
  };

  const template = async (engine: Engine, channels: number): Promise<StoreTarget> => {
    const made = templates.find((t) => t.engine === engine && t.channels === channels);
    if (made) return made.target;
    const base = templates
      .filter((t) => t.engine === engine && t.channels < channels)
      .reduce<(typeof templates)[number] | undefined>((best, t) => (best && best.channels > t.channels ? best : t), undefined);
    const target = await fresh(engine, base?.target);
    await seedChannels(target, channels, base?.channels ?? 0);
    templates.push({ engine, channels, target });
    return target;
  };

  return (engine, channels) => {
    if (channels === undefined) return fresh(engine);
    // One at a time: a template is never copied while it is being seeded.
    const next = queue.then(async () => fresh(engine, await template(engine, channels)));
    queue = next.catch(() => undefined);
    return next;
  };
}
