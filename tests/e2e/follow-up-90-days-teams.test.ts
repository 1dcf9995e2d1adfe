// Issue 11's test on Teams: the seed meeting's 90 simulated days through the real Teams adapter
// (Bot Framework activities into botbuilder, deliveries into the local fake Bot Connector), with the injected clock,
// asserted on the messages as people read them (Adaptive Card text).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpChecks } from '../helpers/follow-up-checks.js';
import { runSeedScenario, type SimResult } from '../helpers/follow-up-sim.js';
import { teamsPlatform, type TeamsSim } from '../helpers/follow-up-sim-teams.js';

let sim: SimResult;
beforeAll(async () => {
  sim = await runSeedScenario(teamsPlatform());
}, 120_000);
afterAll(() => sim?.close());

describe('90 days of the seed meeting on Teams', () => {
  followUpChecks(() => sim, { buttons: true });

  it('the refused press updated no activity; the bot was really out (403 from the connector) and back by an installationUpdate', () => {
    const connector = (sim.platform as TeamsSim).connector();
    const refused = sim.presses.find((p) => p.kind === 'done' && !p.ok)!;
    const activityId = refused.on.messageId.slice(refused.on.messageId.lastIndexOf('|') + 1);
    expect(connector.calls.filter((c) => c.method === 'PUT').map((c) => c.activityId)).not.toContain(activityId);
    expect(connector.calls.filter((c) => c.refused).length).toBe(1);
    return expect(sim.store.channels.get(sim.platform.workspace, sim.platform.channel).then((c) => c?.active)).resolves.toBe(true);
  });
});
