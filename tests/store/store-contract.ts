// The store contract: one suite every Store implementation must pass (SQLite and PostgreSQL run it on real databases).
import { afterEach, describe, expect, it } from 'vitest';
import type { EventDeadline } from '../../src/commitments/deadline.js';
import type { Clock } from '../../src/ports/clock.js';
import { ConcurrentChange, type NextReminderCalculator, type Store } from '../../src/store/store.js';
import { runOutboxContract } from './store-contract-outbox.js';
import { actor, bob, draft, fixedReminders, log, waitingOn } from './store-fixtures.js';

export interface StoreOptions {
  nextReminderAt?: NextReminderCalculator;
  clock?: Clock;
}

/** One empty database of the engine under test. */
export interface Database {
  /** A new store on this database: a second instance, or the same one after a restart. */
  open(options?: StoreOptions): Store;
  /** Raw SQL on its own connection, to prove what the schema itself refuses. */
  exec(sql: string): Promise<void>;
  /**
   * The plan of every read `action` makes through `store`, as the engine would run it with indexes
   * preferred (PostgreSQL plans tiny tables as sequential scans otherwise). SQLite: EXPLAIN QUERY PLAN.
   */
  plans(store: Store, action: () => Promise<unknown>): Promise<string[]>;
  dispose(): Promise<void>;
}

