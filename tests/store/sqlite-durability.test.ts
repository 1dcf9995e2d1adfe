// Group commit on SQLite (issue 15: "acknowledged means on disk"; issue 12: fsyncs off the event loop).
// The barrier's rules with a sync the test holds and releases; then the real store: an answer waits for
// an fsync of the -wal file that started after its commit, a failed fsync refuses for good, and what a
// power cut right after each answer would leave on disk (the file as the last finished fsync saw it)
// still holds every answered add.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core.js';
import { DurabilityBarrier, NodeSyncFiles, type SyncFiles } from '../../src/store/sqlite/durability-barrier.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { buildInvocation } from '../helpers/core-harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A SyncFiles whose syncs wait until the test lets them finish (or fail), recording what was synced. */
class HeldSyncs implements SyncFiles {
  readonly calls: { path: string; directory: boolean; finish(inode?: number): void; fail(code: string): void }[] = [];
  /** Inode each file reports (the -wal file's changes when it is "recreated"). */
  inodes = new Map<string, number>();
  /** Once set (at clean-up), every sync finishes at once. */
  letGo = false;
  sync(path: string, { directory }: { directory: boolean }): Promise<number> {
    if (this.letGo) return Promise.resolve(this.inodes.get(path) ?? 1);
    return new Promise((resolve, reject) => {
      this.calls.push({
        path,
        directory,
        finish: () => resolve(this.inodes.get(path) ?? 1),
        fail: (code) => reject(Object.assign(new Error(`${code}: i/o error, fsync`), { code })),
      });
    });
  }
  /** The syncs not yet finished or failed. */
  pending(): HeldSyncs['calls'] {
    return this.calls.filter((c) => !this.settled.has(c));
  }
  private readonly settled = new Set<HeldSyncs['calls'][number]>();
  finishAll(): void {
    for (const c of this.pending()) {
      this.settled.add(c);
      c.finish();
    }
  }
  /** Finishes syncs as they come until `done()` holds (a bounded number of turns). */
  async finishUntil(done: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !done(); i++) {
      this.finishAll();
      await settle();
    }
    if (!done()) throw new Error('the condition never held');
  }
  failAll(code: string): void {
    for (const c of this.pending()) {
      this.settled.add(c);
      c.fail(code);
    }
  }
}

