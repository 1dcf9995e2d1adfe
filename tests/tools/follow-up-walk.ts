/**
 * Prints what one owner (sara) and one channel (#general) received in 90 simulated days of the
 * seed meeting, week by week — the walk issue 11's note asks for. `npx tsx tests/tools/follow-up-walk.ts`
 */
import { CHANNEL, runSeedScenario, walk } from '../helpers/follow-up-sim.js';

const result = await runSeedScenario();
process.stdout.write(`${walk(result, 'test:dm:sara', 'Owner sara')}\n\n${walk(result, CHANNEL, 'Channel #general')}\n`);
await result.close();
