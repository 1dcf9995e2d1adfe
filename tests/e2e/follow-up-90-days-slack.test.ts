// Issue 11's test on Slack: the seed meeting's 90 simulated days through the real Slack adapter
// (signed requests into Bolt, deliveries into the local fake Web API), with the injected clock,
// asserted on the messages as people read them (Block Kit as text).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpChecks } from '../helpers/follow-up-checks.js';
import { runSeedScenario, type SimResult } from '../helpers/follow-up-sim.js';
import { slackPlatform, type SlackSim } from '../helpers/follow-up-sim-slack.js';

let sim: SimResult;
beforeAll(async () => {
  sim = await runSeedScenario(slackPlatform());
}, 120_000);
afterAll(() => sim?.close());

describe('90 days of the seed meeting on Slack', () => {
  followUpChecks(() => sim, { buttons: true });

  it('the pressed digest row names its owner as the digest does, without a ping (no <@…> mention added by the edit)', () => {
    const fake = (sim.platform as SlackSim).fake;
    const done = sim.presses.find((p) => p.kind === 'done' && p.ok)!;
    const posted = fake
      .callsOf('chat.postMessage')
      .find((c) => c.outcome === 'ok' && JSON.stringify(c.args.blocks).includes('Tue 6 Feb — '))!;
    const edited = fake.callsOf('chat.update').find((c) => c.args.ts === done.on.messageId)!;
    expect(JSON.stringify(posted.args.blocks)).not.toMatch(/<@U/);
    expect(JSON.stringify(edited.args.blocks)).not.toMatch(/<@U/);
    expect(done.edits[0].after).toMatch(/^done Wed 7 Feb, 2 days late · @sara$/m);
  });

  it('the refused press was answered ephemerally and no chat.update touched any digest; the bot was really out (not_in_channel) and back by member_joined_channel', () => {
    const fake = (sim.platform as SlackSim).fake;
    const refused = sim.presses.find((p) => p.kind === 'done' && !p.ok)!;
    expect(fake.messages.find((m) => m.ts === refused.on.messageId)?.blocks?.length).toBeGreaterThan(3);
    expect(fake.callsOf('chat.update').map((c) => c.args.ts)).not.toContain(refused.on.messageId);
    const failed = fake.callsOf('chat.postMessage').filter((c) => c.outcome === 'not_in_channel');
    expect(failed.length).toBe(1);
    return expect(sim.store.channels.get(sim.platform.workspace, sim.platform.channel).then((c) => c?.active)).resolves.toBe(true);
  });
});
