/** Runs in a child process: times one reminder tick over 10,000 commitments (10 due) against a full-table read of the same store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/ports/clock.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { parseQuietHours } from '../../src/reminders/quiet-hours.js';
import { runTick } from '../../src/scheduler/tick.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'ft-bench-'));
const clock = new ManualClock('2024-03-01T08:00:00Z');
const store = new SqliteStore({ file: join(dir, 'b.db'), nextReminderAt: nextReminderCalculator, clock });
const actor = { id: 'U1', name: 'alice' };
await store.users.upsert({ workspaceId: 'W1', id: 'U1', name: 'alice', dmAddress: 'fake:dm' });
for (let i = 0; i < 10_000; i++) {
  const due = i < 10 ? '2024-03-04' : '2024-12-01';
  await store.commitments.create(
    { workspaceId: 'W1', channel: `fake:ch-${i % 50}`, title: `Item ${i}`, parties: [], owners: [actor], tags: [], source: {},
      deadline: { kind: 'exact', text: due, reference: '2024-03-01', due }, timeZone: 'UTC', status: 'open', createdBy: actor, createdAt: clock.now().toISOString() },
    { at: clock.now().toISOString(), actor, action: 'created' },
  );
}
const quiet = parseQuietHours('20:00-08:00');
const time = async (fn: () => Promise<unknown>, runs: number) => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / runs;
};
const baselineMs = await time(() => store.commitments.list('W1'), 5);
// The first tick at the due time writes the 10 nudges; the timed ticks are the steady state a minute apart.
let minute = 0;
const at = () => new Date(Date.parse('2024-03-01T09:00:00Z') + minute++ * 60_000);
await runTick(store, at(), quiet);
const tickMs = await time(() => runTick(store, at(), quiet), 20);
process.stdout.write(`${JSON.stringify({ baselineMs, tickMs, outbox: (await store.outbox.stats(new Date(), new Date(0))).depth })}\n`);
await store.close();
rmSync(dir, { recursive: true, force: true });
