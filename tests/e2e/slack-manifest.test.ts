/**
 * The manifest creates a working app: every Web API method the adapter calls is covered by one of its
 * bot scopes, every command the code registers is declared (with should_escape), every event the code
 * listens to is subscribed, and every action id the renderer can produce reaches the action listener.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_ID_PATTERN, actionIdFor, buttonFromActionId } from '../../adapters/slack/action-ids.js';
import { BUTTON_KINDS } from '../../src/commands/button-action.js';
import { SLASH_COMMAND } from '../../adapters/slack/listen-commands.js';
import { TRACK_SHORTCUT } from '../../adapters/slack/listen-add-form.js';

const dir = new URL('../../adapters/slack/', import.meta.url).pathname;
const manifest = parse(readFileSync(join(dir, 'manifest.yml'), 'utf8'));
const source = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');
const scopes: string[] = manifest.oauth_config.scopes.bot;

/** Slack's method reference: the bot scopes any one of which allows the method (none = no scope needed). */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'users.info': ['users:read'],
  'conversations.info': ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
  'users.conversations': ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
  'conversations.open': ['im:write', 'mpim:write', 'channels:manage', 'groups:write'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'chat.getPermalink': [],
  'views.open': [],
  'views.publish': [],
};

/** Slack's event reference: the bot scopes any one of which delivers the event. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  app_home_opened: [],
  member_joined_channel: ['channels:read', 'groups:read'],
};

describe('adapters/slack/manifest.yml', () => {
  const called = [
    ...new Set(
      [...source.matchAll(/\bclient\.(auth|chat|users|conversations|apps|views|reactions)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`),
    ),
  ];

  it('finds the Web API calls in the code (the scan works)', () => {
    expect(called).toEqual(expect.arrayContaining(['auth.test', 'chat.postMessage', 'chat.update', 'users.info']));
  });

  it.each(called)('covers %s with a bot scope', (method) => {
    expect(METHOD_SCOPES, `add ${method} to METHOD_SCOPES with its scopes from Slack's reference`).toHaveProperty([method]);
    const needed = METHOD_SCOPES[method];
    if (needed.length > 0)
      expect(
        scopes.some((s) => needed.includes(s)),
        `${method} needs one of ${needed.join(', ')}`,
      ).toBe(true);
  });

  it('asks for chat:write.public, so digests can reach public channels the bot has not joined', () => {
    expect(scopes).toContain('chat:write.public');
  });

  it('declares every slash command the code registers, with should_escape so @user arrives as <@U…>', () => {
    const registered = [...source.matchAll(/app\.command\((\w+)/g)].map((m) => m[1]);
    expect(registered).toEqual(['SLASH_COMMAND']);
    const declared = manifest.features.slash_commands;
    expect(declared.map((c: { command: string }) => c.command)).toEqual([SLASH_COMMAND]);
    expect(declared[0].should_escape).toBe(true);
  });

  it('subscribes to every event the code listens to', () => {
    const listened = [...source.matchAll(/app\.event\('(\w+)'/g)].map((m) => m[1]);
    expect([...new Set(listened)].sort()).toEqual(['app_home_opened', 'app_mention', 'member_joined_channel', 'message']);
    const subscribed: string[] = manifest.settings.event_subscriptions.bot_events;
    // The code's `message` listener is for DMs only: the manifest subscribes to message.im, nothing wider.
    expect([...subscribed].sort()).toEqual(['app_home_opened', 'app_mention', 'member_joined_channel', 'message.im']);
    for (const event of subscribed) {
      const needed = EVENT_SCOPES[event];
      expect(needed, `add ${event} to EVENT_SCOPES`).toBeDefined();
      if (needed.length > 0)
        expect(
          scopes.some((s) => needed.includes(s)),
          `${event} needs one of ${needed.join(', ')}`,
        ).toBe(true);
    }
  });

  it('turns on interactivity, Socket Mode and both App Home tabs', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('declares exactly the shortcuts the code listens for, as message shortcuts', () => {
    const registered = [...source.matchAll(/app\.shortcut<?\w*>?\((\w+)/g)].map((m) => m[1]);
    expect(registered).toEqual(['TRACK_SHORTCUT']);
    const declared: { callback_id: string; type: string; name: string }[] = manifest.features.shortcuts ?? [];
    expect(declared.map((s) => [s.callback_id, s.type])).toEqual([[TRACK_SHORTCUT, 'message']]);
    expect(declared[0].name.length).toBeLessThanOrEqual(24);
  });

  it('asks for no scope the code does not need', () => {
    // Each scope, and what in the code needs it.
    const why: Record<string, boolean> = {
      commands: source.includes('app.command(') && source.includes('app.shortcut'),
      'chat:write': called.includes('chat.postMessage'),
      'chat:write.public': called.includes('chat.postMessage'),
      'app_mentions:read': source.includes("app.event('app_mention'"),
      'im:history': source.includes("app.event('message'") || called.includes('conversations.history'),
      'im:write': called.includes('conversations.open'),
      'users:read': called.includes('users.info'),
      'channels:read':
        called.includes('conversations.info') ||
        called.includes('users.conversations') ||
        source.includes("app.event('member_joined_channel'"),
      'groups:read':
        called.includes('conversations.info') ||
        called.includes('users.conversations') ||
        source.includes("app.event('member_joined_channel'"),
      // conversations.info on a group DM an @mention reached: is it one (is_mpim)?
      'mpim:read': called.includes('conversations.info') && source.includes('is_mpim'),
    };
    for (const scope of scopes) expect(why[scope], `${scope} is asked for; say what needs it`).toBe(true);
  });

  it('routes every action id the renderer can produce to the action listener and back to its button', () => {
    for (const kind of BUTTON_KINDS) {
      for (const picker of [undefined, 'date', 'user'] as const) {
        for (const repeat of [0, 2]) {
          const actionId = actionIdFor(kind, { picker, repeat });
          expect(ACTION_ID_PATTERN.test(actionId), actionId).toBe(true);
          expect(buttonFromActionId(actionId)).toEqual(picker ? { kind, picker } : { kind });
        }
      }
    }
    expect(buttonFromActionId('someone_elses_button')).toBeUndefined();
  });
});
