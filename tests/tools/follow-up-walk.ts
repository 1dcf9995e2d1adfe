/**
 * Prints what one owner (sara) and one channel (#general) received in 90 simulated days of the
 * seed meeting, week by week — the walk issue 11's note asks for.
 * `npx tsx tests/tools/follow-up-walk.ts [core|console|slack|teams] [--full]`: through the core alone (the
 * default) or the real console, Slack or Teams adapter; `--full` prints each message as a person reads it.
 */
import { runSeedScenario, walk, type SimPlatform } from '../helpers/follow-up-sim.js';
import { consolePlatform } from '../helpers/follow-up-sim-console.js';
import { slackPlatform } from '../helpers/follow-up-sim-slack.js';
import { teamsPlatform } from '../helpers/follow-up-sim-teams.js';

const platforms: Record<string, () => SimPlatform | undefined> = {
  core: () => undefined,
  console: consolePlatform,
  slack: slackPlatform,
  teams: teamsPlatform,
};
const name = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'core';
if (!platforms[name]) throw new Error(`unknown platform ${name}: core, console, slack or teams`);
const full = process.argv.includes('--full');
const result = await runSeedScenario(platforms[name]());
process.stdout.write(
  `${walk(result, result.platform.dm('sara'), 'Owner sara', full)}\n\n${walk(result, result.platform.channel, 'Channel #general', full)}\n`,
);
await result.close();
