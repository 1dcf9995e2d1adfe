// Every way `followthrough start` can fail to start, run for real: the CLI in a child process with
// the environment an operator would set. Each must end in ONE line on stderr naming the variable to
// fix (and where to get it), exit code 2, and never a stack trace.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../helpers/fake-slack.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDbPath } from '../helpers/temp-db.js';

const dir = tempDbPath('ft-startup-');
const fake = new FakeSlack();
let busy: Server;
let busyPort = 0;

beforeAll(async () => {
  await fake.start();
  writeFileSync(join(dir.dir, 'a-file'), '');
  mkdirSync(join(dir.dir, 'a-folder.db'));
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(async () => {
  await fake.stop();
  await new Promise((resolve) => busy.close(resolve));
  dir.remove();
});

const APP_ID = '11111111-2222-3333-4444-555555555555';
type Case = [name: string, env: () => Record<string, string>, line: RegExp];

const cases: Case[] = [
  [
    'only SLACK_BOT_TOKEN',
    () => ({ SLACK_BOT_TOKEN: 'xoxb-1' }),
    /^Cannot start: SLACK_APP_TOKEN is missing: SLACK_BOT_TOKEN is set, but Slack also needs SLACK_APP_TOKEN for Socket Mode .* or SLACK_SIGNING_SECRET for HTTP mode.*Where to get it: .*App-Level Tokens/,
  ],
  [
    'only SLACK_APP_TOKEN',
    () => ({ SLACK_APP_TOKEN: 'xapp-1' }),
    /^Cannot start: SLACK_BOT_TOKEN is missing: Socket Mode \(SLACK_APP_TOKEN is set\) needs the bot token too\. Where to get it: .*Bot User OAuth Token/,
  ],
  [
    'only SLACK_SIGNING_SECRET',
    () => ({ SLACK_SIGNING_SECRET: 's' }),
    /^Cannot start: SLACK_BOT_TOKEN is missing: HTTP mode \(SLACK_SIGNING_SECRET is set\) needs the bot token too/,
  ],
  [
    'FOLLOWTHROUGH_ADAPTERS=slack with an app token (Socket Mode)',
    () => ({ FOLLOWTHROUGH_ADAPTERS: 'slack', SLACK_APP_TOKEN: 'xapp-1' }),
    /^Cannot start: SLACK_BOT_TOKEN is missing: FOLLOWTHROUGH_ADAPTERS=slack enables Slack, and Socket Mode/,
  ],
  [
    'FOLLOWTHROUGH_ADAPTERS=slack with a bot token only',
    () => ({ FOLLOWTHROUGH_ADAPTERS: 'slack', SLACK_BOT_TOKEN: 'xoxb-1' }),
    /^Cannot start: SLACK_APP_TOKEN is missing: FOLLOWTHROUGH_ADAPTERS=slack enables Slack, and Slack also needs SLACK_APP_TOKEN for Socket Mode/,
  ],
  [
    'FOLLOWTHROUGH_ADAPTERS=slack with nothing',
    () => ({ FOLLOWTHROUGH_ADAPTERS: 'slack' }),
    /^Cannot start: SLACK_BOT_TOKEN is missing: FOLLOWTHROUGH_ADAPTERS=slack enables Slack/,
  ],
  [
    'a malformed SLACK_BOT_TOKEN',
    () => ({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_APP_TOKEN: 'xapp-1' }),
    /^Cannot start: SLACK_BOT_TOKEN must start with xoxb-\. Where to get it: /,
  ],
  [
    'a revoked SLACK_BOT_TOKEN',
    () => ({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_APP_TOKEN: 'xapp-1-ok', SLACK_API_URL: fake.apiUrl }),
    /^Cannot start: SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/,
  ],
  [
    'a revoked SLACK_APP_TOKEN',
    () => ({ SLACK_BOT_TOKEN: 'xoxb-ok', SLACK_APP_TOKEN: 'xapp-revoked', SLACK_API_URL: fake.apiUrl }),
    /^Cannot start: SLACK_APP_TOKEN was refused by Slack \(invalid_auth\); it must be an app-level token with the connections:write scope\. Where to get it: .*App-Level Tokens/,
  ],
  [
    'an unreachable SLACK_API_URL',
    () => ({ SLACK_BOT_TOKEN: 'xoxb-ok', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'http://127.0.0.1:1/api/' }),
    /^Cannot start: SLACK_API_URL=http:\/\/127\.0\.0\.1:1\/api\/ cannot be reached to check SLACK_BOT_TOKEN/,
  ],
  [
    'FOLLOWTHROUGH_DB under a file',
    () => ({ FOLLOWTHROUGH_DB: join(dir.dir, 'a-file', 'x.db') }),
    /^Cannot start: FOLLOWTHROUGH_DB=.*a-file\/x\.db cannot be opened: a part of its folder path is a file, not a folder/,
  ],
  [
    'FOLLOWTHROUGH_DB is a folder',
    () => ({ FOLLOWTHROUGH_DB: join(dir.dir, 'a-folder.db') }),
    /^Cannot start: FOLLOWTHROUGH_DB=.*a-folder\.db cannot be opened: SQLite cannot open it/,
  ],
  [
    'an unreachable DATABASE_URL',
    () => ({ DATABASE_URL: 'postgres://ops:hunter2@127.0.0.1:1/followthrough' }),
    /^Cannot start: DATABASE_URL cannot be used \(postgres:\/\/ops:\*\*\*@127\.0\.0\.1:1\/followthrough\): connect ECONNREFUSED/,
  ],
  ['a malformed DATABASE_URL', () => ({ DATABASE_URL: 'mysql://x' }), /^Cannot start: DATABASE_URL must start with postgres:\/\//],
  [
    'Teams without MICROSOFT_APP_PASSWORD',
    () => ({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: 'tenant' }),
    /^Cannot start: MICROSOFT_APP_PASSWORD is missing: MICROSOFT_APP_ID is set, and a SingleTenant Azure Bot needs its client secret\. Where to get it: Azure portal/,
  ],
  [
    'Teams without MICROSOFT_APP_TENANT_ID',
    () => ({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'p' }),
    /^Cannot start: MICROSOFT_APP_TENANT_ID is required for a SingleTenant Azure Bot/,
  ],
  [
    'MICROSOFT_APP_PASSWORD without MICROSOFT_APP_ID',
    () => ({ MICROSOFT_APP_PASSWORD: 'p' }),
    /^Cannot start: MICROSOFT_APP_ID is not set, but Teams is enabled \(MICROSOFT_APP_PASSWORD is set\)/,
  ],
  [
    'FOLLOWTHROUGH_ADAPTERS=teams with nothing',
    () => ({ FOLLOWTHROUGH_ADAPTERS: 'teams' }),
    /^Cannot start: MICROSOFT_APP_ID is not set, but Teams is enabled \(FOLLOWTHROUGH_ADAPTERS=teams\)/,
  ],
  [
    'unauthenticated Teams on every interface',
    () => ({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', HOST: '0.0.0.0' }),
    /^Cannot start: HOST is 0\.0\.0\.0, but Teams runs without authentication.*Refusing to start Teams unauthenticated/,
  ],
  [
    'PORT in use',
    () => ({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', HOST: '127.0.0.1', PORT: String(busyPort) }),
    /^Cannot start: PORT=\d+ is already in use on HOST=127\.0\.0\.1.*Where to get it: a free TCP port/,
  ],
  [
    'a malformed PORT',
    () => ({ PORT: 'eighty' }),
    /^Cannot start: PORT must be a whole number from 0 to 65535\. Where to get it: a TCP port/,
  ],
  [
    'several malformed variables',
    () => ({ PORT: 'eighty', LOG_LEVEL: 'loud' }),
    /^Cannot start: PORT must be a whole number from 0 to 65535 \(also wrong: LOG_LEVEL\)/,
  ],
  [
    'an unknown FOLLOWTHROUGH_DEFAULT_TZ',
    () => ({ FOLLOWTHROUGH_DEFAULT_TZ: 'Mars/Olympus' }),
    /^Cannot start: FOLLOWTHROUGH_DEFAULT_TZ is not an IANA time zone/,
  ],
  [
    'an unknown adapter',
    () => ({ FOLLOWTHROUGH_ADAPTERS: 'irc' }),
    /^Cannot start: FOLLOWTHROUGH_ADAPTERS must be "auto" or a comma-separated list/,
  ],
  [
    'nothing configured and standard input closed',
    () => ({}),
    /^Console input ended before any command: standard input is closed or empty\. No Slack or Teams variable is set, so Followthrough ran the console adapter\. To run a bot set SLACK_BOT_TOKEN/,
  ],
];

describe.concurrent('start-up failures: one line, the variable named, exit code 2', () => {
  it.each(cases)('%s', async (name, env, line) => {
    // A database file of its own per case: the cases run side by side, and processes that share one
    // new file race to create it (CI failed on exactly that); each case is about its own variable.
    const db = join(dir.dir, `${name.replace(/[^A-Za-z0-9]+/g, '-')}.db`);
    const result = await runCli(['start'], { env: { FOLLOWTHROUGH_DB: db, ...env() } });
    // Log lines a library wrote on the way (JSON, through the logger) may precede it; nothing else may.
    const lines = result.stderr.trimEnd().split('\n');
    const logs = lines.filter((l) => l.startsWith('{'));
    for (const log of logs) expect(() => JSON.parse(log)).not.toThrow();
    expect(lines.filter((l) => !l.startsWith('{'))).toEqual([expect.stringMatching(line)]);
    expect(result.stderr).not.toMatch(/\n\s+at |hunter2/);
    expect(result.code).toBe(2);
  });
});
