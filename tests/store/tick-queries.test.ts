// The tick's cost in statements does not grow with the rows due: due commitments come with their owners
// and users in one query per batch, and the plan is written in a few multi-row statements (issue 12).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/ports/clock.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { runTick } from '../../src/scheduler/tick.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { draft, log } from './store-fixtures.js';

async function statementsForTick(due: number): Promise<{ reads: number; writes: number; outbox: number }> {
  const db = tempDbPath();
  const clock = new ManualClock('2024-01-29T09:00:00Z');
  const store = new SqliteStore({ file: db.file, nextReminderAt: nextReminderCalculator, clock, maintenanceIntervalMs: 0 });
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
    store.executor.observe((sql) => seen.push(sql));
    const written = await runTick(store, new Date('2024-02-01T10:00:00Z'), parseQuietHours('20:00-08:00'), 1_000);
    store.executor.observe(undefined);
    const reads = seen.filter((sql) => /^\s*SELECT/i.test(sql)).length;
    return { reads, writes: seen.length - reads, outbox: written };
  } finally {
    await store.close();
    db.remove();
  }
}

describe('a scheduler tick on SQLite', () => {
  // One slice holding every due row, so the count per slice is what is compared.
  it('runs the same few statements for 3 due commitments as for 60', async () => {
    const few = await statementsForTick(3);
    const many = await statementsForTick(60);
    expect(many.outbox).toBeGreaterThan(few.outbox);
    expect(many).toMatchObject({ reads: few.reads, writes: few.writes });
    expect(many.reads).toBeLessThanOrEqual(2);
    expect(many.writes).toBeLessThanOrEqual(3);
  });
});
