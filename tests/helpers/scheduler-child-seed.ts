/** Seeds a store for scheduler tests: N channels with a daily 09:00 UTC digest and one overdue item each. */
import { ManualClock } from '../../src/ports/clock.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { openTargetStore, type StoreTarget } from './store-target.js';

/** The seeded digests fall due at 09:00 UTC on this day (a Friday). */
export const SLOT_DAY = '2024-03-15';
export const SEEDED_AT = `${SLOT_DAY}T08:00:00.000Z`;

/**
 * `target` is a SQLite file path or a store target. Channels `from` … `count - 1` are added, so a copy
 * of a store seeded with fewer can be grown to more (see engines.ts).
 */
export async function seedChannels(target: string | StoreTarget, count: number, from = 0): Promise<void> {
  const where: StoreTarget = typeof target === 'string' ? { engine: 'sqlite', file: target } : target;
  const clock = new ManualClock(SEEDED_AT);
  // Seeding is set-up, not what a test proves: no fsync per commit (a closed SQLite file is whole
  // either way), and on PostgreSQL a few channels at a time so round trips overlap.
  const store: Store =
    where.engine === 'sqlite'
      ? new SqliteStore({ file: where.file, nextReminderAt: nextReminderCalculator, clock, durability: 'off' })
      : openTargetStore(where, clock);
  await store.ready?.();
  const actor = { id: 'U1', name: 'alice' };
  let next = from;
  const seedNext = async () => {
    for (let i = next++; i < count; i = next++) {
      const address = `fake:ch-${i}`;
      await store.channels.upsert({ workspaceId: 'W1', address, timeZone: 'UTC', schedule: 'daily 09:00' });
      await store.commitments.create(
        {
          workspaceId: 'W1',
          channel: address,
          title: `Item ${i}`,
          parties: [],
          owners: [actor],
          tags: [],
          source: {},
          deadline: { kind: 'exact', text: 'by 1 March', reference: '2024-02-01', due: '2024-03-01' },
          timeZone: 'UTC',
          status: 'open',
          createdBy: actor,
          createdAt: SEEDED_AT,
        },
        { at: SEEDED_AT, actor, action: 'created' },
      );
    }
  };
  try {
    await Promise.all(Array.from({ length: where.engine === 'postgres' ? 4 : 1 }, seedNext));
  } finally {
    await store.close();
  }
}
