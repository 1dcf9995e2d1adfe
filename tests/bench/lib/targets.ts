/** Fresh databases for benchmarks: SQLite files in a temp folder, PostgreSQL databases on one throwaway cluster. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgres, startPostgresCluster, type PostgresCluster } from '../../helpers/postgres-cluster.js';
import type { Target } from './bench-args.js';

export type Engine = 'sqlite' | 'postgres';

export class Targets {
  private readonly dir = mkdtempSync(join(tmpdir(), 'ft-bench-'));
  private cluster?: PostgresCluster;
  private files = 0;

  /** Why PostgreSQL cannot run here, if it cannot. */
  postgresMissing(): string | undefined {
    const found = findPostgres();
    return 'reason' in found ? found.reason : undefined;
  }

  async create(engine: Engine): Promise<Target> {
    if (engine === 'sqlite') return { file: join(this.dir, `bench-${++this.files}.db`) };
    if (!this.cluster) {
      const found = findPostgres();
      if ('reason' in found) throw new Error(found.reason);
      this.cluster = await startPostgresCluster(found);
    }
    return { url: await this.cluster.createDatabase() };
  }

  async dispose(): Promise<void> {
    await this.cluster?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
