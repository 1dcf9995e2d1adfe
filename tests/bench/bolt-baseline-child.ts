/**
 * The `slack` benchmark's baseline: a minimal Bolt app (HTTP receiver, signature check) whose
 * `/commitments` handler acks and answers through the response_url with the posts recorded from the
 * real app for the same channel, one after another as the real app sends them. What any Bolt app
 * pays; the difference is Followthrough's own cost.
 * Env: SIGNING_SECRET, PAYLOADS (a JSON file: channel id → the response bodies, in order). Prints `{"port":…}`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const payloads = JSON.parse(readFileSync(process.env.PAYLOADS!, 'utf8')) as Record<string, Record<string, unknown>[]>;
const unrecorded = [{ response_type: 'ephemeral', text: 'nothing recorded for this channel' }];
const receiver = new HTTPReceiver({ signingSecret: process.env.SIGNING_SECRET!, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
const app = new App({
  token: 'xoxb-baseline',
  receiver,
  botId: 'B0BASE',
  botUserId: 'U0BASE',
  logLevel: LogLevel.ERROR,
  tokenVerificationEnabled: false,
});
app.command('/commitments', async ({ command, ack, respond }) => {
  await ack();
  for (const body of payloads[command.channel_id] ?? unrecorded) await respond(body as never);
});
const server = createServer(receiver.requestListener);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
process.stdin.on('data', () => undefined);
process.stdin.on('end', () => process.exit(0));
