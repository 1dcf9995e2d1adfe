// The outbox part of the store contract: idempotent records, leases, finish/retry/release, stats, and claimers that never share a row.
import { expect, it } from 'vitest';
import type { Database } from './store-contract.js';
import { draft, fixedReminders, log, outboxRow } from './store-fixtures.js';

const T0 = new Date('2024-02-01T10:00:00.000Z');
const MINUTE = 60_000;
const later = (ms: number) => new Date(T0.getTime() + ms);

export function runOutboxContract(fresh: () => Promise<Database>): void {
  it('records reminders once by key and compares-and-sets next reminder times', async () => {
    const store = (await fresh()).open({ nextReminderAt: fixedReminders });
    await store.commitments.create(draft(), log);
    await store.commitments.create(draft(), log);
    const plan = {
      rows: [outboxRow(1), outboxRow(2), outboxRow(3, { dueAt: '2024-02-09T09:00:00.000Z' }), outboxRow(1)],
      commitments: [
        { workspaceId: 'w1', id: 'C-1', nextReminderAt: '2024-02-04T09:00:00.000Z', expected: '2024-02-01T09:00:00.000Z' },
        // Read before a change moved it: the change's value must stand.
        { workspaceId: 'w1', id: 'C-2', nextReminderAt: '2024-02-04T09:00:00.000Z', expected: '2024-01-31T09:00:00.000Z' },
      ],
      channels: [],
    };
    expect(await store.outbox.record(plan, T0)).toBe(3);
    expect(await store.outbox.record(plan, T0)).toBe(0);
    expect(await store.outbox.existingKeys([outboxRow(2).key, 'w1|C-9|nudge|x|alice'])).toEqual(new Set([outboxRow(2).key]));
    expect(await store.outbox.existingKeys([])).toEqual(new Set());
    const due = await store.reminders.dueCommitments(new Date('2024-02-10T00:00:00Z'), 10);
    expect(due.map((c) => [c.id, c.nextReminderAt])).toEqual([
      ['C-2', '2024-02-01T09:00:00.000Z'],
      ['C-1', '2024-02-04T09:00:00.000Z'],
    ]);
    expect((await store.outbox.pendingDue(T0, 10)).map((r) => r.subject)).toEqual(['C-1', 'C-2']);
    expect(await store.outbox.pendingDue(T0, 10)).toMatchObject([
      { kind: 'nudge', workspaceId: 'w1', recipientId: 'alice', commitmentIds: ['C-1'], state: 'pending', attempts: 0, interrupted: false },
      {},
    ]);
  });

  it('passes over the workspaces a claimer names (their line is full), claiming the others in due order', async () => {
    const store = (await fresh()).open();
    const rows = [1, 2, 3]
      .map((n) => outboxRow(n))
      .concat([4, 5].map((n) => outboxRow(n, { workspaceId: 'w2', key: `w2|C-${n}|nudge|x|bob` })));
    await store.outbox.record({ rows, commitments: [], channels: [] }, T0);
    expect((await store.outbox.claim('a', T0, MINUTE, 2, ['w1'])).map((r) => r.subject)).toEqual(['C-4', 'C-5']);
    expect(await store.outbox.claim('a', T0, MINUTE, 10, ['w1', 'w2'])).toEqual([]);
    expect((await store.outbox.claim('a', T0, MINUTE, 10, [])).map((r) => r.subject)).toEqual(['C-1', 'C-2', 'C-3']);
  });

  it('leases due rows to one owner, finishes only with the lease, and retries later', async () => {
    const store = (await fresh()).open();
    await store.outbox.record(
      { rows: [outboxRow(1), outboxRow(2), outboxRow(3, { dueAt: '2024-02-09T09:00:00.000Z' })], commitments: [], channels: [] },
      T0,
    );
    const claimed = await store.outbox.claim('a', T0, MINUTE, 10);
    expect(claimed.map((r) => [r.subject, r.leaseOwner, r.leaseUntil])).toEqual([
      ['C-1', 'a', later(MINUTE).toISOString()],
      ['C-2', 'a', later(MINUTE).toISOString()],
    ]);
    expect(await store.outbox.claim('b', later(MINUTE / 2), MINUTE, 10)).toEqual([]);
    const [first, second] = claimed;
    expect(await store.outbox.finish(first.id, 'b', { state: 'sent', messageId: 'm-1' }, T0)).toBe(false);
    expect(await store.outbox.finish(first.id, 'a', { state: 'sent', messageId: 'm-1' }, T0)).toBe(true);
    expect(await store.outbox.finish(first.id, 'a', { state: 'sent', messageId: 'm-1' }, T0)).toBe(false);
    expect(await store.outbox.get(first.id)).toMatchObject({ state: 'sent', messageId: 'm-1', attempts: 1, finishedAt: T0.toISOString() });
    expect((await store.outbox.get(first.id))?.leaseOwner).toBeUndefined();

    await store.outbox.retry(second.id, 'a', later(5 * MINUTE), 'rate limited', false);
    expect(await store.outbox.get(second.id)).toMatchObject({
      state: 'pending',
      attempts: 0,
      lastError: 'rate limited',
      nextAttemptAt: later(5 * MINUTE).toISOString(),
    });
    expect(await store.outbox.claim('b', later(MINUTE), MINUTE, 10)).toEqual([]);
    const [again] = await store.outbox.claim('b', later(5 * MINUTE), MINUTE, 10);
    expect([again.id, again.interrupted]).toEqual([second.id, false]);
    await store.outbox.retry(again.id, 'b', later(6 * MINUTE), 'timeout', true);
    expect((await store.outbox.get(second.id))?.attempts).toBe(1);
    expect(await store.outbox.get(999_999)).toBeNull();
  });

  it('marks a row whose lease ran out as interrupted, and gives leases back on release', async () => {
    const store = (await fresh()).open();
    await store.outbox.record({ rows: [outboxRow(1), outboxRow(2)], commitments: [], channels: [] }, T0);
    const [crashed] = await store.outbox.claim('a', T0, MINUTE, 1);
    const taken = await store.outbox.claim('b', later(MINUTE + 1), MINUTE, 10);
    expect(taken.map((r) => [r.id, r.interrupted])).toEqual([
      [crashed.id, true],
      [crashed.id + 1, false],
    ]);
    expect(await store.outbox.finish(crashed.id, 'a', { state: 'sent', messageId: 'late' }, T0)).toBe(false);
    expect(await store.outbox.release('b')).toBe(2);
    expect(await store.outbox.release('b')).toBe(0);
    expect((await store.outbox.claim('c', later(MINUTE + 2), MINUTE, 10)).map((r) => r.leaseOwner)).toEqual(['c', 'c']);
  });

  it('reports depth, missed slots, failures, inactive addresses; finds the last digest and newer ones', async () => {
    const store = (await fresh()).open();
    await store.channels.upsert({ workspaceId: 'w1', address: 'test:general' });
    await store.users.upsert({ workspaceId: 'w1', id: 'alice', dmAddress: 'test:dm-alice' });
    const digest = (slot: string, state?: 'missed') => ({
      ...outboxRow(0, {
        key: `w1|test:general|digest|${slot}|`,
        kind: 'digest' as const,
        subject: 'test:general',
        address: 'test:general',
        slot,
      }),
      recipientId: undefined,
      commitmentIds: [],
      dueAt: `${slot}:00.000Z`,
      state,
    });
    await store.outbox.record(
      { rows: [digest('2024-01-30T09:00', 'missed'), digest('2024-01-31T09:00'), outboxRow(1)], commitments: [], channels: [] },
      T0,
    );
    const [sentDigest, failedNudge] = await store.outbox.claim('a', T0, MINUTE, 10);
    await store.outbox.finish(sentDigest.id, 'a', { state: 'sent', messageId: 'ts-1' }, T0);
    await store.outbox.finish(failedNudge.id, 'a', { state: 'failed', reason: 'channel_not_found' }, T0);
    await store.outbox.record({ rows: [digest('2024-02-01T09:00')], commitments: [], channels: [] }, T0);
    await store.outbox.markAddressInactive('test:dm-alice', 'user_not_found');
    await store.outbox.markAddressInactive('test:general', 'channel_not_found');

    expect(await store.outbox.stats(T0, new Date('2024-01-25T00:00:00Z'))).toEqual({
      depth: 1,
      oldestPendingDueAt: '2024-02-01T09:00:00.000Z',
      missed: 1,
      inactive: [
        { kind: 'channel', address: 'test:general', reason: 'channel_not_found' },
        { kind: 'dm', address: 'test:dm-alice', reason: 'user_not_found' },
      ],
      recentFailures: [{ key: outboxRow(1).key, address: 'test:dm-alice', error: 'channel_not_found', at: T0.toISOString() }],
    });
    expect((await store.outbox.stats(T0, later(1))).recentFailures).toEqual([]);
    expect(await store.reminders.dmInactive('w1', 'alice')).toBe(true);
    expect(await store.reminders.dmInactive('w1', 'bob')).toBe(false);
    expect((await store.channels.get('w1', 'test:general'))?.inactiveReason).toBe('channel_not_found');
    // She writes to the bot in that DM: it works again (once; a second call finds nothing to do).
    expect(await store.users.reactivateDm('test:dm-alice')).toBe(1);
    expect(await store.users.reactivateDm('test:dm-alice')).toBe(0);
    expect(await store.reminders.dmInactive('w1', 'alice')).toBe(false);
    await store.outbox.markAddressInactive('test:dm-alice', 'user_not_found');
    const last = await store.outbox.lastSent('w1', 'test:general', 'digest');
    expect(last).toMatchObject({ slot: '2024-01-31T09:00', messageId: 'ts-1' });
    expect(await store.outbox.lastSent('w2', 'test:general', 'digest')).toBeNull();
    expect(await store.outbox.hasNewer(last!)).toBe(true);
    expect(await store.outbox.hasNewer((await store.outbox.pendingDue(later(MINUTE * 60 * 24), 1))[0])).toBe(false);
  });

  it('never leases one row to two concurrent claimers', async () => {
    const db = await fresh();
    const rows = Array.from({ length: 150 }, (_, i) => outboxRow(i + 1));
    const instances = [db.open(), db.open(), db.open()];
    await instances[0].outbox.record({ rows, commitments: [], channels: [] }, T0);
    const claimer = async (owner: string, store = instances[Number(owner.at(-1)) % instances.length]) => {
      const ids: number[] = [];
      for (;;) {
        const batch = await store.outbox.claim(owner, T0, MINUTE, 4);
        if (batch.length === 0) return ids;
        ids.push(...batch.map((r) => r.id));
      }
    };
    const results = await Promise.all(['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((owner) => claimer(owner)));
    const all = results.flat();
    expect(all).toHaveLength(150);
    expect(new Set(all).size).toBe(150);
    for (const [i, ids] of results.entries()) {
      for (const id of ids.slice(0, 3)) expect((await instances[0].outbox.get(id))?.leaseOwner).toBe(`p${i}`);
    }
  });
}