/** Lets every queued callback, promise and thread-pool reply run. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

function track<T>(promise: Promise<T>): { done: boolean; value?: T; error?: unknown } {
  const state: { done: boolean; value?: T; error?: unknown } = { done: false };
  promise.then(
    (value) => Object.assign(state, { done: true, value }),
    (error: unknown) => Object.assign(state, { done: true, error }),
  );
  return state;
}

describe('the durability barrier', () => {
  it('covers every commit made before a sync started with that sync, and the rest with one more', async () => {
    const syncs = new HeldSyncs();
    const barrier = new DurabilityBarrier('/data/test.db', syncs);
    // At open: the -wal file and, as it is new, its folder (never the database file: see the module).
    syncs.finishAll();
    await settle();
    syncs.finishAll();
    await barrier.durable();
    expect(syncs.calls.map((c) => `${c.path}${c.directory ? ' (folder)' : ''}`)).toEqual(['/data/test.db-wal', '/data (folder)']);
    syncs.calls.length = 0;

    const first = track(barrier.durable(barrier.committed()));
    await settle();
    expect(syncs.pending().map((c) => c.path)).toEqual(['/data/test.db-wal']);
    // Two commits while that sync runs: it may not cover them; they share the next one.
    const second = track(barrier.durable(barrier.committed()));
    const third = track(barrier.durable(barrier.committed()));
    syncs.finishAll();
    await settle();
    expect(first.done).toBe(true);
    expect([second.done, third.done]).toEqual([false, false]);
    expect(syncs.pending()).toHaveLength(1);
    syncs.finishAll();
    await settle();
    expect([second.done, third.done]).toEqual([true, true]);
    expect(syncs.calls).toHaveLength(2);
    // Nothing new committed: nothing to wait for, no sync.
    await barrier.durable();
    expect(syncs.calls).toHaveLength(2);
  });

  it('syncs the folder again when the -wal file is a new one', async () => {
    const syncs = new HeldSyncs();
    const barrier = new DurabilityBarrier('/data/test.db', syncs);
    for (let i = 0; i < 2; i++) {
      syncs.finishAll();
      await settle();
    }
    syncs.inodes.set('/data/test.db-wal', 2);
    const waiting = track(barrier.durable(barrier.committed()));
    for (let i = 0; i < 2; i++) {
      syncs.finishAll();
      await settle();
    }
    expect(waiting.done).toBe(true);
    expect(syncs.calls.slice(2).map((c) => `${c.path}${c.directory ? ' (folder)' : ''}`)).toEqual(['/data/test.db-wal', '/data (folder)']);
  });

  it('a failed fsync fails every waiter and every later wait: the kernel may have dropped those pages', async () => {
    const syncs = new HeldSyncs();
    const barrier = new DurabilityBarrier('/data/test.db', syncs);
    for (let i = 0; i < 2; i++) {
      syncs.finishAll();
      await settle();
    }
    const a = track(barrier.durable(barrier.committed()));
    await settle();
    syncs.failAll('EIO');
    await settle();
    expect(a.error).toBeInstanceOf(Error);
    expect(String(a.error)).toMatch(/syncing \/data\/test\.db-wal to disk failed \(EIO/);
    await expect(barrier.durable(barrier.committed())).rejects.toThrow(/EIO/);
    expect(barrier.problem()).toMatch(/EIO/);
  });
});

function openStore(syncFiles?: SyncFiles) {
  const db = tempDbPath('followthrough-durable-');
  const store = new SqliteStore({ file: db.file, maintenanceIntervalMs: 0, syncFiles });
  const core = createCore({ store });
  cleanups.push(async () => {
    if (syncFiles instanceof HeldSyncs) {
      syncFiles.letGo = true;
      syncFiles.finishAll();
    }
    await store.close().catch(() => undefined);
    db.remove();
  });
  const add = async (title: string) => (await core.handle(buildInvocation(`add ${title}`, new Date()))).text;
  /** The titles another connection sees committed. */
  const committed = () => {
    const other = new Database(db.file, { readonly: true });
    try {
      return other.prepare('SELECT title FROM commitments ORDER BY seq').pluck().all() as string[];
    } finally {
      other.close();
    }
  };
  return { db, store, add, committed };
}

