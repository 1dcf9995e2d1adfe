/**
 * The minimal Bolt app the `slack` and `press` baselines are made of: Bolt's HTTP receiver (signature
 * check) and nothing else, with Web API calls to SLACK_API_URL when given. The baseline adds its one
 * handler, then `listen` serves it on a free loopback port and prints `{"port":…}`.
 * Env: SIGNING_SECRET, SLACK_API_URL (optional).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

export function minimalBoltApp(): { app: App; listen(): Promise<void> } {
  const receiver = new HTTPReceiver({ signingSecret: process.env.SIGNING_SECRET!, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
  const apiUrl = process.env.SLACK_API_URL;
  const app = new App({
    token: 'xoxb-baseline',
    receiver,
    botId: 'B0BASE',
    botUserId: 'U0BASE',
    logLevel: LogLevel.ERROR,
    tokenVerificationEnabled: false,
    ...(apiUrl ? { clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } } } : {}),
  });
  const listen = async () => {
    const server = createServer(receiver.requestListener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  };
  return { app, listen };
}
