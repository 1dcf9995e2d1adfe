/**
 * The manifest creates a working app: every Web API method the adapter calls is covered by one of its
 * bot scopes, every command the code registers is declared (with should_escape), every event the code
 * listens to is subscribed, and every action id the renderer can produce reaches the action listener.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_ID_PATTERN, BUTTON_IDS, actionIdFor, buttonFromActionId } from '../../adapters/slack/action-ids.js';
import { SLASH_COMMAND } from '../../adapters/slack/listen-commands.js';

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
  'conversations.open': ['im:write', 'mpim:write', 'channels:manage', 'groups:write'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
};

describe('adapters/slack/manifest.yml', () => {
  const called = [...new Set([...source.matchAll(/\bclient\.(auth|chat|users|conversations|apps|views|reactions)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`))];

  it('finds the Web API calls in the code (the scan works)', () => {
    expect(called).toEqual(expect.arrayContaining(['auth.test', 'chat.postMessage', 'chat.update', 'users.info']));
  });

  it.each(called)('covers %s with a bot scope', (method) => {
    expect(METHOD_SCOPES, `add ${method} to METHOD_SCOPES with its scopes from Slack's reference`).toHaveProperty([method]);
    const needed = METHOD_SCOPES[method];
    if (needed.length > 0) expect(scopes.some((s) => needed.includes(s)), `${method} needs one of ${needed.join(', ')}`).toBe(true);
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
    expect(listened.sort()).toEqual(['app_mention', 'message']);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(scopes).toEqual(expect.arrayContaining(['app_mentions:read', 'im:history']));
  });

  it('turns on interactivity, Socket Mode and the App Home messages tab; declares no callback ids the code lacks', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    const callbackIds = [...source.matchAll(/callback_id:\s*'([^']+)'/g)].map((m) => m[1]);
    const declared = (manifest.features.shortcuts ?? []).map((s: { callback_id: string }) => s.callback_id);
    expect(callbackIds.sort()).toEqual(declared.sort());
  });

  it('routes every action id the renderer can produce to the action listener and back to its button', () => {
    for (const id of BUTTON_IDS) {
      for (const datePicker of [false, true]) {
        for (const repeat of [0, 2]) {
          const actionId = actionIdFor(id, { datePicker, repeat });
          expect(ACTION_ID_PATTERN.test(actionId), actionId).toBe(true);
          expect(buttonFromActionId(actionId)).toEqual({ id, datePicker });
        }
      }
    }
    expect(buttonFromActionId('someone_elses_button')).toBeUndefined();
  });
});
