/**
 * Runs in a child process: fills a workspace with `--commitments N` items over `--channels` channels
 * in 24 zones, ~0.1% of them due at BENCH_NOW. One item is written by `add` through the core; every
 * other row is a copy of the rows that `add` wrote (same columns, whatever the schema version), bulk
 * inserted in one transaction with one prepared statement (SQLite) or batched JSON record sets
 * (PostgreSQL). Then a seeded item is read back through the store and compared with the added one.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { createCore } from '../../../src/core.js';
import { ManualClock } from '../../../src/ports/clock.js';
import { nextReminderCalculator } from '../../../src/reminders/next-reminder.js';
import { openStore } from '../../../src/store/open-store.js';
import { BENCH_SEED_AT, DUE_EVERY, WORKSPACE, ZONES, parseArgs, seedLayout, type Target } from './bench-args.js';

const args = parseArgs(process.argv.slice(2));
const target: Target = args.target;
const N = args.commitments;
const CHANNELS = args.channels;
const layout = seedLayout(N, CHANNELS);
const USERS = layout.users;

const config = { FOLLOWTHROUGH_DB: target.file ?? 'unused.db', DATABASE_URL: target.url, FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' };
const clock = new ManualClock(BENCH_SEED_AT);
const started = performance.now();

// 1. One real `add`, so every other row copies what the core writes.
{
  const store = openStore(config, { nextReminderAt: nextReminderCalculator, clock });
  await store.ready?.();
  const core = createCore({ store, clock });
  const reply = await core.handle({
    workspace: { id: WORKSPACE },
    channel: { address: 'bench:ch-0', isDirect: false, name: 'ch-0' },
    user: { id: 'U0', name: 'user0', tz: ZONES[0], isAdmin: false },
    text: 'add Deploy liaison officers tag:security due 2024-03-04 agreed 2024-03-01',
    mentions: [],
    receivedAt: clock.now(),
  });
  if (!/C-1\b/.test(reply.text)) throw new Error(`the template add failed: ${reply.text}`);
  await store.channels.upsert({ workspaceId: WORKSPACE, address: 'bench:ch-0', schedule: 'weekdays 09:00' });
  await store.users.upsert({ workspaceId: WORKSPACE, id: 'U0', dmAddress: 'bench:dm-U0' });
  await store.close();
}

type Row = Record<string, unknown>;
const dueDate = (i: number) =>
  i % DUE_EVERY === 0 ? '2024-03-04' : new Date(Date.UTC(2024, 3 + (i % 8), 1 + (i % 28))).toISOString().slice(0, 10);
const nextAt = (i: number) =>
  i % DUE_EVERY === 0 ? '2024-03-01T09:00:00.000Z' : new Date(Date.parse(`${dueDate(i)}T09:00:00Z`) - 3 * 86_400_000).toISOString();

/** Rows of every table, built from the template rows `add` wrote; JSON columns handled per engine by `json`. */
function* rows(table: string, template: Row, json: { parse(v: unknown): any; write(v: unknown): unknown }): Generator<Row> {
  if (table === 'users') {
    for (let j = 1; j < USERS; j++) {
      const row: Row = { ...template, id: `U${j}`, name: `user${j}`, time_zone: ZONES[j % ZONES.length], dm_address: `bench:dm-U${j}` };
      if ('name_key' in template) row.name_key = `user${j}`;
      yield row;
    }
  } else if (table === 'channels') {
    for (let k = 1; k < CHANNELS; k++) {
      yield {
        ...template,
        address: `bench:ch-${k}`,
        name: `ch-${k}`,
        time_zone: ZONES[k % ZONES.length],
        next_reminder_at: k % DUE_EVERY === 0 ? '2024-03-01T09:00:00.000Z' : '2024-03-04T09:00:00.000Z',
      };
    }
  } else {
    const deadline = table === 'commitments' ? json.parse(template.deadline) : undefined;
    for (let i = 2; i <= N; i++) {
      const id = `C-${i}`;
      const owner = layout.ownerOf(i);
      const channel = layout.channelOf(i);
      if (table === 'commitments') {
        const due = dueDate(i);
        yield {
          ...template,
          id,
          seq: i,
          channel: `bench:ch-${channel}`,
          title: `Deploy liaison officers ${i}`,
          time_zone: ZONES[channel % ZONES.length],
          deadline: json.write({ ...deadline, text: due, due }),
          due_date: due,
          next_reminder_at: nextAt(i),
        };
      } else if (table === 'commitment_owners') {
        yield { ...template, commitment_id: id, user_id: `U${owner}`, user_name: `user${owner}` };
      } else {
        yield { ...template, commitment_id: id };
      }
    }
  }
}

