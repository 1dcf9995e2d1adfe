// A tick's slices are sized from how long the last one took (issue 12): what it writes must not
// depend on the sizes, and the sizes stay between the first slice and a batch.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/ports/clock.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { TICK_BATCH } from '../../src/scheduler/plan-tick.js';
import { nextSliceSize, runTick, SLICE_BUDGET_MS, TICK_SLICE } from '../../src/scheduler/tick.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { draft, log } from '../store/store-fixtures.js';

const ZONES = ['Asia/Karachi', 'America/Los_Angeles', 'Europe/Paris', 'Pacific/Auckland', 'UTC'];

/** 30 items over 12 owners in 5 zones, due 2024-02-01, and 3 channels' digests; one tick at 10:00Z with the given first slice; the outbox after it. */
async function outboxAfterTick(slice: number): Promise<{ written: number; rows: string[]; next: (string | null)[] }> {
  const db = tempDbPath();
  const clock = new ManualClock('2024-01-29T09:00:00Z');
  const store = new SqliteStore({ file: db.file, nextReminderAt: nextReminderCalculator, clock, maintenanceIntervalMs: 0 });
  try {
    for (let u = 0; u < 12; u++) {
      await store.users.upsert({ workspaceId: 'w1', id: `U${u}`, name: `user${u}`, timeZone: ZONES[u % 5], dmAddress: `test:dm-${u}` });
    }
    // Three channels with a digest due too, so slices also run out of channels before commitments.
    for (let k = 0; k < 3; k++) {
      await store.channels.upsert({ workspaceId: 'w1', address: `test:ch-${k}`, timeZone: ZONES[k * 2], schedule: 'weekdays 09:00' });
    }
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const owners = [
        { id: `U${i % 12}`, name: `user${i % 12}` },
        ...(i % 4 === 0 ? [{ id: `U${(i + 5) % 12}`, name: `user${(i + 5) % 12}` }] : []),
      ];
      const created = await store.commitments.create(
        draft({
          owners,
          timeZone: ZONES[i % 5],
          deadline: { kind: 'exact', text: '2024-02-01', reference: '2024-01-29', due: '2024-02-01' },
        }),
        log,
      );
      ids.push(created.id);
    }
    const written = await runTick(store, new Date('2024-02-01T10:00:00Z'), parseQuietHours('20:00-08:00'), slice);
    const pending = await store.outbox.pendingDue(new Date('2024-02-10T00:00:00Z'), 1_000);
    const rows = pending.map((r) => `${r.key} ${r.dueAt}`).sort();
    const later = await store.reminders.dueCommitments(new Date('2100-01-01T00:00:00Z'), 1_000);
    const next = ids.map((id) => later.find((c) => c.id === id)?.nextReminderAt ?? null);
    return { written, rows, next };
  } finally {
    await store.close();
    db.remove();
  }
}

describe('a tick cut into slices', () => {
  it('writes the same outbox rows and next times in slices of 1 as in one slice', async () => {
    const oneSlice = await outboxAfterTick(1_000);
    const slicesOfOne = await outboxAfterTick(1);
    expect(oneSlice.written).toBeGreaterThan(3);
    expect(oneSlice.rows.filter((r) => r.includes('|digest|')).length).toBeGreaterThanOrEqual(3);
    expect(slicesOfOne).toEqual(oneSlice);
  });

  it('sizes the next slice to the budget from a fit through the last two, between the first slice and a batch', () => {
    const budget = SLICE_BUDGET_MS;
    // One slice under budget: four times as many rows; over it: scaled down to fit.
    expect(nextSliceSize([{ size: 20, ms: budget / 2 }], 20)).toBe(80);
    expect(nextSliceSize([{ size: 400, ms: budget * 4 }], 20)).toBe(100);
    // Mostly a fixed cost (the commit): 20 rows in 0.45 budget, 80 in 0.6 → 0.4 fixed, 0.0025 per row → 240 rows.
    expect(
      nextSliceSize(
        [
          { size: 20, ms: budget * 0.45 },
          { size: 80, ms: budget * 0.6 },
        ],
        20,
      ),
    ).toBe(240);
    // A fit the noise made meaningless (slower with fewer rows) falls back to growing.
    expect(
      nextSliceSize(
        [
          { size: 20, ms: budget * 0.5 },
          { size: 80, ms: budget * 0.4 },
        ],
        20,
      ),
    ).toBe(320);
    expect(
      nextSliceSize(
        [
          { size: 20, ms: budget / 1_000 },
          { size: 80, ms: budget / 500 },
        ],
        20,
      ),
    ).toBe(TICK_BATCH);
    expect(nextSliceSize([{ size: 20, ms: budget * 50 }], 20)).toBe(20);
    expect(nextSliceSize([{ size: TICK_SLICE, ms: budget * 50 }])).toBe(TICK_SLICE);
    // A caller's bigger first slice is never cut below itself.
    expect(nextSliceSize([{ size: 1_000, ms: budget * 50 }], 1_000)).toBe(1_000);
  });
});
