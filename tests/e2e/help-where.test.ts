/**
 * `help` (and `accept` with nothing to accept) says what each command does where it is read: in a channel, "this channel's open
 * commitments"; in a DM or a 1:1 chat (where `list` is yours, everywhere, and there is no digest),
 * never "this channel". A signed Slack `message.im` event and a slash command in #general; a Teams 1:1
 * activity and a channel activity; asserted on the text a person reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksText } from '../helpers/fake-slack-blocks.js';
import { slackFixture, startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';
import { BOB, channelMessage, fixture, personalMessage, postActivity } from '../helpers/fake-connector-activities.js';
import { answerTo } from '../helpers/teams-answer.js';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.js';

const IN_DIRECT = [
  /Show your open commitments, in every channel/,
  /Track a new commitment here, yours unless you name owners/,
  /Show or set when a channel’s digest goes out: type it in that channel/,
  /Export every channel's commitments/,
];

describe('Slack', () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startSlackHarness();
  });
  afterAll(async () => {
    await slack?.stop();
  });

  it('in a DM: no "this channel"; in #general: "this channel"', async () => {
    const envelope = slackFixture('message-im');
    const mark = slack.fake.calls.length;
    await slack.event({ ...envelope, event_id: 'EvHELPDM', event: { ...envelope.event, user: 'U0BOB', channel: 'D0BOB', text: 'help' } });
    const post: any = await slack.fake.waitFor(
      (r: any) => r.method === 'chat.postMessage' && r.args.channel === 'D0BOB' && slack.fake.calls.indexOf(r) >= mark,
    );
    const dm = blocksText(post.args.blocks);
    for (const line of IN_DIRECT) expect(dm).toMatch(line);
    expect(dm).not.toMatch(/this channel/);

    const sent = await slack.slash('help');
    const inChannel = blocksText((await slack.fake.responseTo(sent.responseUrl)).body.blocks);
    expect(inChannel).toMatch(/Show this channel's open commitments/);
    expect(inChannel).toMatch(/Track a new commitment in this channel/);
  });
});

describe('Teams', () => {
  let teams: TeamsHarness;
  beforeAll(async () => {
    teams = await startTeamsHarness();
    await postActivity(teams.base, fixture('installation-add', teams.connector.url));
  });
  afterAll(async () => {
    await teams?.stop();
  });

  /** What the bot answered to `activity`, as its card reads. */
  const answer = (activity: unknown) => answerTo(teams.base, teams.connector, activity);

  it('in a 1:1 chat: no "this channel"; in a channel: "this channel"', async () => {
    const personal = await answer(personalMessage(teams.connector.url, 'help', BOB));
    for (const line of IN_DIRECT) expect(personal).toMatch(line);
    expect(personal).not.toMatch(/this channel/);
    const help = await answer(personalMessage(teams.connector.url, 'help list', BOB));
    expect(help).toMatch(/Show your open commitments, in every channel/);
    // Nothing to accept in this chat: said without calling it a channel.
    expect(await answer(personalMessage(teams.connector.url, 'accept all', BOB))).toMatch(/There are no proposed commitments here\./);

    const inChannel = await answer(channelMessage(teams.connector.url, 'help'));
    expect(inChannel).toMatch(/Show this channel's open commitments/);
  });
});
