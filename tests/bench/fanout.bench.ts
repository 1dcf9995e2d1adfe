/**
 * `npm run bench -- fanout` (DESIGN §5, issue 12 item 4): 1,000 channels over 10 workspaces, each
 * with a digest and two nudges (3,000 messages), delivered by a real scheduler process through the
 * real Slack adapter into a fake Slack Web API that enforces limits it draws at random for this run
 * and never announces (10–30 messages/s per workspace, 1/s per channel with a burst of 3, 429 with
 * Retry-After beyond). Baseline: the least time the drawn limits allow for the same messages.
 * Targets: time ≤ 1.25× that minimum, 429s ≤ 5% of messages, 0 lost, 0 duplicated.
 * FANOUT_RUNS (default 3) runs it that many times, each with limits drawn from its own seed
 * (FANOUT_SEED, default random: printed, so a bad draw can be run again), and ends with the worst.
 * FANOUT_WORKSPACES / FANOUT_CHANNELS change the shape; FANOUT_TRACE=1 prints when each 429 was served.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlack } from '../helpers/fake-slack.js';
import { FakeRateLimits } from '../helpers/fake-slack-limits.js';
import { fanoutChildEnv, fanoutWorkspaceOf, fanoutWorkspaces, registerFanout, seedFanout } from '../helpers/fanout-seed.js';
import { startChild } from '../helpers/scheduler-child-runner.js';
import { outboxStates } from '../helpers/store-target.js';

const shape = { workspaces: Number(process.env.FANOUT_WORKSPACES ?? 10), channelsPerWorkspace: Number(process.env.FANOUT_CHANNELS ?? 100) };
const runs = Number(process.env.FANOUT_RUNS ?? 3);
const firstSeed = Number(process.env.FANOUT_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a small seeded generator, so a run's drawn limits can be drawn again. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Outcome {
  seed: number;
  ratio: number;
  rejectedShare: number;
  lost: number;
  duplicated: number;
}

async function runOnce(seed: number): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-bench-fanout-'));
  const target = { engine: 'sqlite' as const, file: join(dir, 'ft.db') };
  const fake = new FakeSlack();
  registerFanout(fake, shape);
  const limits = new FakeRateLimits({ workspaces: fanoutWorkspaces(shape), workspaceOf: fanoutWorkspaceOf, random: seeded(seed) });
  fake.limits = limits;
  await fake.start();
  try {
    const seedStart = performance.now();
    await seedFanout(target, shape);
    const expected = shape.workspaces * shape.channelsPerWorkspace * 3;
    console.log(
      `\nseed ${seed}: seeded ${shape.workspaces} workspaces × ${shape.channelsPerWorkspace} channels (${expected} messages due) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    console.log(
      `drawn limits (unannounced): ${[...limits.workspaceRate].map(([ws, r]) => `${ws} ${r}/s`).join(', ')}; ${limits.channelPerSecond}/s per channel, burst ${limits.channelBurst}`,
    );
    const run = startChild(fanoutChildEnv(target.file, fake.apiUrl, { CONCURRENCY: process.env.FANOUT_CONCURRENCY ?? '16' }));
    let tickDoneAt = Number.NaN;
    void run.ready.then(() => (tickDoneAt = performance.now()));
    const exit = await run.exited;
    if (exit.code !== 0) throw new Error(`the scheduler process exited with ${exit.code ?? exit.signal}`);
    const summary = JSON.parse(run.stdout().trim().split('\n').at(-1)!) as { rates: Record<string, number | null> };
    const keys = new Map<string, number>();
    for (const m of fake.messages) {
      const key = String(m.metadata?.event_payload.key);
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    const states = await outboxStates(target);
    const lost = expected - keys.size;
    const duplicated = [...keys.values()].filter((n) => n > 1).length;
    const elapsed = limits.elapsedMs();
    const minimum = limits.minimumMs();
    console.log(
      `learned send rates at the end: ${Object.entries(summary.rates)
        .map(([ws, r]) => `${ws} ${r ? r.toFixed(1) : '—'}/s`)
        .join(', ')}`,
    );
    console.log(`outbox: ${JSON.stringify(states)}`);
    const t0 = limits.firstAttemptAt ?? 0;
    if (process.env.FANOUT_TRACE)
      console.log(`  the tick had written every row ${((tickDoneAt - t0) / 1000).toFixed(2)} s after the first attempt`);
    for (const [ws, line] of limits.timeline) {
      const n = [...fake.messages].filter((m) => fanoutWorkspaceOf(m.channel) === ws).length;
      const rate = limits.workspaceRate.get(ws)!;
      console.log(
        `  ${ws}: ${n} messages at ≤ ${rate}/s: first ${((line.first - t0) / 1000).toFixed(2)} s, last ${((line.last - t0) / 1000).toFixed(2)} s (least ${((n - rate) / rate).toFixed(2)} s), 429s ${line.rejected}`,
      );
      if (process.env.FANOUT_TRACE) {
        console.log(`    429s at ${line.rejectedAt.map((t) => ((t - t0) / 1000).toFixed(2)).join(' ')}`);
        // Accepted posts in each second since the first attempt: how fast the pacer got to the limit.
        const perSecond: number[] = [];
        for (const t of line.acceptedAt) perSecond[Math.floor((t - t0) / 1000)] = (perSecond[Math.floor((t - t0) / 1000)] ?? 0) + 1;
        console.log(`    accepted per second: ${Array.from(perSecond, (n) => n ?? 0).join(' ')}`);
      }
    }
    const outcome = { seed, ratio: elapsed / minimum, rejectedShare: limits.rejected / expected, lost, duplicated };
    console.log(
      `delivered ${keys.size}/${expected} in ${(elapsed / 1000).toFixed(2)} s; the drawn limits allow ${(minimum / 1000).toFixed(2)} s at best`,
    );
    console.log(`seed ${seed}: ${headline(outcome)}`);
    return outcome;
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function headline(o: Outcome): string {
  return `time / least time the limits allow = ${o.ratio.toFixed(3)} (target ≤ 1.25), 429s ${(o.rejectedShare * 100).toFixed(1)}% (target ≤ 5%), lost ${o.lost}, duplicated ${o.duplicated}`;
}

const outcomes: Outcome[] = [];
for (let i = 0; i < runs; i++) outcomes.push(await runOnce((firstSeed + i * 7919) >>> 0));
const worst = (pick: (o: Outcome) => number) => outcomes.reduce((a, b) => (pick(b) > pick(a) ? b : a));
const slowest = worst((o) => o.ratio);
const most429 = worst((o) => o.rejectedShare);
console.log(
  `\nfanout, worst of ${runs} seeded runs (${outcomes.map((o) => o.seed).join(', ')}): time ratio ${slowest.ratio.toFixed(3)} (seed ${slowest.seed}, target ≤ 1.25), 429s ${(most429.rejectedShare * 100).toFixed(1)}% (seed ${most429.seed}, target ≤ 5%), lost ${Math.max(...outcomes.map((o) => o.lost))}, duplicated ${Math.max(...outcomes.map((o) => o.duplicated))}`,
);
