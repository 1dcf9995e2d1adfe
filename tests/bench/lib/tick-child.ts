/**
 * Runs in a child process on a seeded database: one real scheduler tick (`runTick`, on the store
 * connection the scheduler thread opens) against the ideal indexed query for the same due rows (every due commitment with its
 * owners and their user rows, and every due channel, read straight from the driver, one query each).
 * The tick runs TICK_RUNS times (default 7), its changes put back before every run, each run paired with
 * an ideal run; both are medians. Counts, plans and tuples are the first run's.
 * Reports both times, the database's share of each tick (median over the runs, like the tick's),
 * the checkpoint the scheduler thread runs after a tick (SQLite; timed apart, since nobody waits for
 * it), statements and rows, the server's tuples read (PostgreSQL), each distinct statement's plan,
 * and this process's peak RSS. `TICK_CPU_PROFILE=<file>` also writes a CPU profile
 * of the measured tick alone.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import Database from 'better-sqlite3';
import pg from 'pg';
import { counter } from './instrument.js';
import { parseQuietHours } from '../../../src/reminders/quiet-hours.js';
import { planTick } from '../../../src/scheduler/plan-tick.js';
import { openSchedulerStore } from '../../../src/scheduler/scheduler-worker-store.js';
import { runTick } from '../../../src/scheduler/tick.js';
import { BENCH_NOW, parseArgs } from './bench-args.js';

const { target } = parseArgs(process.argv.slice(2));
const now = new Date(BENCH_NOW);
const at = now.toISOString();

const SQLITE_IDEAL = `
  SELECT c.*, (SELECT json_group_array(json_object('id', o.user_id, 'name', o.user_name, 'tz', u.time_zone, 'dm', u.dm_address, 'off', u.dm_inactive_reason))
               FROM commitment_owners o LEFT JOIN users u ON u.workspace_id = o.workspace_id AND u.id = o.user_id
               WHERE o.workspace_id = c.workspace_id AND o.commitment_id = c.id) AS recipients
  FROM commitments c WHERE c.next_reminder_at IS NOT NULL AND c.next_reminder_at <= ? ORDER BY c.next_reminder_at`;
const PG_IDEAL = `
  SELECT c.*, (SELECT jsonb_agg(jsonb_build_object('id', o.user_id, 'name', o.user_name, 'tz', u.time_zone, 'dm', u.dm_address, 'off', u.dm_inactive_reason))
               FROM commitment_owners o LEFT JOIN users u ON u.workspace_id = o.workspace_id AND u.id = o.user_id
               WHERE o.workspace_id = c.workspace_id AND o.commitment_id = c.id) AS recipients
  FROM commitments c WHERE c.next_reminder_at IS NOT NULL AND c.next_reminder_at <= $1 ORDER BY c.next_reminder_at`;
const CHANNELS_SQL = 'SELECT * FROM channels WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= $1 ORDER BY next_reminder_at';

/** `TICK_CPU_PROFILE=file.cpuprofile`: a CPU profile of the measured tick alone (open it in Chrome DevTools or `speedscope`). */
async function startProfiler(file: string | undefined): Promise<{ stop(): Promise<void> } | undefined> {
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = await post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Ticks measured (the first one also counted, planned and profiled). */
const TICK_RUNS = Number(process.env.TICK_RUNS ?? 7);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(work: () => Promise<unknown> | undefined): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

interface Raw {
  all(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  run(sql: string, params: unknown[]): Promise<void>;
  plan(sql: string, params: unknown[]): Promise<string>;
  tuplesRead(): Promise<number>;
  close(): Promise<void>;
}

async function rawConnection(forceIndexes = false): Promise<Raw> {
  if (target.file) {
    const db = new Database(target.file, { readonly: false });
    const bind = (params: unknown[]) => (params.length === 1 && params[0] && typeof params[0] === 'object' ? params[0] : params);
    return {
      async all(sql, params) {
        return db.prepare(sql.replace(/\$\d+/g, '?')).all(...(params as never[])) as Record<string, unknown>[];
      },
      async run(sql, params) {
        db.prepare(sql.replace(/\$\d+/g, '?')).run(...(params as never[]));
      },
      async plan(sql, params) {
        const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(bind(params) as never) as { detail: string }[];
        return rows.map((r) => r.detail).join('; ');
      },
      async tuplesRead() {
        return NaN;
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  // The ideal is the indexed plan whatever the statistics say (a fresh database has none yet).
  if (forceIndexes) {
    for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await client.query(`SET ${setting} = off`);
    await client.query('SET max_parallel_workers_per_gather = 0');
  }
  return {
    async all(sql, params) {
      return (await client.query(sql, params)).rows;
    },
    async run(sql, params) {
      await client.query(sql, params);
    },
    async plan(sql, params) {
      const { rows } = await client.query(`EXPLAIN ${sql}`, params);
      return rows
        .map((r: Record<string, string>) => r['QUERY PLAN'].trim())
        .slice(0, 4)
        .join(' | ');
    },
    async tuplesRead() {
      await client.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await client.query(
        'SELECT COALESCE(SUM(COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0)), 0)::bigint AS n FROM pg_stat_user_tables',
      );
      return Number(rows[0].n);
    },
    async close() {
      await client.end();
    },
  };
}

const raw = await rawConnection();
// PostgreSQL: statistics as autovacuum would leave them a minute after a bulk load, so the ideal plan is
// the one production sees (SQLite gets none here: the store must gather its own, that was one of the bugs).
if (target.url) await raw.all('ANALYZE', []);
const idealConnection = await rawConnection(true);
const [{ n: due }] = (await raw.all('SELECT COUNT(*) AS n FROM commitments WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= $1', [
  at,
])) as { n: number }[];
const [{ n: total }] = (await raw.all('SELECT COUNT(*) AS n FROM commitments', [])) as { n: number }[];

/** The ideal: every due row with its owners and their users, and every due channel, each in one indexed query. */
async function ideal(): Promise<number> {
  const start = performance.now();
  const rows = await idealConnection.all(target.file ? SQLITE_IDEAL : PG_IDEAL, [at]);
  for (const row of rows) JSON.parse(typeof row.recipients === 'string' ? row.recipients : JSON.stringify(row.recipients));
  await idealConnection.all(CHANNELS_SQL, [at]);
  return performance.now() - start;
}

await ideal(); // warm the cache the tick will also find warm
// Back to back, nothing written between them: only printed, for reference. Each tick runs right
// after `restore()` has written the rows it reads (on SQLite they are then read from the WAL, on a
// page cache another connection's commit has invalidated), and so does each ideal run it is paired with.
const warmIdealRuns = [await ideal(), await ideal(), await ideal(), await ideal(), await ideal()];
const idealPlan = await idealConnection.plan(target.file ? SQLITE_IDEAL : PG_IDEAL, [at]);

// What the tick changes, so it can be put back and the tick run again (one run on a loaded machine is noise).
const dueBefore = await raw.all(
  'SELECT workspace_id, id, next_reminder_at FROM commitments WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= $1',
  [at],
);
const channelsBefore = await raw.all(
  'SELECT workspace_id, address, next_reminder_at FROM channels WHERE next_reminder_at IS NOT NULL AND next_reminder_at <= $1',
  [at],
);
async function restore(): Promise<void> {
  await raw.run('BEGIN', []);
  for (const r of dueBefore)
    await raw.run('UPDATE commitments SET next_reminder_at = $1 WHERE workspace_id = $2 AND id = $3', [
      r.next_reminder_at,
      r.workspace_id,
      r.id,
    ]);
  for (const r of channelsBefore)
    await raw.run('UPDATE channels SET next_reminder_at = $1 WHERE workspace_id = $2 AND address = $3', [
      r.next_reminder_at,
      r.workspace_id,
      r.address,
    ]);
  await raw.run('DELETE FROM outbox', []);
  await raw.run('COMMIT', []);
}

const config = { FOLLOWTHROUGH_DB: target.file ?? 'unused.db', DATABASE_URL: target.url, FOLLOWTHROUGH_DEFAULT_TZ: 'UTC' };
const store = openSchedulerStore(config);
await store.ready?.();
// Warm the code paths (policy, zones, statements) with a plan that writes nothing, so the tick measured is the steady one.
await planTick(store, now, parseQuietHours('20:00-08:00'));
// Every run, the first too: put back, one ideal run, put back again, the tick. Each starts from the
// same state (on PostgreSQL the ideal run still leaves the tick warmer shared buffers).
await restore();
const idealRuns = [await ideal()];
await restore();
// PostgreSQL backends report their table statistics when they go idle or exit.
if (target.url) await new Promise((r) => setTimeout(r, 1_500));
const tuplesBefore = await raw.tuplesRead();
const profiler = await startProfiler(process.env.TICK_CPU_PROFILE);
counter.recording = true;
const start = performance.now();
const written = await runTick(store, now, parseQuietHours('20:00-08:00'));
const firstTickMs = performance.now() - start;
counter.recording = false;
await profiler?.stop();
const dbRuns = [counter.dbMs];
const checkpointRuns = [await timed(() => store.checkpoint?.())];
await store.close();
// PostgreSQL backends report their table statistics when they exit.
if (target.url) await new Promise((r) => setTimeout(r, 1_500));
const tuplesRead = (await raw.tuplesRead()) - tuplesBefore;

// More runs, each put back first and paired with an ideal run, so both medians see the same load.
const tickRuns = [firstTickMs];
{
  const again = openSchedulerStore(config);
  await again.ready?.();
  for (let run = 0; run < TICK_RUNS - 1; run++) {
    await restore();
    idealRuns.push(await ideal());
    await restore();
    const dbBefore = counter.dbMs;
    counter.timing = true;
    const start = performance.now();
    await runTick(again, now, parseQuietHours('20:00-08:00'));
    tickRuns.push(performance.now() - start);
    counter.timing = false;
    dbRuns.push(counter.dbMs - dbBefore);
    checkpointRuns.push(await timed(() => again.checkpoint?.()));
  }
  await again.close();
}
await idealConnection.close();
const tickMs = median(tickRuns);
const idealMsPaired = median(idealRuns);
// The database's share of the median run, not of the first: the two were printed side by side.
const dbMs = dbRuns[tickRuns.indexOf(tickMs)];

const statements = [...counter.seen.values()].sort((a, b) => b.count - a.count);
const plans: { count: number; rows: number; sql: string; plan: string }[] = [];
for (const s of statements) {
  const sql = s.sql.replace(/\s+/g, ' ').trim();
  if (!/^(SELECT|WITH|UPDATE|INSERT|DELETE)/i.test(sql)) {
    plans.push({ count: s.count, rows: s.rows, sql, plan: '' });
    continue;
  }
  const plan = await raw.plan(s.sql, s.params).catch((e: Error) => `(no plan: ${e.message})`);
  plans.push({ count: s.count, rows: s.rows, sql: sql.slice(0, 140), plan });
}
await raw.close();
process.stdout.write(
  `${JSON.stringify({
    total: Number(total),
    due: Number(due),
    written,
    tickMs,
    tickRuns,
    idealMs: idealMsPaired,
    idealRuns,
    idealWarmMs: median(warmIdealRuns),
    idealPlan,
    statements: counter.statements,
    dbMs,
    dbRuns,
    checkpointMs: median(checkpointRuns),
    rowsReturned: counter.rows,
    tuplesRead,
    plans,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
