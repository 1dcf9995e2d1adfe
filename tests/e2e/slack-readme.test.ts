/**
 * The README's Slack section works as written: the app starts with exactly the variables each of its
 * `.env` blocks names (placeholders swapped for test values), plus only what points it at the fake
 * Slack and a temp database, and answers `/commitments` in both modes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/main.js';
import { seededFake, slackFixture } from '../helpers/fake-slack-harness.js';
import type { FakeSlack } from '../helpers/fake-slack.js';
import { sendSlashCommand } from '../helpers/fake-slack-signer.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('<!-- slack:start -->'), readme.indexOf('<!-- slack:end -->'));
const envBlocks = [...section.matchAll(/```dotenv\n([\s\S]*?)```/g)].map((m) =>
  Object.fromEntries(
    m[1]
      .trim()
      .split('\n')
      .map((line) => line.split('=') as [string, string]),
  ),
);

/** Test values for the README's placeholders; PORT=0 so the OS picks a free port. */
const TEST_VALUES: Record<string, string> = {
  SLACK_BOT_TOKEN: 'xoxb-readme',
  SLACK_APP_TOKEN: 'xapp-1-readme',
  SLACK_SIGNING_SECRET: 'readme-secret',
  PORT: '0',
};
/** What only a test adds: the fake Slack, a temp database, loopback, quiet logs. */
const testOnly = (fake: FakeSlack, dir: string) => ({
  SLACK_API_URL: fake.apiUrl,
  FOLLOWTHROUGH_DB: join(dir, 'readme.db'),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'error',
});

let app: App | undefined;
let fake: FakeSlack | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.stop();
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  app = fake = dir = undefined;
});

async function startAsWritten(block: Record<string, string>): Promise<App> {
  fake = await seededFake().start();
  dir = mkdtempSync(join(tmpdir(), 'ft-readme-'));
  const env = { ...Object.fromEntries(Object.keys(block).map((k) => [k, TEST_VALUES[k]])), ...testOnly(fake, dir) };
  app = await startApp(env);
  return app;
}

describe('README: Run it in your Slack workspace', () => {
  it('names a Socket Mode .env first and an HTTP mode .env second', () => {
    expect(envBlocks.map((b) => Object.keys(b).sort())).toEqual([
      ['SLACK_APP_TOKEN', 'SLACK_BOT_TOKEN'],
      ['PORT', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'],
    ]);
    for (const block of envBlocks) for (const key of Object.keys(block)) expect(TEST_VALUES, key).toHaveProperty([key]);
    expect(section).toContain('adapters/slack/manifest.yml');
    expect(section).toMatch(/npm start` reads `.env`/);
  });

  it('Socket Mode as written: only the bot and app tokens, and /commitments is answered', async () => {
    const started = await startAsWritten(envBlocks[0]);
    expect(started.config.adapters).toEqual(['slack']);
    await fake!.socket.connected();
    const responseUrl = fake!.responseUrl();
    const { ack } = fake!.socket.push('slash_commands', { ...slackFixture('slash-command'), text: 'help', response_url: responseUrl });
    await ack;
    expect((await fake!.responseTo(responseUrl)).body.text).toMatch(/add/);
  });

  it('HTTP mode as written: bot token, signing secret and port, and a signed /commitments is answered', async () => {
    const started = await startAsWritten(envBlocks[1]);
    expect(started.config.adapters).toEqual(['slack']);
    const responseUrl = fake!.responseUrl();
    const sent = await sendSlashCommand(
      `http://127.0.0.1:${started.address!.port}/slack/events`,
      { ...slackFixture('slash-command'), text: 'help', response_url: responseUrl },
      { secret: TEST_VALUES.SLACK_SIGNING_SECRET },
    );
    expect(sent.status).toBe(200);
    expect((await fake!.responseTo(responseUrl)).body.text).toMatch(/add/);
    expect(fake!.callsOf('apps.connections.open')).toHaveLength(0);
  });
});
