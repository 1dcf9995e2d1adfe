/**
 * Builds the Bolt app: Socket Mode when an app token is set (no public URL needed), otherwise HTTP
 * through Bolt's own HTTPReceiver, whose request listener (signature check, ack) is mounted on the
 * process's one server behind our guard (timestamps within ±5 minutes, no replayed signature).
 */
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/config.js';
import type { HttpRoutes } from '../../src/ports/adapter-host.js';
import { boltLogger } from './bolt-logger.js';
import { guardSignedRequests } from './request-guard.js';
import type { SlackIdentity } from './slack-context.js';

export const EVENTS_PATH = '/slack/events';

/** Retries stay off: the outbox retries deliveries, and an interactive answer is better late than twice. */
export function webClientOptions(config: Config): WebClientOptions {
  return {
    ...(config.SLACK_API_URL ? { slackApiUrl: withSlash(config.SLACK_API_URL) } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
}

export interface BoltApp {
  app: App;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface BoltAppOptions {
  config: Config;
  identity: SlackIdentity;
  logger: Logger;
  http: HttpRoutes;
  /** True the first time a request signature is seen (replay protection in HTTP mode). */
  firstSighting(signature: string): Promise<boolean>;
}

export function createBoltApp(options: BoltAppOptions): BoltApp {
  const { config, identity, logger, http } = options;
  const common = {
    token: config.SLACK_BOT_TOKEN,
    botId: identity.botId,
    botUserId: identity.botUserId,
    clientOptions: webClientOptions(config),
    logger: boltLogger(logger),
  };
  if (config.SLACK_APP_TOKEN) {
    const receiver = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN,
      logger: common.logger,
      installerOptions: { clientOptions: webClientOptions(config) },
    });
    const app = new App({ ...common, receiver });
    return {
      app,
      start: async () => void (await app.start()),
      // Bolt's receiver.stop() does not wait for the WebSocket close handshake; the client's disconnect does.
      stop: () => receiver.client.disconnect(),
    };
  }
  const receiver = new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET ?? '', endpoints: EVENTS_PATH, logger: common.logger });
  const app = new App({ ...common, receiver });
  return {
    app,
    start: async () =>
      http.route(
        'POST',
        EVENTS_PATH,
        guardSignedRequests(receiver.requestListener, {
          signingSecret: config.SLACK_SIGNING_SECRET ?? '',
          firstSighting: options.firstSighting,
          logger,
        }),
      ),
    // The shared server is closed by the composition root.
    stop: async () => undefined,
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
