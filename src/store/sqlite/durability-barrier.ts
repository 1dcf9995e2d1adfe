/**
 * Makes SQLite commits durable off the event loop, many at once (group commit).
 *
 * WHY THIS IS DURABLE. The connection runs in WAL mode with `synchronous = NORMAL`: a commit appends
 * its frames (ending in a commit frame) to the -wal file and returns without an fsync. SQLite then
 * syncs by itself only where consistency needs it: the WAL before each checkpoint copies it into the
 * database, the database after a checkpoint, and the WAL header whenever the WAL starts over after a
 * checkpoint (https://www.sqlite.org/pragma.html#pragma_synchronous, wal.c's `syncHeader`). So the
 * file is always consistent, even after a power cut; what NORMAL gives up is only that the last
 * commits may roll back. Those commits are frames in the -wal file's page cache: one fdatasync of
 * that file makes every commit written before it started permanent — SQLite's own advice for
 * "making committed WAL transactions durable" under NORMAL (sqlite.org/forum/forumpost/d1a6bc7c4c).
 * A WAL restart cannot destroy a commit still waiting here: it only happens after a checkpoint has
 * copied the whole WAL into the database and synced it. The fsync runs in libuv's thread pool
 * (node:fs), so the event loop keeps serving; commits made while one runs share the next one.
 *
 * The directory is synced too whenever the -wal file is a new one (created, or recreated after the
 * last connection closed), so its name survives a power cut as well. The database file itself is
 * never opened here: closing a descriptor of it would drop this process's POSIX locks on it, which
 * SQLite relies on (its own syncs cover it: a new file's header is synced by the commit that wrote
 * it, later pages by checkpoints). The -wal file carries no locks.
 *
 * Callers take a ticket when they commit (`committed()`), release the write lock, and then wait
 * for `durable(ticket)`: an answer is given, or a claimed message sent, only after that resolves.
 * A failed fsync is final: the kernel may have dropped the pages it could not write, so a later
 * successful fsync proves nothing about them; every waiter is told, and the store stays refused.
 */
import { type FileHandle, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The file operations the barrier needs: node:fs by default; tests pass a recording one. */
export interface SyncFiles {
  /** fdatasync(2) of the file at `path` (a directory: fsync); resolves with its inode, to notice a new file. */
  sync(path: string, options: { directory: boolean }): Promise<number>;
  /** Lets go of open files. */
  close?(): Promise<void>;
}

/** Through node:fs (libuv's thread pool). The -wal file stays open between syncs: one call per sync, not four. */
export class NodeSyncFiles implements SyncFiles {
  private readonly open = new Map<string, { handle: FileHandle; ino: number }>();

  async sync(path: string, { directory }: { directory: boolean }): Promise<number> {
    if (directory) {
      const handle = await open(path, 'r');
      try {
        await handle.sync();
        return (await handle.stat()).ino;
      } finally {
        await handle.close();
      }
    }
    const kept = this.open.get(path);
    if (kept) {
      const [, now] = await Promise.all([kept.handle.datasync(), stat(path)]);
      if (now.ino === kept.ino) return kept.ino;
      // Another file at the path now: sync that one (the old one needs nothing more).
      this.open.delete(path);
      await kept.handle.close();
    }
    const handle = await open(path, 'r');
    try {
      await handle.datasync();
      const { ino } = await handle.stat();
      this.open.set(path, { handle, ino });
      return ino;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const kept = [...this.open.values()];
    this.open.clear();
    await Promise.all(kept.map((k) => k.handle.close()));
  }
}

export class DurabilityBarrier {
  /** Commits made through this barrier so far (each `committed()` call adds one). */
  private made = 0;
  /** Commits known to be on disk. */
  private synced = 0;
  /** The sync running now, and how many commits it covers. */
  private running?: { done: Promise<void>; covers: number };
  private walInode?: number;
  private failure?: Error;
  private readonly directory: string;
  private readonly wal: string;

  constructor(
    file: string,
    private readonly files: SyncFiles = new NodeSyncFiles(),
  ) {
    this.directory = dirname(file);
    this.wal = `${file}-wal`;
    // The migrations' commits and the -wal file's name: synced once, before the first answer.
    this.made = 1;
    this.start(() => this.syncWal());
  }

  /** Call right after a commit: the ticket `durable` waits for. */
  committed(): number {
    return ++this.made;
  }

  /** Why the disk can no longer be trusted, once an fsync failed. */
  problem(): string | undefined {
    return this.failure?.message;
  }

  /**
   * Resolves once every commit up to `ticket` (default: every commit made so far) is on disk.
   * Commits made before a sync started are covered by it; the rest wait for the next one, which
   * starts as soon as the running one ends, so N waiting commits cost one fsync, not N.
   */
  async durable(ticket = this.made): Promise<void> {
    while (this.synced < ticket) {
      if (this.failure) throw this.failure;
      if (!this.running) this.start(() => this.syncWal());
      await this.running!.done;
    }
    if (this.failure) throw this.failure;
  }

  /** Waits for a sync still running (its waiters are owed an answer), then lets go of the files. */
  async close(): Promise<void> {
    while (this.running) await this.running.done;
    await this.files.close?.();
  }

  private start(work: () => Promise<void>): void {
    const covers = this.made;
    const done = work().then(
      () => {
        this.synced = Math.max(this.synced, covers);
      },
      (error: unknown) => {
        const code = (error as { code?: string }).code ?? 'error';
        this.failure = new Error(`syncing ${this.wal} to disk failed (${code}: ${(error as Error).message})`, { cause: error });
      },
    );
    this.running = { covers, done: done.finally(() => (this.running = undefined)) };
  }

  private async syncWal(): Promise<void> {
    const inode = await this.files.sync(this.wal, { directory: false });
    if (inode !== this.walInode) {
      // A new -wal file: its directory entry must be on disk too, or a power cut could lose the whole file.
      await this.files.sync(this.directory, { directory: true });
      this.walInode = inode;
    }
  }
}
