// Delivery at scale, small: a fan-out over several workspaces through the real Slack adapter into a
// fake Slack that enforces rate limits it draws at random and does not announce (10–30 messages/s per
// workspace, 1/s per channel with a burst of 3, 429 with Retry-After beyond). Every reminder arrives
// exactly once. Timing against the limits is the `fanout` benchmark's job, not a test's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.js';
import { FakeRateLimits } from '../helpers/fake-slack-limits.js';
import { fanoutChildEnv, fanoutWorkspaceOf, fanoutWorkspaces, registerFanout, seedFanout } from '../helpers/fanout-seed.js';
import { killAllChildren, startChild } from '../helpers/scheduler-child-runner.js';
import { outboxStates } from '../helpers/store-target.js';

const dirs: string[] = [];
afterAll(() => {
  killAllChildren();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

it('3 workspaces × 8 channels, each a digest and two nudges, under unannounced limits: none lost, none twice', async () => {
  const shape = { workspaces: 3, channelsPerWorkspace: 8 };
  const fake = new FakeSlack();
  registerFanout(fake, shape);
  fake.limits = new FakeRateLimits({ workspaces: fanoutWorkspaces(shape), workspaceOf: fanoutWorkspaceOf });
  await fake.start();
  const dir = mkdtempSync(join(tmpdir(), 'ft-fanout-'));
  dirs.push(dir);
  const target = { engine: 'sqlite' as const, file: join(dir, 'ft.db') };
  try {
    await seedFanout(target, shape);
    const run = startChild(fanoutChildEnv(target.file, fake.apiUrl));
    expect((await run.exited).code).toBe(0);
    const expected = 3 * 8 * 3;
    expect(await outboxStates(target)).toEqual({ sent: expected });
    const keys = fake.messages.map((m) => m.metadata?.event_payload.key as string);
    const perKey = new Map<string, number>();
    for (const key of keys) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    expect(perKey.size).toBe(expected); // none lost
    expect([...perKey.values()].filter((n) => n > 1)).toEqual([]); // none twice
    expect(fake.messages.filter((m) => m.channel.startsWith('C')).length).toBe(3 * 8); // one digest per channel
  } finally {
    await fake.stop();
  }
}, 60_000);
