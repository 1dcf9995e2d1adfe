/**
 * `npm run bench -- slack` (issue 12): 2,000 signed `/commitments list` requests, 8 at a time, to the
 * real app on a workspace of SLACK_TOTAL commitments (default 100,000) over 1,000 channels, against
 * a minimal Bolt app answering the same channels with the same payload (every response_url post the
 * real app made for that channel, recorded in the warm-up: a 100-item list is 5 posts, ~210 kB) in the
 * same run. Ack = the HTTP response to the signed request; answer = until the answer's last
 * response_url post arrives at the fake Slack (first page reported too). The two are driven in
 * alternating rounds (SLACK_ROUNDS, default 4), so the load of a shared machine falls on both alike. Targets: ack p99 ≤ 1.2×, answer p99 ≤ 1.5× the
 * Bolt app's. Also counts the Web API calls the real app made per command (conversations.info is cached away).
 * @bench-slow
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_TEAM, FakeSlack, type ResponseUrlPost } from '../helpers/fake-slack.js';
import { sendSlashCommand } from '../helpers/fake-slack-signer.js';
import { channelId, ownerId } from './bulk-seed.js';
import { percentile, startBenchChild, type BenchChild } from './bench-child.js';

const SECRET = 'bench-signing-secret';
const total = Number(process.env.SLACK_TOTAL ?? 100_000);
const requests = Number(process.env.SLACK_REQUESTS ?? 2_000);
const rounds = Number(process.env.SLACK_ROUNDS ?? 4);
const CONCURRENCY = 8;
const CHANNELS = 1000;
const dir = mkdtempSync(join(tmpdir(), 'ft-bench-slack-'));
const fake = new FakeSlack().addUser({ id: 'U0ALICE', name: 'alice', tz: 'UTC' });
for (let i = 0; i < CHANNELS; i++) fake.addChannel({ id: channelId(i), name: `c${i}`, is_member: true });
for (let i = 0; i < 2000; i++) fake.addUser({ id: ownerId(i), name: `owner-${i}`, tz: 'UTC' });
await fake.start();

/**
 * Resolves when the response_url gets its n-th post (a minute at most: a loaded machine is slow, not
 * broken); `onFirst` runs when the first one arrives. One waiter per request, however many pages.
 */
function nthPost(url: string, n: number, onFirst: () => void): Promise<ResponseUrlPost> {
  const id = url.split('/').pop()!;
  let seen = 0;
  return fake.waitFor((r): r is ResponseUrlPost => {
    if (!('id' in r) || r.id !== id) return false;
    if (++seen === 1) onFirst();
    return seen === n;
  }, 60_000);
}

interface Run {
  acks: number[];
  /** Until the first page arrived. */
  firstPages: number[];
  /** Until the last page arrived: the complete answer. */
  answers: number[];
  /** Channel → the response_url of its first request here (the warm-up reads its posts back). */
  urls: Map<string, string>;
}

