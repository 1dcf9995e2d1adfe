// Configuration: defaults, fail-fast messages naming the variable, the adapter rule, and .env.example in step.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig, WHERE_TO_GET } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('runs on nothing: SQLite in data/ of the installation, console, UTC', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      FOLLOWTHROUGH_DB: fileURLToPath(new URL('../../data/followthrough.db', import.meta.url)),
      HOST: '127.0.0.1',
      PORT: 3978,
      FOLLOWTHROUGH_DEFAULT_TZ: 'UTC',
      FOLLOWTHROUGH_QUIET_HOURS: '20:00-08:00',
      MICROSOFT_APP_TYPE: 'SingleTenant',
      adapters: ['console'],
    });
  });

  it('enables Slack and Teams by the auto rule', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).adapters).toEqual(['slack']);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).adapters).toEqual(['slack']);
    expect(loadConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TENANT_ID: 't' }).adapters).toEqual(['teams']);
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).adapters).toEqual(['teams']);
    expect(loadConfig({ FOLLOWTHROUGH_ADAPTERS: 'console,console' }).adapters).toEqual(['console']);
  });

  it('fails fast naming the variable and where to get it', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'nope' })).toThrow(/SLACK_BOT_TOKEN must start with xoxb-.*OAuth & Permissions/);
    expect(() => loadConfig({ FOLLOWTHROUGH_DEFAULT_TZ: 'Mars/Olympus' })).toThrow(/FOLLOWTHROUGH_DEFAULT_TZ is not an IANA time zone/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ FOLLOWTHROUGH_ADAPTERS: 'slack' })).toThrow(/SLACK_BOT_TOKEN is missing.*Bot User OAuth Token/);
    expect(() => loadConfig({ FOLLOWTHROUGH_ADAPTERS: 'irc' })).toThrow(ConfigError);
  });

  it('binds every interface only for what must be reached from outside', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TENANT_ID: 't' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', TEAMS_ALLOW_UNAUTHENTICATED: 'true' })).toThrow(
      /^HOST is 0\.0\.0\.0, but Teams runs without authentication/,
    );
  });

  it('treats empty variables as unset (a copied .env.example works as is)', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', DATABASE_URL: '' }).adapters).toEqual(['console']);
  });
});

describe('.env.example', () => {
  const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
  const listed = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);

  it('lists exactly the variables of the schema, once each', () => {
    expect([...listed].sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('comments every variable, and the schema says where to get each', () => {
    const lines = example.split('\n');
    for (const name of listed) {
      const at = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(lines[at - 1], name).toMatch(/^#/);
      expect(WHERE_TO_GET[name as keyof typeof WHERE_TO_GET], name).toBeTruthy();
    }
  });

  it('parses as a valid configuration when copied unchanged', () => {
    const env = Object.fromEntries(
      example
        .split('\n')
        .filter((l) => /^[A-Z]/.test(l))
        .map((l) => l.split(/=(.*)/s).slice(0, 2)),
    );
    expect(loadConfig(env).adapters).toEqual(['console']);
  });
});