describe('SQLite group commit', () => {
  it('runs WAL with synchronous = NORMAL, and answers an add only after an fsync of the -wal file that began after its commit', async () => {
    const syncs = new HeldSyncs();
    const { db, store, add, committed } = openStore(syncs);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    await syncs.finishUntil(() => syncs.calls.length === 2 && syncs.pending().length === 0);

    const reply = track(add('Appoint liaison officers'));
    // Its earlier writes (the workspace and channel, first seen) are let through until the add itself commits.
    await syncs.finishUntil(() => committed().length === 1);
    await settle();
    // Committed (another connection reads it) but not answered: the sync it waits for still runs.
    expect(committed()).toEqual(['Appoint liaison officers']);
    expect(reply.done).toBe(false);
    expect(syncs.pending().map((c) => c.path)).toEqual([`${db.file}-wal`]);
    // (The channel's first commitment also gives it a digest schedule: one more write, one more sync.)
    await syncs.finishUntil(() => reply.done);
    expect(reply.value).toMatch(/added C-1/);
  });

  it('twenty adds at once while a sync runs share one more fsync', async () => {
    const syncs = new HeldSyncs();
    const { add, committed } = openStore(syncs);
    const warm = track(add('First'));
    await syncs.finishUntil(() => warm.done);
    const before = syncs.calls.length;
    const next = track(add('Second'));
    await syncs.finishUntil(() => committed().length === 2);
    await settle();
    expect(syncs.pending()).toHaveLength(1);
    const rest = Array.from({ length: 20 }, (_, i) => track(add(`Item ${i}`)));
    // All twenty commit while that sync is held, and none is answered.
    for (let i = 0; i < 100 && committed().length < 22; i++) await settle();
    expect(committed()).toHaveLength(22);
    expect(rest.filter((r) => r.done)).toHaveLength(0);
    syncs.finishAll();
    await settle();
    // The held sync began before they committed, so it cannot cover them: one more covers all twenty
    // (and the second add's answer, which waits for what was committed when it was ready to go out).
    expect(syncs.calls.length - before).toBe(2);
    expect(rest.filter((r) => r.done)).toHaveLength(0);
    syncs.finishAll();
    await settle();
    expect(next.value).toMatch(/added C-2/);
    expect(rest.map((r) => r.value)).toEqual(rest.map(() => expect.stringMatching(/added C-\d+/)));
    expect(syncs.calls.length - before).toBe(2);
  });

  it('a failed fsync refuses the add with the reason, /healthz reports it, and later writes stay refused', async () => {
    const syncs = new HeldSyncs();
    const { store, add, committed } = openStore(syncs);
    const reply = track(add('One'));
    await syncs.finishUntil(() => committed().length === 1);
    await settle();
    syncs.failAll('EIO');
    await settle();
    expect(reply.value).toMatch(/^I could not save that: the database cannot be written right now, so nothing was changed\./);
    expect(reply.value).toMatch(/syncing .*test\.db-wal to disk failed \(EIO/);
    expect(await store.health()).toMatchObject({ writable: false, reason: expect.stringMatching(/EIO.*check the disk, then restart/) });
    expect(await add('Two')).toMatch(/could not save that.*EIO/s);
  });

  it('a power cut right after any answer keeps that add: the -wal file as the last finished fsync saw it holds it', async () => {
    // What the disk holds: the database file and -wal file as they were when the last finished fsync began.
    let disk = { version: 0, db: Buffer.alloc(0), wal: Buffer.alloc(0) };
    let version = 0;
    const real = new NodeSyncFiles();
    const recording: SyncFiles = {
      async sync(path, options) {
        const seen = path.endsWith('-wal') ? { wal: readFileSync(path) } : {};
        const inode = await real.sync(path, options);
        disk = { ...disk, ...seen, version: ++version };
        return inode;
      },
      close: () => real.close(),
    };
    const { db, store, add } = openStore(recording);
    await store.durable();
    // The database file as the migrations left it: SQLite synced it when it wrote it (a checkpoint, at open).
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    disk = { ...disk, db: readFileSync(db.file), wal: Buffer.alloc(0) };
    // No checkpoint in this test: the -wal file only grows, so a later copy holds all an earlier one did.
    store.db.pragma('wal_autocheckpoint = 0');
    const answeredAt = new Map<number, typeof disk>();
    const titles = Array.from({ length: 40 }, (_, i) => `Commitment number ${i}`);
    await Promise.all(
      titles.map(async (title, i) => {
        expect(await add(title)).toMatch(/added C-\d+/);
        answeredAt.set(i, disk);
      }),
    );
    const byVersion = new Map<typeof disk, string[]>();
    for (const [i, state] of answeredAt) byVersion.set(state, [...(byVersion.get(state) ?? []), titles[i]]);
    for (const [state, answered] of byVersion) {
      const dir = join(db.dir, `power-cut-${state.version}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'test.db'), state.db);
      writeFileSync(join(dir, 'test.db-wal'), state.wal);
      const after = new Database(join(dir, 'test.db'));
      const kept = new Set(after.prepare('SELECT title FROM commitments').pluck().all());
      after.close();
      for (const title of answered) expect(kept.has(title), `${title} was answered but not on disk`).toBe(true);
    }
  });
});
