// Storage faults on a real SQLite file (issue 15): an answered add is on disk; a file removed, replaced or
// made read-only, or a disk that refuses a write, is refused with a reason, and /healthz reports it.
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpServer } from '../../src/cli/http-server.js';
import { createCore } from '../../src/core.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { StoreUnavailable } from '../../src/store/store.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { buildInvocation } from '../helpers/core-harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setUp() {
  const db = tempDbPath('followthrough-faults-');
  const store = new SqliteStore({ file: db.file, maintenanceIntervalMs: 0 });
  const core = createCore({ store });
  cleanups.push(async () => {
    if (existsSync(db.dir)) chmodSync(db.dir, 0o755);
    if (existsSync(db.file)) chmodSync(db.file, 0o644);
    await store.close().catch(() => undefined);
    db.remove();
  });
  const add = async (title: string) => (await core.handle(buildInvocation(`add ${title}`, new Date()))).text;
  return { db, store, add };
}

async function healthz(store: SqliteStore): Promise<{ status: number; body: { ok: boolean; reason?: string } }> {
  const http = new HttpServer(pino({ level: 'silent' }), () => store.health());
  const address = await http.listen(0, '127.0.0.1');
  try {
    const response = await fetch(`http://127.0.0.1:${address.port}/healthz`);
    return { status: response.status, body: (await response.json()) as { ok: boolean; reason?: string } };
  } finally {
    await http.close();
  }
}

const REFUSED =
  /^I could not save that: the database cannot be written right now, so nothing was changed\. Please tell whoever runs Followthrough \(/;

describe('SQLite storage faults', () => {
  it('syncs every acknowledged commit to disk: WAL mode, synchronous = NORMAL, and each answer waits for a shared fsync of the WAL', async () => {
    // The barrier's guarantees (an answer only after an fsync that began after its commit, a power cut
    // right after any answer keeps it) are proven in sqlite-durability.test.ts.
    const { db, store, add } = setUp();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(await add('One')).toMatch(/added C-1/);
    expect(existsSync(`${db.file}-wal`)).toBe(true);
  });

  it('refuses writes once the data folder is removed, instead of answering "added" into a deleted file', async () => {
    const { db, store, add } = setUp();
    for (const title of ['One', 'Two', 'Three']) expect(await add(title)).toMatch(/added C-\d/);
    expect(await healthz(store)).toEqual({ status: 200, body: { ok: true } });

    rmSync(db.dir, { recursive: true, force: true });
    const reply = await add('Four');
    expect(reply).toMatch(REFUSED);
    expect(reply).toMatch(/is gone \(deleted, or its folder removed\)/);
    const health = await healthz(store);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ ok: false, reason: expect.stringMatching(/database file .* is gone/) });
    // Nothing was quietly written to a fresh file either.
    expect(existsSync(db.dir)).toBe(false);
  });

  it('refuses writes when the file is replaced by another one while running', async () => {
    const { db, store, add } = setUp();
    expect(await add('One')).toMatch(/added C-1/);
    copyFileSync(db.file, `${db.file}.copy`);
    renameSync(`${db.file}.copy`, db.file);
    expect(await add('Two')).toMatch(/was replaced by another file/);
    expect((await healthz(store)).status).toBe(503);
  });

  it('gives a clear error for a read-only file: at open, and when it becomes read-only while running', async () => {
    const { db, store, add } = setUp();
    expect(await add('One')).toMatch(/added C-1/);
    chmodSync(db.file, 0o444);
    expect(await add('Two')).toMatch(/is read-only; make it writable \(chmod u\+w\) or point FOLLOWTHROUGH_DB at a writable file/);
    expect((await healthz(store)).body.reason).toMatch(/read-only/);
    // Reads still work: people can see their items while an operator fixes the file.
    expect((await store.commitments.get('w1', 'C-1'))?.title).toBe('One');
    await store.close();

    expect(() => new SqliteStore({ file: db.file })).toThrow(StoreUnavailable);
    expect(() => new SqliteStore({ file: db.file })).toThrow(/database file .* is read-only/);
    chmodSync(db.file, 0o644);
    chmodSync(db.dir, 0o555);
    expect(() => new SqliteStore({ file: db.file })).toThrow(/folder .* is read-only \(SQLite writes its journal next to the file\)/);
  });

  it('when the disk refuses a write, says so, reports it in health, and every answered add is still there', async () => {
    const { db, store } = setUp();
    await store.close();
    const limitKb = Math.ceil(statSync(db.file).size / 1024) + 160;
    const child = fileURLToPath(new URL('../helpers/fsize-child.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(
      'bash',
      ['-c', `ulimit -f ${limitKb}; exec "${process.execPath}" --import tsx "${child}"`],
      {
        env: { ...process.env, DB: db.file, LOG_LEVEL: 'silent' },
        timeout: 60_000,
      },
    );
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { i?: number; text?: string; health?: { writable: boolean; reason?: string } });
    const answered = lines.filter((l) => l.text && /added C-/.test(l.text)).map((l) => l.i!);
    const refused = lines.find((l) => l.text && !/added C-/.test(l.text));
    expect(answered.length).toBeGreaterThan(3);
    expect(refused?.text).toMatch(REFUSED);
    expect(refused?.text).toMatch(/the last write to .* failed \(SQLITE_(FULL|IOERR)/);
    expect(lines.at(-1)?.health).toMatchObject({ writable: false, reason: expect.stringMatching(/last write .* failed/) });

    const reopened = new SqliteStore({ file: db.file, maintenanceIntervalMs: 0 });
    cleanups.push(() => reopened.close());
    const titles = (await reopened.commitments.list('w1')).map((c) => c.title);
    for (const i of answered) expect(titles.some((t) => t.startsWith(`Item number ${i} `))).toBe(true);
    expect(titles).toHaveLength(answered.length);
  }, 90_000);
});

describe('store maintenance', () => {
  it('prunes inbound receipts older than a day and leaves planner statistics', async () => {
    const { store } = setUp();
    const now = new Date('2024-03-02T12:00:00Z');
    await store.receipts.claim('slack:event:old', new Date('2024-03-01T11:00:00Z'));
    await store.receipts.claim('slack:event:recent', new Date('2024-03-02T11:00:00Z'));
    expect(await store.maintain(now)).toEqual({ prunedReceipts: 1 });
    expect(await store.receipts.claim('slack:event:recent', now)).toBe(false);
    expect(await store.receipts.claim('slack:event:old', now)).toBe(true);
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'").get()).toEqual({ n: 1 });
  });
});

void join;
