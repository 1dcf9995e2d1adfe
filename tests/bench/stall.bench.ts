/**
 * `npm run bench -- stall` (issue 12 item 3): does a big scheduler tick stall the HTTP endpoint? The
 * real app runs in a child process on a seeded workspace (STALL_TOTAL commitments, default 1,000,000,
 * over 1,000 channels; STALL_DUE of them due, default 200; seeding 1M takes a few minutes). Signed
 * `/commitments help` requests (every 150 ms) and `GET /healthz` (every 100 ms) measure the endpoint
 * idle, then while one tick runs and its reminders are delivered. The items are made due before the
 * probes start (a bulk UPDATE that is set-up, not the tick).
 * Baseline, same run: the same probes through an empty tick (nothing due) and the same 3 s after it.
 * Idle probes alone were the wrong baseline: a tick that writes one reminder already doubled the worst
 * ack against idle (11 ms against 5), so the ratio measured the tick window, not the reminders' work.
 * @bench-slow
 * Targets: worst ack and worst /healthz during the busy tick ≤ 1.2× the empty tick's; no ack over Slack's 3 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_TEAM } from '../helpers/fake-slack.js';
import { sendSlashCommand } from '../helpers/fake-slack-signer.js';
import { channelId } from './bulk-seed.js';
import { percentile, startBenchChild } from './bench-child.js';

const SECRET = 'bench-signing-secret';
const total = Number(process.env.STALL_TOTAL ?? 1_000_000);
const due = Number(process.env.STALL_DUE ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'ft-bench-stall-'));
// STALL_DB=<file>: seed there once and reuse it on later runs the same day (seeding 1M takes minutes).
const dbFile = process.env.STALL_DB ?? join(dir, 'ft.db');
// Slack is played by a process of its own: this one only measures.
const slack = startBenchChild('./fake-slack-child.ts', {});
const { apiUrl, baseUrl } = await slack.next<{ apiUrl: string; baseUrl: string }>();
let responses = 0;
const responseUrl = () => `${baseUrl}/response/probe-${++responses}`;
const sut = startBenchChild('./stall-child.ts', {
  DB: dbFile,
  REUSE_DB: process.env.STALL_DB ? '1' : '0',
  SLACK_API_URL: apiUrl,
  SIGNING_SECRET: SECRET,
  TEAM_ID: FAKE_TEAM.id,
  TOTAL: String(total),
  DUE: String(due),
});

interface Probes {
  acks: number[];
  health: number[];
  /** Requests the client had to repeat: a kept-alive connection the server had just closed (a client race, not a stall). */
  resets: number;
}

/** Runs `fn`, once more if the connection was reset under it. */
async function once<T>(fn: () => Promise<T>, probes: Probes): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    probes.resets++;
    return fn();
  }
}

/** Probes the endpoint until `until` settles (and `tailMs` after), returning every latency seen. */
async function probe(base: string, until: Promise<unknown>, tailMs = 0): Promise<Probes> {
  const result: Probes = { acks: [], health: [], resets: 0 };
  let done = false;
  void until.then(() => setTimeout(() => (done = true), tailMs));
  const inFlight: Promise<void>[] = [];
  const every = (ms: number, fn: () => Promise<void>) =>
    new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (done) {
          clearInterval(timer);
          resolve();
          return;
        }
        inFlight.push(fn());
      }, ms);
    });
  await Promise.all([
    every(100, async () => {
      const t = performance.now();
      await once(() => fetch(`${base}/healthz`).then((r) => r.text()), result);
      result.health.push(performance.now() - t);
    }),
    every(150, async () => {
      const sent = await once(
        () =>
          sendSlashCommand(
            `${base}/slack/events`,
            {
              team_id: FAKE_TEAM.id,
              channel_id: channelId(1),
              channel_name: 'c1',
              user_id: 'U0ALICE',
              user_name: 'alice',
              command: '/commitments',
              text: 'help',
              response_url: responseUrl(),
            },
            { secret: SECRET },
          ),
        result,
      );
      if (sent.status !== 200) throw new Error(`ack failed: HTTP ${sent.status}`);
      result.acks.push(sent.elapsedMs);
    }),
  ]);
  await Promise.all(inFlight);
  return result;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const describe = (label: string, p: Probes) =>
  console.log(
    `${label}: ${p.acks.length} acks worst ${fmt(Math.max(...p.acks))} p95 ${fmt(percentile(p.acks, 95))}; ${p.health.length} /healthz worst ${fmt(Math.max(...p.health))} p95 ${fmt(percentile(p.health, 95))}${p.resets ? `; ${p.resets} repeated after a connection reset` : ''}`,
  );

try {
  const { port, seedMs } = await sut.next<{ port: number; seedMs: number }>();
  const base = `http://127.0.0.1:${port}`;
  console.log(
    `seeded ${total.toLocaleString('en')} commitments over 1,000 channels (${due} to come due) in ${(seedMs / 1000).toFixed(1)} s`,
  );
  await probe(base, new Promise((r) => setTimeout(r, 1500))); // warm-up
  const idle = await probe(base, new Promise((r) => setTimeout(r, 6000)));
  describe('idle', idle);
  // An empty tick first, unprobed (the scheduler thread's first tick warms up), then the baseline: the
  // same window as the busy tick's, with nothing due.
  const tickNow = async () => {
    sut.send('tick');
    return sut.next<{ tickMs: number; written: number }>();
  };
  await tickNow();
  const emptyTicked = tickNow();
  const empty = await probe(base, emptyTicked, 3000);
  const emptyTick = await emptyTicked;
  console.log(`empty tick: ${emptyTick.written} reminders written in ${fmt(emptyTick.tickMs)}`);
  describe('during the empty tick', empty);
  sut.send('due');
  const { due: madeDue } = await sut.next<{ due: number }>();
  await probe(base, new Promise((r) => setTimeout(r, 1000))); // the UPDATE's aftermath (checkpoint) is not the tick's
  const ticked = tickNow();
  const busy = await probe(base, ticked, 3000);
  const tick = await ticked;
  console.log(
    `tick: ${madeDue} items made due, ${tick.written} reminders written in ${fmt(tick.tickMs)} (probed through the tick and 3 s of delivery after it)`,
  );
  describe('during the tick', busy);
  const over3s = busy.acks.filter((ms) => ms > 3000).length;
  const ratio = (pick: (p: Probes) => number[], at: (xs: number[]) => number) => (at(pick(busy)) / at(pick(empty))).toFixed(2);
  const worst = (xs: number[]) => Math.max(...xs);
  const p95 = (xs: number[]) => percentile(xs, 95);
  console.log(
    `stall: during the tick / during the empty tick: worst ack ${ratio((p) => p.acks, worst)}, worst /healthz ${ratio((p) => p.health, worst)} (target ≤ 1.2); p95 ack ${ratio((p) => p.acks, p95)}, p95 /healthz ${ratio((p) => p.health, p95)}; acks over 3 s: ${over3s}`,
  );
} finally {
  sut.send('stop');
  await Promise.race([sut.exited, new Promise((r) => setTimeout(r, 15_000))]);
  sut.child.kill('SIGKILL');
  slack.send('stop');
  await Promise.race([slack.exited, new Promise((r) => setTimeout(r, 5_000))]);
  slack.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
