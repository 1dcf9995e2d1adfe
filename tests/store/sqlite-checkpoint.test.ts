// Who copies SQLite's WAL into the database: by default the commit that takes it past 1,000 pages;
// the scheduler thread's connection leaves that to `checkpoint()`, after its tick (issue 12: a tick at
// 1M commitments writes ~1,000 scattered pages, and its last slice paid a whole checkpoint).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/temp-db.js';

/** Six commits of ~300 pages each, on the store's own connection; then what a second connection finds in the WAL. */
async function walAfterWrites(options: { autoCheckpoint?: boolean; checkpoint: boolean }) {
  const db = tempDbPath();
  const store = new SqliteStore({ file: db.file, maintenanceIntervalMs: 0, autoCheckpoint: options.autoCheckpoint });
  try {
    store.db.exec('CREATE TABLE filler (x BLOB)');
    for (let i = 0; i < 6; i++)
      store.db.exec(
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) INSERT INTO filler SELECT randomblob(3000) FROM n',
      );
    if (options.checkpoint) await store.checkpoint();
    const other = new Database(db.file);
    try {
      // A passive checkpoint reports the frames in the WAL and how many were already in the database.
      const [{ log, checkpointed }] = other.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      return {
        frames: log,
        alreadyCopied: checkpointed,
        rows: (other.prepare('SELECT COUNT(*) AS n FROM filler').get() as { n: number }).n,
      };
    } finally {
      other.close();
    }
  } finally {
    await store.close();
    db.remove();
  }
}

describe('SQLite WAL checkpoints', () => {
  it('by default a commit past 1,000 pages checkpoints, and the WAL starts over', async () => {
    const wal = await walAfterWrites({ checkpoint: false });
    expect(wal.rows).toBe(1_800);
    expect(wal.frames).toBeLessThan(1_000);
  });

  it('without automatic checkpoints the commits leave the WAL whole, and checkpoint() copies all of it', async () => {
    const wal = await walAfterWrites({ autoCheckpoint: false, checkpoint: true });
    expect(wal.rows).toBe(1_800);
    expect(wal.frames).toBeGreaterThan(1_500);
    expect(wal.alreadyCopied).toBe(wal.frames);
  });
});
