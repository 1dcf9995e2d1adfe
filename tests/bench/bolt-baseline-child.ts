/**
 * The `slack` benchmark's baseline: a minimal Bolt app (HTTP receiver, signature check) whose
 * `/commitments` handler acks and answers through the response_url with the posts recorded from the
 * real app for the same channel, one after another as the real app sends them. What any Bolt app
 * pays; the difference is Followthrough's own cost.
 * Env: SIGNING_SECRET, PAYLOADS (a JSON file: channel id → the response bodies, in order). Prints `{"port":…}`.
 */
import { readFileSync } from 'node:fs';
import { minimalBoltApp } from './minimal-bolt-app.js';

const payloads = JSON.parse(readFileSync(process.env.PAYLOADS!, 'utf8')) as Record<string, Record<string, unknown>[]>;
const unrecorded = [{ response_type: 'ephemeral', text: 'nothing recorded for this channel' }];
const { app, listen } = minimalBoltApp();
app.command('/commitments', async ({ command, ack, respond }) => {
  await ack();
  for (const body of payloads[command.channel_id] ?? unrecorded) await respond(body as never);
});
await listen();
process.stdin.on('data', () => undefined);
process.stdin.on('end', () => process.exit(0));
