// The tick's cost in statements does not grow with the rows due: due commitments come with their owners
// and users in one query per batch, and the plan is written in a few statements of fixed text (each
// batch one JSON parameter); on PostgreSQL those are one statement, with no BEGIN and COMMIT (issue 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/ports/clock.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { runTick } from '../../src/scheduler/tick.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { findPostgres, startPostgresCluster, type PostgresCluster } from '../helpers/postgres-cluster.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { draft, log } from './store-fixtures.js';

interface Counted {
  reads: number;
  writes: number;
  distinct: number;
  transactions: number;
  outbox: number;
}

type Opened = { store: SqliteStore | PostgresStore; dispose(): Promise<void> };

async function statementsForTick(open: (clock: ManualClock) => Promise<Opened>, due: number): Promise<Counted> {
  const clock = new ManualClock('2024-01-29T09:00:00Z');
  const { store, dispose } = await open(clock);
  try {
    for (let i = 0; i < due; i++) {
      const owner = { id: `U${i}`, name: `user${i}` };
      await store.users.upsert({ workspaceId: 'w1', id: owner.id, name: owner.name, timeZone: 'Asia/Karachi', dmAddress: `test:dm-${i}` });
      await store.commitments.create(
        draft({ owners: [owner], deadline: { kind: 'exact', text: '2024-02-01', reference: '2024-01-29', due: '2024-02-01' } }),
        log,
      );
    }
    const seen: string[] = [];
    let transactions = 0;
    const transaction = store.executor.transaction.bind(store.executor);
    store.executor.transaction = (work) => {
      transactions++;
      return transaction(work);
    };
    store.executor.observe((sql) => seen.push(sql));
    const written = await runTick(store, new Date('2024-02-01T10:00:00Z'), parseQuietHours('20:00-08:00'), 1_000);
    store.executor.observe(undefined);
    const reads = seen.filter((sql) => /^\s*SELECT/i.test(sql)).length;
    return { reads, writes: seen.length - reads, distinct: new Set(seen).size, transactions, outbox: written };
  } finally {
    await store.close();
    await dispose();
  }
}

async function sqlite(clock: ManualClock): Promise<Opened> {
  const db = tempDbPath();
  const store = new SqliteStore({ file: db.file, nextReminderAt: nextReminderCalculator, clock, maintenanceIntervalMs: 0 });
  return { store, dispose: async () => db.remove() };
}

describe('a scheduler tick on SQLite', () => {
  // One slice holding every due row, so the count per slice is what is compared.
  it('runs the same few statements, of the same text, for 3 due commitments as for 60', async () => {
    const few = await statementsForTick(sqlite, 3);
    const many = await statementsForTick(sqlite, 60);
    expect(many.outbox).toBeGreaterThan(few.outbox);
    expect(many).toMatchObject({ reads: few.reads, writes: few.writes, distinct: few.distinct });
    expect(many.reads).toBeLessThanOrEqual(2);
    expect(many.writes).toBeLessThanOrEqual(3);
  });
});

const found = findPostgres();
let cluster: PostgresCluster;

describe.skipIf('reason' in found)('a scheduler tick on PostgreSQL', () => {
  beforeAll(async () => {
    if ('bin' in found) cluster = await startPostgresCluster(found);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  const postgres = async (clock: ManualClock): Promise<Opened> => {
    const url = await cluster.createDatabase();
    return {
      store: new PostgresStore({ connectionString: url, nextReminderAt: nextReminderCalculator, clock }),
      dispose: async () => undefined,
    };
  };

  it('reads in two statements and writes the slice in one, outside any transaction, for 3 due commitments as for 60', async () => {
    const few = await statementsForTick(postgres, 3);
    const many = await statementsForTick(postgres, 60);
    expect(many.outbox).toBeGreaterThan(few.outbox);
    expect(many).toMatchObject({ reads: few.reads, writes: few.writes, distinct: few.distinct });
    // The slice's write is a data-modifying WITH … SELECT: one statement, atomic by itself.
    expect(many).toMatchObject({ reads: 2, writes: 1, transactions: 0 });
  });
});