/** `pages`: how many posts each channel's answer takes (known after the warm-up; 1 until then). */
async function drive(base: string, count: number, pages: ReadonlyMap<string, number> = new Map()): Promise<Run> {
  const run: Run = { acks: [], firstPages: [], answers: [], urls: new Map() };
  // Posts already counted are no longer needed: keep the fake's record (scanned by every wait) short.
  fake.responses.length = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const channel = channelId(i % CHANNELS);
      const responseUrl = fake.responseUrl();
      let started = 0;
      const answered = nthPost(responseUrl, pages.get(channel) ?? 1, () => run.firstPages.push(performance.now() - started));
      started = performance.now();
      const sent = await sendSlashCommand(
        `${base}/slack/events`,
        {
          team_id: FAKE_TEAM.id,
          channel_id: channel,
          channel_name: `c${i % CHANNELS}`,
          user_id: 'U0ALICE',
          user_name: 'alice',
          command: '/commitments',
          text: 'list',
          response_url: responseUrl,
        },
        { secret: SECRET },
      );
      if (sent.status !== 200) throw new Error(`request ${i} was refused: HTTP ${sent.status} ${sent.text}`);
      run.acks.push(sent.elapsedMs);
      await answered;
      run.answers.push(performance.now() - started);
      if (!run.urls.has(channel)) run.urls.set(channel, responseUrl);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return run;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const line = (label: string, run: Run, seconds: number) =>
  console.log(
    `${label}: ack p50 ${fmt(percentile(run.acks, 50))} p99 ${fmt(percentile(run.acks, 99))}; first page p99 ${fmt(percentile(run.firstPages, 99))}; complete answer p50 ${fmt(percentile(run.answers, 50))} p90 ${fmt(percentile(run.answers, 90))} p99 ${fmt(percentile(run.answers, 99))}; ${(run.acks.length / seconds).toFixed(0)} req/s`,
  );

/**
 * Every post each channel's warm-up answer made, in order: read once no post has arrived for a second
 * (an answer's later pages may still be on their way when its first one has come).
 */
async function allPosts(urls: ReadonlyMap<string, string>): Promise<Map<string, Record<string, unknown>[]>> {
  let seen = -1;
  while (fake.responses.length !== seen) {
    seen = fake.responses.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const byId = new Map<string, Record<string, unknown>[]>();
  for (const post of fake.responses) byId.set(post.id, [...(byId.get(post.id) ?? []), post.body]);
  return new Map([...urls].map(([channel, url]) => [channel, byId.get(url.split('/').pop()!) ?? []]));
}

/**
 * Writes each channel's posts (channel → the bodies, in order) for the Bolt app, and returns how many
 * pages each channel's answer takes. Nothing of the ~200 MB stays in this process.
 */
async function recordPayloads(urls: ReadonlyMap<string, string>, file: string): Promise<Map<string, number>> {
  const bodies = await allPosts(urls);
  fake.responses.length = 0;
  const counts = [...bodies.values()].map((posts) => posts.length);
  const text = JSON.stringify(Object.fromEntries(bodies));
  console.log(
    `answers: ${Math.min(...counts)}–${Math.max(...counts)} posts, ${(text.length / bodies.size / 1000).toFixed(0)} kB on average`,
  );
  writeFileSync(file, text);
  return new Map([...bodies].map(([channel, posts]) => [channel, posts.length]));
}

let sut: BenchChild | undefined;
let baseline: BenchChild | undefined;
try {
  sut = startBenchChild('./stall-child.ts', {
    DB: join(dir, 'ft.db'),
    SLACK_API_URL: fake.apiUrl,
    SIGNING_SECRET: SECRET,
    TEAM_ID: FAKE_TEAM.id,
    TOTAL: String(total),
    DUE: '0',
  });
  const { port, seedMs } = await sut.next<{ port: number; seedMs: number }>();
  console.log(
    `seeded ${total.toLocaleString('en')} commitments over ${CHANNELS.toLocaleString('en')} channels in ${(seedMs / 1000).toFixed(1)} s`,
  );
  const appBase = `http://127.0.0.1:${port}`;
  // Warm-up, and the payloads the Bolt app will answer with: every post of each channel's first answer.
  const recorded = await drive(appBase, CHANNELS);
  const payloadFile = join(dir, 'payloads.json');
  const pages = await recordPayloads(recorded.urls, payloadFile);
  baseline = startBenchChild('./bolt-baseline-child.ts', { SIGNING_SECRET: SECRET, PAYLOADS: payloadFile });
  const boltBase = `http://127.0.0.1:${(await baseline.next<{ port: number }>()).port}`;
  await drive(boltBase, 200, pages);
  const callsBefore = fake.calls.length;
  const infoBefore = fake.callsOf('conversations.info').length;
  const real: Run = { acks: [], firstPages: [], answers: [], urls: new Map() };
  const bolt: Run = { acks: [], firstPages: [], answers: [], urls: new Map() };
  let [realSeconds, boltSeconds] = [0, 0];
  for (let round = 0; round < rounds; round++) {
    let t = performance.now();
    const mine = await drive(appBase, requests / rounds, pages);
    realSeconds += (performance.now() - t) / 1000;
    t = performance.now();
    const theirs = await drive(boltBase, requests / rounds, pages);
    boltSeconds += (performance.now() - t) / 1000;
    for (const [into, from] of [
      [real, mine],
      [bolt, theirs],
    ])
      for (const key of ['acks', 'firstPages', 'answers'] as const) into[key].push(...from[key]);
    // SLACK_VERBOSE=1: each round's tails, to tell a stall of the machine from a cost of either side.
    if (process.env.SLACK_VERBOSE)
      console.error(
        `round ${round + 1}: answer p99 Followthrough ${fmt(percentile(mine.answers, 99))}, Bolt ${fmt(percentile(theirs.answers, 99))}; max ${fmt(Math.max(...mine.answers))} / ${fmt(Math.max(...theirs.answers))}`,
      );
  }
  const apiCalls = fake.calls.length - callsBefore;
  const infoCalls = fake.callsOf('conversations.info').length - infoBefore;
  line('minimal Bolt app, same payloads', bolt, boltSeconds);
  line('Followthrough', real, realSeconds);
  console.log(`Web API calls by Followthrough during the ${requests} requests: ${apiCalls} (conversations.info: ${infoCalls})`);
  const ack = percentile(real.acks, 99) / percentile(bolt.acks, 99);
  const answer = percentile(real.answers, 99) / percentile(bolt.answers, 99);
  console.log(
    `slack: ack p99 ratio ${ack.toFixed(2)} (target ≤ 1.2), answer p99 ratio ${answer.toFixed(2)} (target ≤ 1.5), conversations.info per command ${(infoCalls / requests).toFixed(3)}`,
  );
} finally {
  sut?.send('stop');
  baseline?.child.stdin?.end();
  await Promise.race([Promise.all([sut?.exited, baseline?.exited]), new Promise((r) => setTimeout(r, 15_000))]);
  sut?.child.kill('SIGKILL');
  baseline?.child.kill('SIGKILL');
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
}
