// The PostgreSQL store on a throwaway local cluster: the shared store contract, plus its own migrations and backup refusal.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../src/store/postgres/migrate.js';
import { migrations } from '../../src/store/postgres/migrations/index.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { findPostgres, startPostgresCluster, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { runStoreContract } from './store-contract.js';
import { draft, log } from './store-fixtures.js';

const found = findPostgres();
if ('reason' in found) {
  console.warn(`\n*** SKIPPING the PostgreSQL store tests: ${found.reason}. ***\n`);
}
let cluster: PostgresCluster;

describe.skipIf('reason' in found)('PostgreSQL', () => {
  beforeAll(async () => {
    if ('bin' in found) cluster = await startPostgresCluster(found);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  runStoreContract('PostgreSQL', async () => {
    const url = await cluster.createDatabase();
    return {
      open: (options) => new PostgresStore({ connectionString: url, ...options }),
      async exec(sql) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(sql);
        } finally {
          await client.end();
        }
      },
      async plans(store, action) {
        const seen: { sql: string; params: readonly unknown[] }[] = [];
        const executor = (store as PostgresStore).executor;
        executor.observe((sql, params) => seen.push({ sql, params }));
        try {
          await action();
        } finally {
          executor.observe(undefined);
        }
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          // Tiny test tables are cheapest to scan: ask which index the planner would use at scale.
          await client.query('SET enable_seqscan = off');
          const plans: string[] = [];
          for (const s of seen.filter((x) => /^\s*SELECT/i.test(x.sql))) {
            const { rows } = await client.query(`EXPLAIN ${s.sql}`, s.params as unknown[]);
            plans.push(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
          }
          return plans;
        } finally {
          await client.end();
        }
      },
      async dispose() {},
    };
  });

  describe('PostgresStore', () => {
    it('migrates once even when several instances open the same database together', async () => {
      const url = await cluster.createDatabase();
      const stores = Array.from({ length: 4 }, () => new PostgresStore({ connectionString: url }));
      await Promise.all(stores.map((s) => s.ready()));
      const pool = new pg.Pool({ connectionString: url });
      expect(await schemaVersion(pool)).toBe(migrations.at(-1)!.version);
      expect((await pool.query('SELECT COUNT(*)::int AS n FROM schema_migrations')).rows[0].n).toBe(migrations.length);
      await pool.end();
      for (const store of stores) await store.close();
    });

    it('migrates a database from the previous schema without losing a row', async () => {
      const url = await cluster.createDatabase();
      const pool = new pg.Pool({ connectionString: url });
      const previous = migrations.at(-1)!.version - 1;
      await migrate(pool, migrations, previous);
      expect(await schemaVersion(pool)).toBe(previous);
      await pool.query("INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'Old', '2024-01-01')");
      await pool.query(
        `INSERT INTO commitments (workspace_id, id, seq, channel, title, deadline, deadline_kind, time_zone, status, created_by_id, created_by_name, created_at, updated_at)
         VALUES ('w1', 'C-1', 1, 'test:general', 'Kept across migrations', '{"kind":"none","text":"","reference":"2024-01-01"}', 'none', 'UTC', 'open', 'alice', 'Alice', '2024-01-01', '2024-01-01')`,
      );
      await pool.query("INSERT INTO counters (workspace_id, name, value) VALUES ('w1', 'commitment', 1)");
      const store = new PostgresStore({ connectionString: url });
      expect((await store.commitments.get('w1', 'C-1'))?.title).toBe('Kept across migrations');
      expect((await store.commitments.create(draft(), log)).id).toBe('C-2');
      expect(await schemaVersion(pool)).toBe(migrations.at(-1)!.version);
      await store.close();
      await pool.end();
    });

    it('refuses backup with a pointer to pg_dump', async () => {
      const store = new PostgresStore({ connectionString: await cluster.createDatabase() });
      await expect(store.backup('/tmp/never-written.dump')).rejects.toThrow(/pg_dump/);
      await store.close();
    });

    it('says which setting is wrong when the database cannot be reached', async () => {
      const store = new PostgresStore({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
      await expect(store.ready()).rejects.toThrow(/DATABASE_URL/);
      await expect(store.commitments.get('w1', 'C-1')).rejects.toThrow();
      await store.close();
    });
  });
});
