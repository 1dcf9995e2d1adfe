/**
 * `npm run bench -- ack-load [--clients 200] [--rounds 3]`: the real app (`followthrough start`, Slack in
 * HTTP mode against a FakeSlack in a third process) gets N signed slash commands at once; prints
 * the time to Slack's ack (p50/p90/max and how many past 3 s) for `add` (a fsynced SQLite commit each)
 * against `help` (no write) in the same run. Issue 15: "under 200 concurrent clients the first
 * second's requests wait 3–12 s". Headline: the add/help ratio of p90 ack times.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendSlashCommand } from '../helpers/fake-slack-signer.js';
import { freePort } from '../helpers/free-port.js';
import { option } from './lib/bench-args.js';

const argv = process.argv.slice(2);
const clients = Number(option(argv, 'clients', '200'));
const rounds = Number(option(argv, 'rounds', '3'));
const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));
const fixture = JSON.parse(readFileSync(new URL('../fixtures/slack/slash-command.json', import.meta.url), 'utf8'));

function startFake(): Promise<{ child: ChildProcess; api: string; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('lib/fake-slack-child.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => child.stdout!.once('data', (d: Buffer) => resolve({ child, ...JSON.parse(d.toString()) })));
}

async function startApp(api: string): Promise<{ child: ChildProcess; base: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-ack-load-'));
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      FOLLOWTHROUGH_HOME: dir,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench',
      SLACK_API_URL: api,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  while (
    !(await fetch(`${base}/healthz`)
      .then((r) => r.ok)
      .catch(() => false))
  )
    await new Promise((r) => setTimeout(r, 50));
  return { child, base, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The app's resident memory right after the burst (Linux /proc), as the issue measured it. */
function residentMiB(pid: number | undefined): string {
  const kib = pid ? /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] : undefined;
  return kib ? (Number(kib) / 1024).toFixed(0) : '?';
}

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function burst(base: string, fakeBase: string, kind: 'add' | 'help', round: number) {
  const acks = await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      sendSlashCommand(
        `${base}/slack/events`,
        {
          ...fixture,
          text: kind === 'add' ? `add Item ${round}-${i} due 2099-01-01` : 'help',
          response_url: `${fakeBase}/response/${round * 100_000 + i}`,
          trigger_id: `t${round}-${i}`,
        },
        { secret: 'bench' },
      ).then((r) => r.elapsedMs),
    ),
  );
  return acks.sort((a, b) => a - b);
}

const fake = await startFake();
const p90s: Record<'add' | 'help', number[]> = { add: [], help: [] };
try {
  for (let round = 1; round <= rounds; round++) {
    for (const kind of ['help', 'add'] as const) {
      const app = await startApp(fake.api);
      const acks = await burst(app.base, fake.base, kind, round);
      const rss = residentMiB(app.child.pid);
      app.child.kill('SIGTERM');
      app.remove();
      p90s[kind].push(quantile(acks, 0.9));
      console.log(
        `${kind} ×${clients}: ack p50 ${quantile(acks, 0.5).toFixed(0)} ms · p90 ${quantile(acks, 0.9).toFixed(0)} ms · max ${acks.at(-1)!.toFixed(0)} ms · past 3 s: ${acks.filter((a) => a > 3000).length} · RSS after ${rss} MiB`,
      );
    }
  }
} finally {
  fake.child.kill();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `ack p90 under ${clients} concurrent slash commands, add ÷ help: ${(median(p90s.add) / median(p90s.help)).toFixed(2)}× (medians of ${rounds} rounds)`,
);
