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
 * last connection closed), so its name survives a power cut as well; at open the database file is
 * synced once, for what SQLite wrote to it before WAL mode (a new file's header).
 *
 * Callers take a ticket when they commit (`committed()`), release the write lock, and then wait
 * for `durable(ticket)`: an answer is given, or a claimed message sent, only after that resolves.
 * A failed fsync is final: the kernel may have dropped the pages it could not write, so a later
 * successful fsync proves nothing about them; every waiter is told, and the store stays refused.
 */
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The file operations the barrier needs: node:fs by default; tests pass a recording one. */
export interface SyncFiles {
  /** fdatasync(2) of the file at `path` (a directory: fsync); resolves with its inode, to notice a new file. */
  sync(path: string, options: { directory: boolean }): Promise<number>;
}

export const nodeSyncFiles: SyncFiles = {
  async sync(path, { directory }) {
    const handle = await open(path, 'r');
    try {
      if (directory) await handle.sync();
      else await handle.datasync();
      return (await handle.stat()).ino;
    } finally {
      await handle.close();
    }
  },
};

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
    private readonly file: string,
    private readonly files: SyncFiles = nodeSyncFiles,
  ) {
    this.directory = dirname(file);
    this.wal = `${file}-wal`;
    // What SQLite wrote before WAL mode and the file's name: synced once, before the first answer.
    this.made = 1;
    this.start(async () => {
      await this.files.sync(this.file, { directory: false });
      await this.syncWal();
    });
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

  /** Settles once no sync is running (for close). */
  async idle(): Promise<void> {
    while (this.running) await this.running.done;
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
