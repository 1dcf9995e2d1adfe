/** Seeds a store for scheduler tests: N channels with a daily 09:00 UTC digest and one overdue item each. */
import { ManualClock } from '../../src/ports/clock.js';
import { openTargetStore, type StoreTarget } from './store-target.js';

/** The seeded digests fall due at 09:00 UTC on this day (a Friday). */
export const SLOT_DAY = '2024-03-15';
export const SEEDED_AT = `${SLOT_DAY}T08:00:00.000Z`;

/** `target` is a SQLite file path or a store target. */
export async function seedChannels(target: string | StoreTarget, count: number): Promise<void> {
  const clock = new ManualClock(SEEDED_AT);
  const store = openTargetStore(typeof target === 'string' ? { engine: 'sqlite', file: target } : target, clock);
  await store.ready?.();
  const actor = { id: 'U1', name: 'alice' };
  for (let i = 0; i < count; i++) {
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
  await store.close();
}
