/**
 * In a Teams group chat every answer says "this chat", never "this channel": the welcome, `add`'s
 * first-digest line, `remind` (read, set, off), `timezone`, `list`, `help` and the line that says
 * digests resume after the app was removed and added back. In a team channel the same commands say
 * "this channel". Real Bot Framework activities (`conversation.conversationType` `groupChat` /
 * `channel`) against the local Bot Connector and the real app; asserted on the text a person reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeConnector } from '../helpers/fake-connector.js';
import { TENANT, channelMessage, fixture } from '../helpers/fake-connector-activities.js';
import { answerTo } from '../helpers/teams-answer.js';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.js';

const CHAT_ID = '19:group-chat-ministers@thread.v2';

describe('Teams: the words for a group chat and for a channel', () => {
  let teams: TeamsHarness;
  let connector: FakeConnector;
  let base: string;

  beforeAll(async () => {
    teams = await startTeamsHarness();
    ({ connector, base } = teams);
  });
  afterAll(async () => {
    await teams?.stop();
  });

  const say = (activity: unknown) => answerTo(base, connector, activity);

  /** The words typed in the group chat (no mention needed there, as in Teams). */
  function inChat(words: string): any {
    const activity = fixture('group-chat-message', connector.url);
    activity.text = words;
    activity.entities = [];
    activity.conversation.id = CHAT_ID;
    return activity;
  }

  /** The app installed in (`add`) or removed from (`remove`) the group chat, as Teams sends it there: no team, no channel. */
  function chatInstallation(action: 'add' | 'remove'): any {
    const activity = fixture(action === 'add' ? 'installation-add' : 'installation-remove', connector.url);
    activity.conversation = { isGroup: true, conversationType: 'groupChat', tenantId: TENANT, id: CHAT_ID };
    activity.channelData = { tenant: { id: TENANT }, source: { name: 'message' } };
    return activity;
  }

  it('a group chat: welcome, add, remind, timezone, list and help all say "this chat"', async () => {
    // Installed before anyone spoke: the chat takes Alice's zone (her client's localTimezone) when she first writes.
    const welcome = await say(chatInstallation('add'));
    expect(welcome).toMatch(/Once this chat has its first commitment I post a digest on weekdays at 09:00/);

    const added = await say(inChat('add Circulate the minutes due 2099-01-31'));
    expect(added).toMatch(/added C-1: Circulate the minutes/);
    expect(added).toMatch(/This chat now gets a digest weekdays at 09:00 \(Europe\/Berlin\)\. Change it with `?remind`?\./);

    expect(await say(inChat('remind'))).toMatch(/This chat's digest: weekdays 09:00 \(Europe\/Berlin\); next /);
    expect(await say(inChat('remind daily 08:30'))).toMatch(/Alice Khan set this chat's digest to daily 08:30 \(Europe\/Berlin\); next /);
    expect(await say(inChat('timezone'))).toMatch(/This chat's time zone is Europe\/Berlin\./);
    expect(await say(inChat('list'))).toMatch(/Commitments in this chat \(1\)/);

    const help = await say(inChat('help'));
    expect(help).toMatch(/Show this chat's open commitments/);
    expect(help).toMatch(/Track a new commitment in this chat\./);
    expect(help).toMatch(/Show or set when this chat's digest goes out \(in the chat's time zone\)/);

    expect(await say(inChat('remind off'))).toMatch(/Alice Khan turned this chat's digest off\. Owners still get their own nudges\./);
    for (const text of [welcome, added, help]) expect(text).not.toMatch(/this channel|the channel's/i);
  });

  it('removed from the group chat and written to again: "I can post here again: this chat’s digests resume."', async () => {
    expect(await say(chatInstallation('remove'))).toBe('');
    const answer = await say(inChat('remind weekdays 09:00'));
    expect(answer).toMatch(/Alice Khan set this chat's digest to weekdays 09:00 \(Europe\/Berlin\); next /);
    expect(answer).toMatch(/I can post here again: this chat’s digests resume\./);
    expect(answer).not.toMatch(/this channel/);
  });

  it('a team channel: the same commands say "this channel"', async () => {
    expect(await say(channelMessage(connector.url, 'add Appoint liaison officers due 2099-03-15'))).toMatch(
      /This channel now gets a digest weekdays at 09:00/,
    );
    expect(await say(channelMessage(connector.url, 'remind'))).toMatch(/This channel's digest: weekdays 09:00 /);
    expect(await say(channelMessage(connector.url, 'list'))).toMatch(/Commitments in this channel \(1\)/);
    expect(await say(channelMessage(connector.url, 'help'))).toMatch(/Show this channel's open commitments/);
  });
});
