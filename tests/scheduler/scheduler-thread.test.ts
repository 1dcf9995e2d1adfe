// The scheduler's work in a thread of its own (issue 12 item 3): a tick there writes exactly what the
// same tick writes in this thread, and a row re-checked there renders the same, on both engines; a
// thread that dies fails its tick loudly and the next tick runs in a fresh one; stop() ends it. (That a SIGKILL mid-tick loses nothing: crash.test.ts, `mid-tick`.)
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { SchedulerThread } from '../../src/scheduler/scheduler-thread.js';
import { prepareRow } from '../../src/scheduler/prepare-row.js';
import { runTick } from '../../src/scheduler/tick.js';
import { ENGINES, useEngines } from '../helpers/engines.js';
import { SLOT_DAY, seedChannels } from '../helpers/scheduler-child-seed.js';
import { queryTarget, openTargetStore, type StoreTarget } from '../helpers/store-target.js';

const target = useEngines('ft-scheduler-thread-');
const AT = new Date(`${SLOT_DAY}T09:00:30.000Z`);
const QUIET = '20:00-08:00';
const threads: SchedulerThread[] = [];
afterAll(async () => {
  await Promise.all(threads.map((t) => t.stop()));
});

function threadFor(where: StoreTarget, logger?: { error(details: object, message: string): void }): SchedulerThread {
  const store =
    where.engine === 'sqlite'
      ? { FOLLOWTHROUGH_DB: where.file, FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' }
      : { FOLLOWTHROUGH_DB: '', DATABASE_URL: where.url, FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' };
  const thread = new SchedulerThread({ store, quietHours: QUIET }, logger);
  threads.push(thread);
  return thread;
}

async function outboxKeys(where: StoreTarget): Promise<string[]> {
  const rows = await queryTarget<{ key: string; state: string }>(where, 'SELECT key, state FROM outbox ORDER BY key');
  return rows.map((r) => `${r.key} ${r.state}`);
}

describe.each(ENGINES)('%s', (engine) => {
  it('a tick in its own thread writes the rows the same tick writes in this thread, a repeat writes none, and a row re-checked there renders the same', async () => {
    const [inThread, here] = [await target(engine), await target(engine)];
    await seedChannels(inThread, 45);
    await seedChannels(here, 45);
    const thread = threadFor(inThread);
    const written = await thread.run(AT);

    const store = openTargetStore(here);
    await store.ready?.();
    const expected = await runTick(store, AT, parseQuietHours(QUIET));
    await store.close();

    expect(written).toBe(expected);
    expect(written).toBeGreaterThanOrEqual(45);
    expect(await outboxKeys(inThread)).toEqual(await outboxKeys(here));
    expect(await thread.run(AT)).toBe(0);

    // A row re-checked and rendered in the thread reads as it does here.
    const [row] = await queryTarget<{ id: number }>(inThread, "SELECT id FROM outbox WHERE kind = 'digest' ORDER BY key LIMIT 1");
    const mine = openTargetStore(inThread);
    await mine.ready?.();
    const [claimed] = (await mine.outbox.claim('test', AT, 60_000, 500)).filter((r) => r.id === row.id);
    const fromThread = await thread.prepare(claimed, AT);
    const fromHere = await prepareRow(mine, claimed, AT, parseQuietHours(QUIET));
    await mine.close();
    expect('reply' in fromThread && fromThread.reply.text).toContain('overdue');
    expect(fromThread).toEqual(fromHere);
    await thread.stop();
    await expect(thread.run(AT)).rejects.toThrow('the scheduler thread is stopped');
  }, 120_000);
});

describe('a thread that dies', () => {
  it('fails its tick with the reason, says so in the log, and the next tick runs in a fresh thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-scheduler-thread-dies-'));
    try {
      const seededDir = join(dir, 'seeded');
      const blocked = join(dir, 'data');
      await seedChannels({ engine: 'sqlite', file: join(seededDir, 'ft.db') }, 3);
      // The store's folder is a plain file: the thread cannot open its connection and dies.
      writeFileSync(blocked, 'not a folder');
      const errors: string[] = [];
      const thread = threadFor({ engine: 'sqlite', file: join(blocked, 'ft.db') }, { error: (_details, message) => errors.push(message) });
      await expect(thread.run(AT)).rejects.toThrow(/ENOTDIR|EEXIST|not a directory|file already exists/i);
      expect(errors).toContain('the scheduler thread crashed');

      rmSync(blocked);
      renameSync(seededDir, blocked);
      expect(await thread.run(AT)).toBeGreaterThanOrEqual(3);
      await thread.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