const TABLES = ['users', 'channels', 'commitments', 'commitment_owners', 'commitment_log'];
const templateWhere: Record<string, string> = {
  users: "id = 'U0'",
  channels: "address = 'bench:ch-0'",
  commitments: "id = 'C-1'",
  commitment_owners: "commitment_id = 'C-1'",
  commitment_log: "commitment_id = 'C-1'",
};

// 2. Bulk copies.
if (target.file) {
  const db = new Database(target.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertAll = db.transaction(() => {
    for (const table of TABLES) {
      const template = db.prepare(`SELECT * FROM ${table} WHERE workspace_id = ? AND ${templateWhere[table]}`).get(WORKSPACE) as Row;
      if (table === 'commitment_log') delete template.seq;
      const columns = Object.keys(template);
      const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      for (const row of rows(table, template, { parse: (v) => JSON.parse(v as string), write: (v) => JSON.stringify(v) })) insert.run(row);
    }
    db.prepare("UPDATE counters SET value = ? WHERE workspace_id = ? AND name = 'commitment'").run(N, WORKSPACE);
  });
  insertAll();
  db.close();
} else {
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  await client.query('BEGIN');
  for (const table of TABLES) {
    const template = (await client.query(`SELECT * FROM ${table} WHERE workspace_id = $1 AND ${templateWhere[table]}`, [WORKSPACE]))
      .rows[0] as Row;
    if (table === 'commitment_log') delete template.seq;
    const columns = Object.keys(template).join(', ');
    let batch: Row[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [
        JSON.stringify(batch),
      ]);
      batch = [];
    };
    for (const row of rows(table, template, { parse: (v) => v, write: (v) => v })) {
      batch.push(row);
      if (batch.length === 5_000) await flush();
    }
    await flush();
  }
  await client.query("UPDATE counters SET value = $1 WHERE workspace_id = $2 AND name = 'commitment'", [N, WORKSPACE]);
  await client.query('COMMIT');
  await client.end();
}
const seedMs = performance.now() - started;

// 3. Read back through the store: a seeded item must look exactly like the added one, apart from its own values.
{
  const store = openStore(config, { nextReminderAt: nextReminderCalculator, clock });
  await store.ready?.();
  const added = await store.commitments.get(WORKSPACE, 'C-1');
  const seeded = await store.commitments.get(WORKSPACE, `c-${N}`);
  const shape = (c: unknown) =>
    JSON.stringify(Object.keys(c as object).sort()) + JSON.stringify(Object.keys((c as { deadline: object }).deadline).sort());
  if (!added || !seeded || shape(added) !== shape(seeded) || seeded.owners.length !== 1 || seeded.id !== `C-${N}`) {
    throw new Error(`seeded rows do not read back like added ones:\n${JSON.stringify(added)}\n${JSON.stringify(seeded)}`);
  }
  if ((await store.commitments.history(WORKSPACE, `C-${N}`)).length !== 1) throw new Error('seeded log rows do not read back');
  await store.close();
}
process.stdout.write(`${JSON.stringify({ seedMs })}\n`);
