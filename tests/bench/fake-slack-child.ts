/**
 * A FakeSlack in a process of its own, so a benchmark's measuring process does not also pay for
 * playing Slack. Registers 1,000 channels (bulk-seed ids), OWNERS users and U0ALICE; prints
 * `{"apiUrl":…,"baseUrl":…}`; on stdin `calls` prints `{"calls":{method: count}}`. Env: OWNERS.
 */
import { createInterface } from 'node:readline';
import { FakeSlack } from '../helpers/fake-slack.js';
import { channelId, ownerId } from './bulk-seed.js';

const fake = new FakeSlack().addUser({ id: 'U0ALICE', name: 'alice', tz: 'UTC' });
for (let i = 0; i < 1000; i++) fake.addChannel({ id: channelId(i), name: `c${i}`, is_member: true });
for (let i = 0; i < Number(process.env.OWNERS ?? 2000); i++) fake.addUser({ id: ownerId(i), name: `owner-${i}`, tz: 'UTC' });
await fake.start();
process.stdout.write(`${JSON.stringify({ apiUrl: fake.apiUrl, baseUrl: fake.baseUrl })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'calls') {
    const calls: Record<string, number> = {};
    for (const call of fake.calls) calls[call.method] = (calls[call.method] ?? 0) + 1;
    // Keep memory flat over long runs: what was counted is not needed again.
    fake.calls.length = 0;
    fake.messages.length = 0;
    fake.responses.length = 0;
    process.stdout.write(`${JSON.stringify({ calls })}\n`);
  } else if (line === 'stop') {
    await fake.stop();
    process.exit(0);
  }
}
