/**
 * Runs in a child process: what the command layer costs on top of the store. `add` through the core
 * against a bare INSERT of the same row; `list` of a 500-item channel against a bare SELECT of its rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/core.js';
import { ManualClock } from '../../src/ports/clock.js';
import type { Invocation } from '../../src/ports/invocation.js';
import { nextReminderCalculator } from '../../src/reminders/next-reminder.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'ft-bench-commands-'));
const clock = new ManualClock('2024-03-01T08:00:00Z');
const store = new SqliteStore({ file: join(dir, 'b.db'), nextReminderAt: nextReminderCalculator, clock });
const core = createCore({ store, clock });
const invocation = (text: string, channel = 'bench:list'): Invocation => ({
  workspace: { id: 'W1' },
  channel: { address: channel, isDirect: false },
  user: { id: 'U1', name: 'alice', tz: 'UTC', isAdmin: false },
  text,
  mentions: [],
  receivedAt: clock.now(),
});
const time = async (fn: (i: number) => unknown, runs: number) => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await fn(i);
  return Number(process.hrtime.bigint() - start) / 1e6 / runs;
};

// Warm up both paths (module loading, statement preparation) before measuring.
await core.handle(invocation('add warm-up item at an early date', 'bench:warm'));
const insert = store.db.prepare(
  `INSERT INTO commitments (workspace_id, id, seq, channel, title, deadline, deadline_kind, due_date, time_zone, status, created_by_id, created_by_name, created_at, updated_at)
   VALUES ('W1', ?, ?, 'bench:raw', ?, ?, 'vague', '2024-04-30', 'UTC', 'open', 'U1', 'alice', ?, ?)`,
);
const deadline = JSON.stringify({
  kind: 'vague',
  text: 'at an early date',
  reference: '2024-03-01',
  term: 'at an early date',
  due: '2024-04-30',
  firstPromptDays: 21,
});
const rawInsertMs = await time(
  (i) => insert.run(`R-${i}`, 1_000_000 + i, `Raw item ${i}`, deadline, clock.now().toISOString(), clock.now().toISOString()),
  500,
);
const addMs = await time(
  (i) => core.handle(invocation(`add Deploy liaison officers ${i} @bob tag:security at an early date agreed 2024-03-01`)),
  500,
);

const select = store.db.prepare("SELECT * FROM commitments WHERE workspace_id = 'W1' AND channel = 'bench:list' AND status = 'open'");
const rawSelectMs = await time(() => select.all().map((r) => JSON.parse((r as { deadline: string }).deadline)), 20);
const listMs = await time(() => core.handle(invocation('list')), 20);

await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ rawInsertMs, addMs, rawSelectMs, listMs }));
