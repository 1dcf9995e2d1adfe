/**
 * The `press` benchmark's baseline: a minimal Bolt app (HTTP receiver, signature check) that acks a
 * button press and sends one chat.update of the same card (the message's own blocks, as the press
 * carried them) to the Web API at SLACK_API_URL. What any Bolt app pays for a press; the difference
 * is Followthrough's own cost. Env: SIGNING_SECRET, SLACK_API_URL. Prints `{"port":…}`.
 */
import { createInterface } from 'node:readline';
import type { BlockAction } from '@slack/bolt';
import { minimalBoltApp } from './minimal-bolt-app.js';

const { app, listen } = minimalBoltApp();
app.action<BlockAction>(/^ft_/, async ({ ack, body, client }) => {
  await ack();
  await client.chat.update({
    channel: body.channel!.id,
    ts: body.message!.ts,
    text: String(body.message!.text ?? ''),
    blocks: body.message!.blocks as never,
  });
});
await listen();
// `cpu` prints `{"cpuMs":…}`, this process's CPU time so far; the end of stdin ends it.
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpuMs: (user + system) / 1000 })}\n`);
  }
}
process.exit(0);