export function runStoreContract(engine: string, createDatabase: () => Promise<Database>): void {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A fresh database whose stores are all closed, then the database removed, after the test. */
  async function fresh(): Promise<Database> {
    const database = await createDatabase();
    const opened: Store[] = [];
    cleanups.push(async () => {
      for (const store of opened) await store.close();
      await database.dispose();
    });
    return {
      ...database,
      open(options) {
        const store = database.open(options);
        opened.push(store);
        return store;
      },
    };
  }

  describe(`${engine} store contract`, () => {
    it('keeps everything across close and reopen', async () => {
      const db = await fresh();
      const first = db.open();
      const created = await first.commitments.create(draft(), log);
      await first.commitments.update('w1', created.id, 1, { status: 'done' }, { ...log, action: 'done', note: 'appointed' });
      await first.close();

      const second = db.open();
      expect(await second.commitments.get('w1', 'C-1')).toMatchObject({
        id: 'C-1',
        status: 'done',
        version: 2,
        parties: ['Pakistan FM', 'Iran FM'],
        owners: [actor, bob],
        tags: ['border'],
        atRisk: false,
        deadline: { kind: 'vague', due: '2024-02-05', firstPromptDays: 2 },
        source: { quote: 'agreed to immediately appoint liaison officers', agreedOn: '2024-01-29' },
        createdAt: '2024-01-29T09:00:00.000Z',
      });
      const history = await second.commitments.history('w1', 'C-1');
      expect(history.map((e) => [e.action, e.note])).toEqual([
        ['created', undefined],
        ['done', 'appointed'],
      ]);
    });

    it('refuses a write based on a stale version (optimistic concurrency)', async () => {
      const store = (await fresh()).open();
      await store.commitments.create(draft(), log);
      await store.commitments.update('w1', 'C-1', 1, { title: 'A' }, { ...log, action: 'edited' });
      await expect(store.commitments.update('w1', 'C-1', 1, { title: 'B' }, { ...log, action: 'edited' })).rejects.toBeInstanceOf(
        ConcurrentChange,
      );
      expect((await store.commitments.get('w1', 'C-1'))?.title).toBe('A');
    });

    it('a change given the commitment its caller read writes it, its log row and its next reminder at once, and still refuses a stale one', async () => {
      const db = await fresh();
      const [one, two] = [db.open({ nextReminderAt: fixedReminders }), db.open({ nextReminderAt: fixedReminders })];
      const read = await one.commitments.create(draft(), log);
      const title = await one.commitments.update('w1', 'C-1', 1, { title: 'Renamed' }, { ...log, action: 'edited', note: 'by hand' }, read);
      expect(title).toEqual({ ...read, title: 'Renamed', version: 2, updatedAt: log.at });
      expect(await two.commitments.get('w1', 'C-1')).toEqual(title);
      // The other instance read version 1 too: the version in the write refuses it, and nothing of it lands.
      await expect(two.commitments.update('w1', 'C-1', 1, { status: 'done' }, { ...log, action: 'done' }, read)).rejects.toBeInstanceOf(
        ConcurrentChange,
      );
      const done = await two.commitments.update('w1', 'C-1', 2, { status: 'done' }, { ...log, action: 'done' }, title);
      expect((await one.commitments.history('w1', 'C-1')).map((e) => [e.action, e.note])).toEqual([
        ['created', undefined],
        ['edited', 'by hand'],
        ['done', undefined],
      ]);
      expect(await one.commitments.get('w1', 'C-1')).toEqual(done);
      // Done: no next reminder any more (fixedReminders gives open items one, closed items none).
      expect(await one.reminders.dueCommitments(new Date('2030-01-01T00:00:00Z'), 10)).toEqual([]);
    });

    it('lets exactly one of two instances win a race on the same version', async () => {
      const db = await fresh();
      const [one, two] = [db.open(), db.open()];
      await one.commitments.create(draft(), log);
      const results = await Promise.allSettled([
        one.commitments.update('w1', 'C-1', 1, { title: 'From one' }, { ...log, action: 'edited' }),
        two.commitments.update('w1', 'C-1', 1, { title: 'From two' }, { ...log, action: 'edited' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConcurrentChange);
      expect((await one.commitments.history('w1', 'C-1')).map((e) => e.action)).toEqual(['created', 'edited']);
      expect((await two.commitments.get('w1', 'C-1'))?.version).toBe(2);
    });

    it('gives concurrent creates distinct, gapless short ids per workspace', async () => {
      const db = await fresh();
      const [one, two] = [db.open(), db.open()];
      const created = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).commitments.create(draft({ title: `Item ${i}` }), log)),
      );
      expect(created.map((c) => c.id).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `C-${i + 1}`).sort());
      expect((await one.commitments.create(draft({ workspaceId: 'w2' }), log)).id).toBe('C-1');
    });

    it('looks up ids typed in any case, and names, through an index: no scan of the workspace', async () => {
      const db = await fresh();
      const store = db.open();
      for (let i = 0; i < 30; i++) await store.commitments.create(draft({ title: `Item ${i}` }), log);
      await store.events.create({ workspaceId: 'w1', name: 'the elections', matchKey: 'election', createdAt: log.at });
      await store.users.upsert({ workspaceId: 'w1', id: 'U1', name: 'Zainab Khan' });
      const reads = [
        () => store.commitments.get('w1', 'c-17'),
        () => store.commitments.history('w1', 'c-17'),
        () => store.events.get('w1', 'e-1'),
        () => store.users.findByName('w1', 'ZAINAB KHAN'),
        () => store.commitments.list('w1', { channel: 'test:general', statuses: ['open'] }),
      ];
      for (const read of reads) {
        const plans = await db.plans(store, read);
        expect(plans.length).toBeGreaterThan(0);
        // SQLite says SCAN for a full pass (SEARCH uses an index); PostgreSQL says Seq Scan.
        for (const plan of plans) expect(plan).not.toMatch(/\bSCAN\b|Seq Scan/);
      }
      expect((await store.commitments.get('w1', ' c-17 '))?.title).toBe('Item 16');
    });

    it('matches names without case in any script, the same on every engine', async () => {
      const store = (await fresh()).open();
      await store.users.upsert({ workspaceId: 'w1', id: 'U1', name: 'Łukasz Żółć' });
      await store.users.upsert({ workspaceId: 'w1', id: 'U2', name: 'Straße' });
      await store.users.upsert({ workspaceId: 'w1', id: 'U3', name: 'ΟΔΥΣΣΕΥΣ' });
      await store.users.upsert({ workspaceId: 'w1', id: 'U4', name: 'Zoë' });
      const ids = async (name: string) => (await store.users.findByName('w1', name)).map((u) => u.id);
      expect(await ids('łukasz żółć')).toEqual(['U1']);
      expect(await ids('ŁUKASZ ŻÓŁĆ')).toEqual(['U1']);
      expect(await ids('STRASSE')).toEqual(['U2']);
      expect(await ids('οδυσσευς')).toEqual(['U3']);
      expect(await ids('ZOË')).toEqual(['U4']);
      expect(await ids('Zoe')).toEqual([]);
    });

    it('reads what an event confirmation changes inside its transaction: a concurrent edit never makes it fail', async () => {
      const db = await fresh();
      const [one, two] = [db.open(), db.open()];
      await one.events.create({ workspaceId: 'w1', name: 'the elections', matchKey: 'election', createdAt: log.at });
      await one.commitments.create(draft({ deadline: waitingOn('E-1') }), log);
      for (let round = 0; round < 2; round++) {
        const version = (await one.commitments.get('w1', 'C-1'))!.version;
        // Started in both orders: whichever commits second sees the first one's row, never a stale copy.
        const confirm = () =>
          one.events.confirm('w1', 'E-1', '2024-03-04', bob, '2024-03-05T10:00:00.000Z', () => ({ atRisk: round === 0 }));
        const edit = () => two.commitments.update('w1', 'C-1', version, { title: `Edited ${round}` }, { ...log, action: 'edited' });
        const [confirmed, edited] =
          round === 0 ? await Promise.allSettled([confirm(), edit()]) : (await Promise.allSettled([edit(), confirm()])).reverse();
        expect(confirmed).toMatchObject({ status: 'fulfilled', value: { updated: [{ id: 'C-1' }] } });
        if (edited.status === 'rejected') expect(edited.reason).toBeInstanceOf(ConcurrentChange);
        const stored = (await one.commitments.get('w1', 'C-1'))!;
        expect(stored.version).toBe(version + (edited.status === 'fulfilled' ? 2 : 1));
        expect(stored.atRisk).toBe(round === 0);
      }
    });

    it('keeps the log append-only', async () => {
      const db = await fresh();
      await db.open().commitments.create(draft(), log);
      await expect(db.exec("UPDATE commitment_log SET action = 'x'")).rejects.toThrow(/append-only/);
      await expect(db.exec('DELETE FROM commitment_log')).rejects.toThrow(/append-only/);
      expect((await db.open().commitments.history('w1', 'C-1')).map((e) => e.action)).toEqual(['created']);
    });

    it('isolates workspaces: same ids, separate rows, no cross reads', async () => {
      const store = (await fresh()).open();
      await store.commitments.create(draft({ title: 'In w1' }), log);
      await store.commitments.create(draft({ workspaceId: 'w2', title: 'In w2' }), log);
      await store.channels.upsert({ workspaceId: 'w1', address: 'test:general', name: 'general-1' });
      await store.channels.upsert({ workspaceId: 'w2', address: 'test:general', name: 'general-2' });
      await store.users.upsert({ workspaceId: 'w1', id: 'alice', name: 'Alice One' });
      await store.users.upsert({ workspaceId: 'w2', id: 'alice', name: 'Alice Two' });
      await store.events.create({ workspaceId: 'w2', name: 'the elections', matchKey: 'election', createdAt: log.at });
      expect((await store.commitments.get('w1', 'C-1'))?.title).toBe('In w1');
      expect((await store.commitments.get('w2', 'C-1'))?.title).toBe('In w2');
      expect(await store.commitments.get('w3', 'C-1')).toBeNull();
      expect((await store.commitments.list('w1')).map((c) => c.title)).toEqual(['In w1']);
      expect((await store.commitments.history('w2', 'C-1')).map((e) => e.workspaceId)).toEqual(['w2']);
      expect((await store.channels.list('w1')).map((c) => c.name)).toEqual(['general-1']);
      expect((await store.channels.findByAddress('test:general')).map((c) => c.workspaceId).sort()).toEqual(['w1', 'w2']);
      expect((await store.users.get('w2', 'alice'))?.name).toBe('Alice Two');
      expect(await store.users.findByName('w1', 'alice two')).toEqual([]);
      expect(await store.events.list('w1')).toEqual([]);
      expect(await store.workspaces.get('w2')).toEqual({ id: 'w2' });
    });

    it('filters by channel, status, owner, tag and event; ids and names match case-insensitively', async () => {
      const store = (await fresh()).open();
      await store.commitments.create(draft(), log);
      await store.commitments.create(draft({ channel: 'test:other', owners: [bob], tags: ['Trade'] }), log);
      await store.commitments.create(draft({ status: 'done', deadline: waitingOn('E-1') }), log);
      const ids = async (filter: Parameters<Store['commitments']['list']>[1]) =>
        (await store.commitments.list('w1', filter)).map((c) => c.id);
      expect(await ids({})).toEqual(['C-1', 'C-2', 'C-3']);
      expect(await ids({ channel: 'test:other' })).toEqual(['C-2']);
      expect(await ids({ statuses: ['open', 'in_progress'] })).toEqual(['C-1', 'C-2']);
      expect(await ids({ statuses: [] })).toEqual([]);
      expect(await ids({ ownerId: 'alice' })).toEqual(['C-1', 'C-3']);
      expect(await ids({ tag: 'trade' })).toEqual(['C-2']);
      expect(await ids({ eventId: 'E-1' })).toEqual(['C-3']);
      expect((await store.commitments.get('w1', 'c-2'))?.id).toBe('C-2');

      const changed = await store.commitments.update(
        'w1',
        'C-1',
        1,
        { owners: [bob, actor], atRisk: true, snoozedUntil: '2024-02-02T14:00:00.000Z' },
        {
          ...log,
          action: 'edited',
          detail: { owners: { from: ['alice', 'bob'], to: ['bob', 'alice'] } },
        },
      );
      expect(changed).toMatchObject({ owners: [bob, actor], atRisk: true, snoozedUntil: '2024-02-02T14:00:00.000Z', version: 2 });
      expect((await store.commitments.history('w1', 'C-1'))[1].detail).toEqual({
        owners: { from: ['alice', 'bob'], to: ['bob', 'alice'] },
      });
    });

    it('upserts channels and users by merging, and keeps adapter data as JSON', async () => {
      const store = (await fresh()).open({});
      const reference = { conversation: { id: '19:abc@thread.tacv2' }, serviceUrl: 'https://smba.example/', nested: [1, { a: null }] };
      expect(
        await store.channels.upsert({ workspaceId: 'w1', address: 'teams:t:c', name: 'General', platformData: reference }),
      ).toMatchObject({
        timeZone: 'UTC',
        schedule: null,
        active: true,
      });
      await store.channels.upsert({ workspaceId: 'w1', address: 'teams:t:c', schedule: 'weekdays 09:00', timeZone: 'Asia/Karachi' });
      expect(await store.channels.get('w1', 'teams:t:c')).toEqual({
        workspaceId: 'w1',
        address: 'teams:t:c',
        name: 'General',
        timeZone: 'Asia/Karachi',
        schedule: 'weekdays 09:00',
        active: true,
        platformData: reference,
      });
      await store.users.upsert({ workspaceId: 'w1', id: 'U1', name: 'Zainab Khan', timeZone: 'Asia/Karachi', isAdmin: true });
      await store.users.upsert({ workspaceId: 'w1', id: 'U1', dmAddress: 'teams:t:dm-1', platformData: { aad: 'x' } });
      expect(await store.users.findByName('w1', 'ZAINAB khan')).toEqual([
        {
          workspaceId: 'w1',
          id: 'U1',
          name: 'Zainab Khan',
          timeZone: 'Asia/Karachi',
          dmAddress: 'teams:t:dm-1',
          isAdmin: true,
          platformData: { aad: 'x' },
        },
      ]);
      expect(await store.users.get('w1', 'U2')).toBeNull();
    });

    it('records what kind of place a channel is, and keeps it when an upsert does not say', async () => {
      const store = (await fresh()).open({});
      expect((await store.channels.upsert({ workspaceId: 'w1', address: 'teams:t:19:chat@thread.v2' })).kind).toBeUndefined();
      await store.channels.upsert({ workspaceId: 'w1', address: 'teams:t:19:chat@thread.v2', kind: 'chat' });
      await store.channels.upsert({ workspaceId: 'w1', address: 'teams:t:19:chat@thread.v2', schedule: 'weekdays 09:00' });
      expect(await store.channels.get('w1', 'teams:t:19:chat@thread.v2')).toMatchObject({ kind: 'chat', schedule: 'weekdays 09:00' });
      await store.channels.upsert({ workspaceId: 'w1', address: 'slack:T1:C1', kind: 'channel' });
      expect((await store.channels.list('w1')).map((c) => [c.address, c.kind])).toEqual([
        ['slack:T1:C1', 'channel'],
        ['teams:t:19:chat@thread.v2', 'chat'],
      ]);
    });

    it('changes adapter data atomically: concurrent read-modify-writes from two instances all land', async () => {
      const db = await fresh();
      const [one, two] = [db.open(), db.open()];
      await one.channels.upsert({ workspaceId: 'w1', address: 'teams:t:c', name: 'General', platformData: { reference: 'r', cards: [] } });
      await one.users.upsert({ workspaceId: 'w1', id: 'U1', name: 'Zainab Khan', platformData: { cards: [] } });
      type Data = { reference?: string; cards: string[] };
      const append = (card: string) => (current: unknown) => {
        const data = current as Data;
        return { ...data, cards: [...data.cards, card] };
      };
      const cards = Array.from({ length: 24 }, (_, i) => `card-${i}`);
      await Promise.all(
        cards.flatMap((card, i) => {
          const store = i % 2 ? one : two;
          return [
            store.channels.updatePlatformData('w1', 'teams:t:c', append(card)),
            store.users.updatePlatformData('w1', 'U1', append(card)),
          ];
        }),
      );
      const channel = await two.channels.get('w1', 'teams:t:c');
      expect(channel).toMatchObject({ name: 'General', active: true, platformData: { reference: 'r' } });
      const cardsOf = (record: { platformData?: unknown } | null) => [...((record?.platformData as Data | undefined)?.cards ?? [])].sort();
      expect(cardsOf(channel)).toEqual([...cards].sort());
      expect(cardsOf(await one.users.get('w1', 'U1'))).toEqual([...cards].sort());
    });

    it('changes adapter data only where the row exists, returns what it wrote, and writes nothing when the change fails', async () => {
      const store = (await fresh()).open({});
      let called = false;
      const never = () => {
        called = true;
        return {};
      };
      expect(await store.channels.updatePlatformData('w1', 'teams:t:none', never)).toBeNull();
      expect(await store.users.updatePlatformData('w1', 'U404', never)).toBeNull();
      expect(called).toBe(false);
      expect(await store.channels.get('w1', 'teams:t:none')).toBeNull();

      await store.channels.upsert({ workspaceId: 'w1', address: 'teams:t:c', name: 'General', schedule: 'weekdays 09:00' });
      expect(await store.channels.updatePlatformData('w1', 'teams:t:c', (current) => ({ seen: current ?? null, n: 1 }))).toMatchObject({
        name: 'General',
        schedule: 'weekdays 09:00',
        platformData: { seen: null, n: 1 },
      });
      await expect(
        store.channels.updatePlatformData('w1', 'teams:t:c', () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      // An upsert of other fields leaves the data; the failed change left it too.
      await store.channels.upsert({ workspaceId: 'w1', address: 'teams:t:c', active: false, inactiveReason: 'removed' });
      expect(await store.channels.get('w1', 'teams:t:c')).toMatchObject({ active: false, platformData: { seen: null, n: 1 } });
      await store.users.upsert({ workspaceId: 'w1', id: 'U1', name: 'Zainab Khan', isAdmin: true });
      expect(await store.users.updatePlatformData('w1', 'U1', () => ({ teamsId: '29:1' }))).toMatchObject({
        name: 'Zainab Khan',
        isAdmin: true,
        platformData: { teamsId: '29:1' },
      });
      expect((await store.users.get('w1', 'U1'))?.platformData).toEqual({ teamsId: '29:1' });
    });

    it("recomputes next reminder times in the change's own transaction", async () => {
      const store = (await fresh()).open({ nextReminderAt: fixedReminders });
      const now = new Date('2024-02-02T00:00:00Z');
      await store.commitments.create(draft(), log);
      await store.commitments.create(draft({ status: 'proposed' }), log);
      expect((await store.reminders.dueCommitments(now, 10)).map((c) => [c.id, c.nextReminderAt])).toEqual([
        ['C-1', '2024-02-01T09:00:00.000Z'],
      ]);
      expect(await store.reminders.dueCommitments(new Date('2024-02-01T08:59:59Z'), 10)).toEqual([]);
      await store.commitments.update('w1', 'C-1', 1, { status: 'done' }, { ...log, at: '2024-01-30T10:00:00.000Z', action: 'done' });
      expect(await store.reminders.dueCommitments(now, 10)).toEqual([]);

      await store.channels.upsert({ workspaceId: 'w1', address: 'test:general', schedule: 'weekdays 09:00' });
      await store.channels.upsert({ workspaceId: 'w1', address: 'test:general', name: 'renamed' });
      expect((await store.reminders.dueChannels(now, 10)).map((c) => [c.name, c.nextReminderAt])).toEqual([
        ['renamed', '2024-01-30T04:00:00.000Z'],
      ]);
      await store.channels.upsert({ workspaceId: 'w1', address: 'test:general', active: false, inactiveReason: 'channel_not_found' });
      expect(await store.reminders.dueChannels(now, 10)).toEqual([]);

      expect(
        (await store.reminders.changesSince('w1', 'test:general', '2024-01-29T12:00:00.000Z')).map((e) => [e.commitmentId, e.action]),
      ).toEqual([['C-1', 'done']]);
      expect(await store.reminders.changesSince('w1', 'test:elsewhere', '2024-01-01')).toEqual([]);
    });

    it("reads due commitments with their owners' zones and working DMs, in owner order", async () => {
      const store = (await fresh()).open({ nextReminderAt: fixedReminders });
      await store.users.upsert({ workspaceId: 'w1', id: 'bob', name: 'Bob', timeZone: 'America/Los_Angeles', dmAddress: 'test:dm-bob' });
      await store.users.upsert({ workspaceId: 'w1', id: 'alice', name: 'Alice', dmAddress: 'test:dm-alice' });
      await store.users.upsert({ workspaceId: 'w2', id: 'bob', name: 'Bob Two', timeZone: 'Asia/Tokyo', dmAddress: 'test:dm-bob-2' });
      await store.commitments.create(draft({ owners: [bob, actor, { id: 'carol', name: 'Carol' }] }), log);
      await store.outbox.markAddressInactive('test:dm-alice', 'user_not_found');
      const [due] = await store.reminders.dueCommitments(new Date('2024-02-02T00:00:00Z'), 10);
      expect(due.owners).toEqual([bob, actor, { id: 'carol', name: 'Carol' }]);
      expect(due.recipients).toEqual([
        { id: 'bob', name: 'Bob', timeZone: 'America/Los_Angeles', dmAddress: 'test:dm-bob' },
        { id: 'alice', name: 'Alice', timeZone: undefined, dmAddress: undefined },
        { id: 'carol', name: 'Carol', timeZone: undefined, dmAddress: undefined },
      ]);
    });

    it('confirms an event and dates every waiting commitment in one step', async () => {
      const store = (await fresh()).open();
      const event = await store.events.create({ workspaceId: 'w1', name: 'the elections', matchKey: 'election', createdAt: log.at });
      await store.events.create({ workspaceId: 'w1', name: 'the summit', matchKey: 'summit', createdAt: log.at });
      await store.events.create({ workspaceId: 'w2', name: 'the elections', matchKey: 'election', createdAt: log.at });
      expect([event.id, (await store.events.list('w1')).map((e) => e.id)]).toEqual(['E-1', ['E-1', 'E-2']]);
      await store.commitments.create(draft({ deadline: waitingOn('E-1') }), log);
      await store.commitments.create(draft({ deadline: waitingOn('E-1'), status: 'dropped' }), log);
      await store.commitments.create(draft({ deadline: waitingOn('E-2') }), log);
      await store.commitments.create(draft({ workspaceId: 'w2', deadline: waitingOn('E-1') }), log);

      const at = '2024-03-05T10:00:00.000Z';
      // Ids match without case everywhere, confirmation too.
      const { event: confirmed, updated } = await store.events.confirm('w1', 'e-1', '2024-03-04', bob, at, (c) => ({
        deadline: { ...(c.deadline as EventDeadline), due: '2024-04-03' },
      }));
      expect(confirmed).toMatchObject({ id: 'E-1', occurredOn: '2024-03-04', confirmedBy: bob, confirmedAt: at });
      expect(updated.map((c) => [c.id, c.version, (c.deadline as { due?: string }).due])).toEqual([['C-1', 2, '2024-04-03']]);
      expect((await store.commitments.history('w1', 'C-1')).at(-1)).toMatchObject({
        action: 'event-confirmed',
        actor: bob,
        note: 'E-1 happened on 2024-03-04',
        detail: { event: 'E-1', occurredOn: '2024-03-04' },
      });
      expect((await store.commitments.get('w1', 'C-2'))?.version).toBe(1);
      expect((await store.commitments.get('w1', 'C-3'))?.version).toBe(1);
      expect((await store.commitments.get('w2', 'C-1'))?.version).toBe(1);
      expect((await store.events.get('w2', 'E-1'))?.occurredOn).toBeUndefined();
      expect((await store.events.get('w1', 'e-1'))?.occurredOn).toBe('2024-03-04');
    });

    it('claims an inbound receipt once, across instances, and prunes old ones', async () => {
      const db = await fresh();
      const [one, two] = [db.open(), db.open()];
      const claims = await Promise.all(
        [one, two, one, two].map((s) => s.receipts.claim('slack:event:Ev1', new Date('2024-01-01T00:00:00Z'))),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      await one.receipts.claim('slack:event:Ev2', new Date('2024-01-03T00:00:00Z'));
      expect(await two.receipts.prune(new Date('2024-01-02T00:00:00Z'))).toBe(1);
      expect(await one.receipts.claim('slack:event:Ev1', new Date())).toBe(true);
      expect(await one.receipts.claim('slack:event:Ev2', new Date())).toBe(false);
    });

    it('claims a once-only key once, across instances, keeps it through receipt pruning, and gives it back on release', async () => {
      const db = await fresh();
      const [one, two] = [db.open(), db.open()];
      const at = new Date('2024-01-01T00:00:00Z');
      const claims = await Promise.all([one, two, one, two].map((s) => s.once.claim('teams:welcome:teams:t:19:chat', at)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      await one.receipts.prune(new Date('2999-01-01T00:00:00Z'));
      expect(await two.once.claim('teams:welcome:teams:t:19:chat', new Date())).toBe(false);
      await two.once.release('teams:welcome:teams:t:19:chat');
      expect(await one.once.claim('teams:welcome:teams:t:19:chat', new Date())).toBe(true);
      expect(await two.once.claim('slack:welcome:slack:T1:C1', new Date())).toBe(true);
    });

    runOutboxContract(fresh);
  });
}
