// Several processes opening one new SQLite file at the same moment (a second instance, `status`
// while `start` boots, CI running start-up checks side by side) must take turns migrating it: each
// migration re-reads what is applied after taking the write lock, so none of them fails with
// "table already exists" or "duplicate column".
import { setTimeout as sleep } from 'node:timers/promises';
import { readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDbPath } from '../helpers/temp-db.js';

const dir = tempDbPath('ft-concurrent-open-');
afterAll(() => dir.remove());

/** Other processes that hold `file` open, read from /proc (Linux: CI and these machines). */
function processesWithOpen(file: string): number {
  const target = realpathSync(file);
  let count = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)) {
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === target)) count++;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return count;
}

it('processes that all found the file unmigrated take turns: every one starts, the schema is built once', async () => {
  const file = join(dir.dir, 'new.db');
  // A new file whose write lock someone holds: every process starting now reads "nothing applied"
  // and then waits for the lock, which is exactly the moment two of them used to collide.
  const holder = new Database(file);
  holder.pragma('journal_mode = WAL');
  holder.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  holder.exec('BEGIN IMMEDIATE');
  const runs = Promise.all(Array.from({ length: 4 }, () => runCli(['start'], { env: { FOLLOWTHROUGH_DB: file }, input: 'list\n' })));
  // Release once all four have the file open (a CLI start takes seconds on a loaded machine, so a
  // fixed pause could end before they came, or outlast their 5 s busy_timeout), then a moment more
  // for them to reach the lock.
  await vi.waitFor(() => expect(processesWithOpen(file)).toBeGreaterThanOrEqual(4), { timeout: 120_000, interval: 50 });
  await sleep(300);
  holder.exec('COMMIT');
  holder.close();
  for (const run of await runs) {
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Commitments in this channel: nothing here.');
    expect(run.code).toBe(0);
  }
  const db = new Database(file, { readonly: true });
  const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
  db.close();
  expect(new Set(versions).size).toBe(versions.length);
  expect(versions.length).toBeGreaterThan(5);
}, 180_000); // four CLI starts at once take a minute or more on a loaded machine
