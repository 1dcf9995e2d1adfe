/**
 * A Teams conversation the bot was installed into before anyone spoke takes its time zone from the
 * first person who speaks there, as one first reached by a message does; a zone someone set on
 * purpose with `timezone` stays. Real Bot Framework activities (the conversationUpdate Teams sends
 * when the bot is added to a group chat, then messages carrying the sender's `localTimezone`)
 * against the local Bot Connector and the real app; asserted on what the bot answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, fixture } from '../helpers/fake-connector-activities.js';
import { answerTo } from '../helpers/teams-answer.js';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.js';

let teams: TeamsHarness;
const say = (activity: unknown) => answerTo(teams.base, teams.connector, activity);

beforeAll(async () => {
  teams = await startTeamsHarness();
});
afterAll(async () => {
  await teams?.stop();
});

/** The bot added to group chat `chatId` (conversationUpdate), before anyone has written there. */
function botAdded(chatId: string): any {
  const activity = fixture('conversation-update-bot-added', teams.connector.url);
  activity.conversation.id = chatId;
  return activity;
}

/** `words` typed in the group chat by `from`, whose Teams client is in `zone`. */
function inChat(chatId: string, words: string, from: typeof ALICE, zone: string): any {
  const activity = fixture('group-chat-message', teams.connector.url);
  activity.conversation.id = chatId;
  activity.from = { id: from.id, name: from.name, aadObjectId: from.aadObjectId };
  activity.text = words;
  activity.entities = [];
  activity.localTimezone = zone;
  return activity;
}

describe('Teams: a group chat the bot was added to before anyone spoke', () => {
  it("takes the first speaker's zone for its digests and dates; a later speaker in another zone does not move it", async () => {
    const chat = '19:group-chat-first-speaker@thread.v2';
    expect(await say(botAdded(chat))).toMatch(/type the command words/i);
    const added = await say(inChat(chat, 'add Circulate the minutes due 2099-01-31', ALICE, 'Europe/Berlin'));
    expect(added).toMatch(/added C-\d+: Circulate the minutes/);
    expect(added).toMatch(/This chat now gets a digest weekdays at 09:00 \(Europe\/Berlin\)/);
    expect(await say(inChat(chat, 'timezone', BOB, 'Asia/Karachi'))).toMatch(/This chat's time zone is Europe\/Berlin\./);
  });

  it('keeps a zone set on purpose with `timezone`, even when that was the first thing said there', async () => {
    const chat = '19:group-chat-set-zone@thread.v2';
    await say(botAdded(chat));
    expect(await say(inChat(chat, 'timezone Asia/Karachi', ALICE, 'Europe/Berlin'))).toMatch(
      /This chat's time zone is now Asia\/Karachi \(was Europe\/Berlin\)/,
    );
    expect(await say(inChat(chat, 'timezone', BOB, 'America/New_York'))).toMatch(/This chat's time zone is Asia\/Karachi\./);
  });
});
