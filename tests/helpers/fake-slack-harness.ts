/**
 * Starts the real app (`startApp`) against a FakeSlack, with the users and channels most Slack tests
 * need, and helpers that speak to /slack/events the way Slack does.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App } from '../../src/main.js';
import { FakeSlack } from './fake-slack.js';
import { sendEvent, sendInteraction, sendSlashCommand, type SentRequest } from './fake-slack-signer.js';

export const SIGNING_SECRET = 'fake-signing-secret-8f2b';

export function slackFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/slack/${name}.json`, import.meta.url), 'utf8')) as T;
}

export interface SlackHarness {
  fake: FakeSlack;
  app: App;
  eventsUrl: string;
  dir: string;
  slash(text: string, fields?: Record<string, string>): Promise<SentRequest & { responseUrl: string }>;
  event(envelope: Record<string, any>, headers?: Record<string, string>): Promise<SentRequest>;
  click(payload: Record<string, any>): Promise<SentRequest & { responseUrl: string }>;
  stop(): Promise<void>;
}

/** Populates a fake with Alice (admin-free, Karachi), Bob (Berlin), #general (bot in) and #random (bot out). */
export function seededFake(): FakeSlack {
  return new FakeSlack()
    .addUser({ id: 'U0ALICE', name: 'alice', real_name: 'Alice Khan', tz: 'Asia/Karachi' })
    .addUser({ id: 'U0BOB', name: 'bob', real_name: 'Bob Weber', tz: 'Europe/Berlin' })
    .addUser({ id: 'U0ADMIN', name: 'ada', tz: 'UTC', is_admin: true })
    .addChannel({ id: 'C0GENERAL', name: 'general', is_member: true })
    .addChannel({ id: 'C0RANDOM', name: 'random', is_member: false })
    .addChannel({ id: 'C0OLD', name: 'old', is_member: true, is_archived: true });
}

export async function startSlackHarness(options: { env?: Record<string, string>; fake?: FakeSlack } = {}): Promise<SlackHarness> {
  const fake = await (options.fake ?? seededFake()).start();
  const dir = mkdtempSync(join(tmpdir(), 'ft-slack-'));
  const env = {
    FOLLOWTHROUGH_ADAPTERS: 'slack',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    FOLLOWTHROUGH_DB: join(dir, 'test.db'),
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...options.env,
  };
  let app: App;
  try {
    app = await startApp(env);
  } catch (error) {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const eventsUrl = `http://127.0.0.1:${app.address?.port}/slack/events`;
  const sign = { secret: SIGNING_SECRET };
  return {
    fake,
    app,
    eventsUrl,
    dir,
    async slash(text, fields = {}) {
      const responseUrl = fake.responseUrl();
      const sent = await sendSlashCommand(
        eventsUrl,
        { ...slackFixture('slash-command'), text, response_url: responseUrl, ...fields },
        sign,
      );
      return { ...sent, responseUrl };
    },
    event(envelope, headers) {
      return sendEvent(eventsUrl, envelope, { ...sign, headers });
    },
    async click(payload) {
      const responseUrl = fake.responseUrl();
      const sent = await sendInteraction(eventsUrl, { ...payload, response_url: responseUrl }, sign);
      return { ...sent, responseUrl };
    },
    async stop() {
      await app.stop();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
