/**
 * The `press` benchmark's baseline: a minimal Bolt app (HTTP receiver, signature check) that acks a
 * button press and sends one chat.update of the same card (the message's own blocks, as the press
 * carried them) to the Web API at SLACK_API_URL. What any Bolt app pays for a press; the difference
 * is Followthrough's own cost. Env: SIGNING_SECRET, SLACK_API_URL. Prints `{"port":…}`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { App, type BlockAction, HTTPReceiver, LogLevel } from '@slack/bolt';

const receiver = new HTTPReceiver({ signingSecret: process.env.SIGNING_SECRET!, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
const app = new App({
  token: 'xoxb-baseline',
  receiver,
  botId: 'B0BASE',
  botUserId: 'U0BASE',
  logLevel: LogLevel.ERROR,
  tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL!, retryConfig: { retries: 0 } },
});
app.action<BlockAction>(/^ft_/, async ({ ack, body, client }) => {
  await ack();
  await client.chat.update({
    channel: body.channel!.id,
    ts: body.message!.ts,
    text: String(body.message!.text ?? ''),
    blocks: body.message!.blocks as never,
  });
});
const server = createServer(receiver.requestListener);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
// `cpu` prints `{"cpuMs":…}`, this process's CPU time so far; the end of stdin ends it.
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpuMs: (user + system) / 1000 })}\n`);
  }
}
process.exit(0);
