/**
 * After a press, the counts a message says (its header, its headings) match the rows it shows, over
 * signed Slack requests and the local Web API: one of two overdue items marked done from an owner's
 * DM reads "1 overdue · … · 1 done", reopening it reads "2 overdue" again, and an answer that moves an
 * item to another group counts it there and moves it under that group's heading (made where the whole
 * message would show it when the message has none), a heading left over nothing and counting nothing goes; a
 * digest's header follows its rows the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_STATUSES } from '../../src/commitments/commitment.js';
import { reminderKindFor } from '../../src/reminders/cadence.js';
import { buildDigest } from '../../src/reminders/digest.js';
import { ownerMessage } from '../../src/reminders/owner-message.js';
import type { Reply } from '../../src/replies/reply.js';
import { blockProblem, blocksText } from '../helpers/fake-slack-blocks.js';
import { startSlackHarness, type SlackHarness } from '../helpers/fake-slack-harness.js';
import { headingAbove } from '../helpers/heading-above.js';
import { press, type PressWhat } from '../helpers/slack-press.js';

let slack: SlackHarness;
const CHANNEL = 'slack:T0FAKE:C0GENERAL';

beforeAll(async () => {
  slack = await startSlackHarness();
  for (const words of [
    'add Brief the Senate committee <@U0BOB|bob> due 2024-02-01',
    'add Circulate the minutes <@U0BOB|bob> due 2024-01-31',
    'add Set up a joint coordination mechanism <@U0BOB|bob>',
  ]) {
    const sent = await slack.slash(words);
    await slack.fake.responseTo(sent.responseUrl);
  }
});
afterAll(async () => {
  await slack?.stop();
});

interface Posted {
  ts: string;
  channel: string;
  blocks: any[];
  text: string;
}

/** Posts a reply through the app's own Slack adapter, as the outbox does. */
async function post(address: string, reply: Reply): Promise<Posted> {
  const { messageId } = await slack.app.chatAdapters.get('slack')!.deliver(address, reply, { key: `counts:${Math.random()}` });
  const message = slack.fake.messages.find((m) => m.ts === messageId)!;
  return { ts: messageId, channel: message.channel, blocks: message.blocks!, text: message.text ?? '' };
}

/** Bob presses `actionId` on `target` in the message as it is now; resolves with the message as chat.update left it. */
async function pressOn(message: Posted, target: string, actionId: string, what: PressWhat = {}): Promise<Posted> {
  const mark = slack.fake.calls.length;
  await slack.click(
    press(
      message.blocks,
      target,
      actionId,
      { ts: message.ts, ephemeral: false, user: 'U0BOB', channel: message.channel, text: message.text },
      what,
    ),
  );
  const update: any = await slack.fake.waitFor(
    (r: any) => r.method === 'chat.update' && r.args.ts === message.ts && slack.fake.calls.indexOf(r) >= mark,
  );
  expect(blockProblem(update.args.blocks)).toBeUndefined();
  return { ...message, blocks: update.args.blocks, text: update.args.text };
}

const header = (message: Posted) => blocksText(message.blocks).split('\n')[0];
const headings = (message: Posted) =>
  blocksText(message.blocks).match(
    /^(Overdue|Due soon|Needs a date|Reviews|Coming up|Due within 7 days|Done|Dropped|Done or dropped) \(\d+\)$/gm,
  );

async function bobsDailyMessage(): Promise<Posted> {
  const open = await slack.app.store.commitments.list('T0FAKE', { ownerId: 'U0BOB', statuses: ACTIVE_STATUSES });
  const reminders = open.flatMap((commitment) => {
    const kind = reminderKindFor(commitment);
    return kind ? [{ kind, commitment }] : [];
  });
  return post('slack:T0FAKE:U0BOB', ownerMessage({ id: 'U0BOB', name: 'bob' }, reminders, slack.app.core.clock.now(), 'UTC'));
}

describe("an owner's daily message in a Slack DM, after presses", () => {
  it('says "1 overdue · 1 done" once one of two overdue items is done, and "2 overdue" again once it is reopened', async () => {
    const daily = await bobsDailyMessage();
    expect(header(daily)).toMatch(/^Your commitments, .+ — 2 overdue · 1 needs a date$/);
    expect(headings(daily)).toEqual(['Overdue (2)', 'Needs a date (1)']);

    const mark = slack.fake.calls.length;
    const done = await pressOn(daily, 'C-2', 'ft_done');
    expect(header(done)).toMatch(/^Your commitments, .+ — 1 overdue · 1 needs a date · 1 done$/);
    // The done row leaves Overdue at once: it is read under a Done heading, not among the overdue.
    expect(headings(done)).toEqual(['Overdue (1)', 'Needs a date (1)', 'Done (1)']);
    const text = blocksText(done.blocks);
    expect(text).toMatch(/C-2 Circulate the minutes\ndone .*\n\[Reopen\]/);
    expect(headingAbove(text, 'C-2')).toBe('Done (1)');
    expect(text).toMatch(/C-1 Brief the Senate committee\n.*overdue/);
    expect(headingAbove(text, 'C-1')).toBe('Overdue (1)');
    expect(headingAbove(done.text, 'C-2')).toBe('Done (1)');
    // Bob's App Home, republished after the press (C-2, done, is no longer in it), counts what it lists.
    // Waited for by what it shows: a refresh from the adds before may still arrive after the press.
    const home: any = await slack.fake.waitFor(
      (r: any) =>
        r.method === 'views.publish' &&
        r.args.user_id === 'U0BOB' &&
        slack.fake.calls.indexOf(r) >= mark &&
        !blocksText(r.args.view.blocks).includes('C-2 Circulate the minutes'),
    );
    expect(blocksText(home.args.view.blocks)).toMatch(/^Overdue \(1\)$/m);

    // The counts come from the rows as they are, not from what the message said before.
    const reopened = await pressOn(done, 'C-2', 'ft_reopen');
    expect(header(reopened)).toMatch(/^Your commitments, .+ — 2 overdue · 1 needs a date$/);
    expect(headings(reopened)).toEqual(['Overdue (2)', 'Needs a date (1)']);
    expect(headingAbove(blocksText(reopened.blocks), 'C-2')).toBe('Overdue (2)');
    expect(blocksText(reopened.blocks)).not.toMatch(/^Done \(\d+\)$/m);

    // Marked done again from where it came back to, it goes under Done again.
    const again = await pressOn(reopened, 'C-2', 'ft_done');
    expect(headings(again)).toEqual(['Overdue (1)', 'Needs a date (1)', 'Done (1)']);
    expect(headingAbove(blocksText(again.blocks), 'C-2')).toBe('Done (1)');
    await pressOn(again, 'C-2', 'ft_reopen');
  });

  it('counts an answered item in the group it moved to: "It\'s ongoing" turns "1 needs a date" into "1 review"', async () => {
    const daily = await bobsDailyMessage();
    expect(header(daily)).toMatch(/— 2 overdue · 1 needs a date$/);
    const ongoing = await pressOn(daily, 'C-3', 'ft_set-date', { choice: 'ongoing' });
    expect(blocksText(ongoing.blocks)).toMatch(/📅 bob made C-3 an ongoing duty/);
    expect(header(ongoing)).toMatch(/^Your commitments, .+ — 2 overdue · 1 review$/);
    // The message had no "Reviews" heading: one is made where the whole message would show it (after
    // "Needs a date", the last open group here), in the words the daily message uses, and "Needs a date", left with nothing, goes rather than read "(0)".
    expect(headings(ongoing)).toEqual(['Overdue (2)', 'Reviews (1)']);
    expect(headingAbove(blocksText(ongoing.blocks), 'C-3')).toBe('Reviews (1)');
    expect(rowOrder(blocksText(ongoing.blocks))).toEqual(['C-1', 'C-2', 'C-3']);
    expect(blocksText(ongoing.blocks)).not.toMatch(/Needs a date/);
    expect(headingAbove(ongoing.text, 'C-3')).toBe('Reviews (1)');
  });
});

describe('a channel digest in Slack, after a press', () => {
  it('says the counts of the rows it shows: one of two overdue done reads "1 overdue · … · 1 done"', async () => {
    const commitments = await slack.app.store.commitments.list('T0FAKE', { channel: CHANNEL, statuses: ACTIVE_STATUSES });
    const now = slack.app.core.clock.now();
    const digest = await post(
      CHANNEL,
      buildDigest({ channelName: 'general', commitments, proposedCount: 0, changes: [], unreachable: [], now, weekly: true }) as Reply,
    );
    expect(header(digest)).toMatch(/^\S+ \d+ \S+ — 2 overdue · 1 ongoing$/);
    const done = await pressOn(digest, 'C-1', 'ft_done');
    expect(header(done)).toMatch(/^\S+ \d+ \S+ — 1 overdue · 1 ongoing · 1 done$/);
    expect(blocksText(done.blocks)).toMatch(/^Overdue \(1\)$/m);
    expect(headingAbove(blocksText(done.blocks), 'C-1')).toBe('Done (1)');
    expect(headingAbove(blocksText(done.blocks), 'C-2')).toBe('Overdue (1)');
    // The fallback text (notifications, screen readers) says the same counts as the blocks.
    expect(done.text.split('\n')[0]).toBe(header(done));
    expect(done.text).toMatch(/^\*Overdue \(1\)\*$/m);
    expect(blocksText(done.blocks)).toMatch(/Commitments digest for #general/);
  });
});

describe('a row whose group changes goes under the heading of its new group (Slack)', () => {
  it('"It\'s ongoing" moves a row from "Needs a date" to the end of "Reviews", and a date picked in the past to the end of "Overdue"', async () => {
    for (const words of ['add Draft the liaison terms <@U0BOB|bob>', 'add Name the border officers <@U0BOB|bob>']) {
      const sent = await slack.slash(words);
      await slack.fake.responseTo(sent.responseUrl);
    }
    // C-1 is done by now and C-3 an ongoing duty (the tests above): C-2 overdue, C-4 and C-5 need a date.
    const daily = await bobsDailyMessage();
    expect(header(daily)).toMatch(/^Your commitments, .+ — 1 overdue · 2 need a date · 1 review$/);
    expect(headings(daily)).toEqual(['Overdue (1)', 'Needs a date (2)', 'Reviews (1)']);

    const ongoing = await pressOn(daily, 'C-4', 'ft_set-date', { choice: 'ongoing' });
    expect(header(ongoing)).toMatch(/^Your commitments, .+ — 1 overdue · 1 needs a date · 2 reviews$/);
    expect(headings(ongoing)).toEqual(['Overdue (1)', 'Needs a date (1)', 'Reviews (2)']);
    const text = blocksText(ongoing.blocks);
    expect(headingAbove(text, 'C-4')).toBe('Reviews (2)');
    expect(headingAbove(text, 'C-5')).toBe('Needs a date (1)');
    expect(rowOrder(text)).toEqual(['C-2', 'C-5', 'C-3', 'C-4']);
    // The fallback text reads the same.
    expect(headingAbove(ongoing.text, 'C-4')).toBe('Reviews (2)');

    const day = new Date(slack.app.core.clock.now().getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
    const dated = await pressOn(ongoing, 'C-5', 'ft_set-date.date', { date: day });
    expect(header(dated)).toMatch(/^Your commitments, .+ — 2 overdue · 2 reviews$/);
    // "Needs a date" shows nothing and counts nothing now: its heading goes.
    expect(headings(dated)).toEqual(['Overdue (2)', 'Reviews (2)']);
    expect(headingAbove(blocksText(dated.blocks), 'C-5')).toBe('Overdue (2)');
    expect(rowOrder(blocksText(dated.blocks))).toEqual(['C-2', 'C-5', 'C-3', 'C-4']);

    // Ended from where it moved to, it goes under Done; reopened, back under Reviews (its group's heading).
    const done = await pressOn(dated, 'C-4', 'ft_review~1');
    expect(blocksText(done.blocks)).toMatch(/C-4 has ended/);
    expect(headings(done)).toEqual(['Overdue (2)', 'Reviews (1)', 'Done (1)']);
    expect(headingAbove(blocksText(done.blocks), 'C-4')).toBe('Done (1)');
    const reopened = await pressOn(done, 'C-4', 'ft_reopen');
    expect(header(reopened)).toMatch(/^Your commitments, .+ — 2 overdue · 2 reviews$/);
    expect(headings(reopened)).toEqual(['Overdue (2)', 'Reviews (2)']);
    expect(rowOrder(blocksText(reopened.blocks))).toEqual(['C-2', 'C-5', 'C-3', 'C-4']);
  });

  it('a date weeks ahead makes a "Coming up" section; "Overdue" emptied goes, and is made again where the whole message would show it (at the top) when a row comes back', async () => {
    const sent = await slack.slash('add Draft the audit scope <@U0BOB|bob>');
    await slack.fake.responseTo(sent.responseUrl);
    // By now: C-2 and C-5 overdue, C-3 and C-4 ongoing (reviews), C-6 with no date.
    const daily = await bobsDailyMessage();
    expect(headings(daily)).toEqual(['Overdue (2)', 'Needs a date (1)', 'Reviews (2)']);

    const ahead = new Date(slack.app.core.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const dated = await pressOn(daily, 'C-6', 'ft_set-date.date', { date: ahead });
    expect(header(dated)).toMatch(/^Your commitments, .+ — 2 overdue · 2 reviews · 1 coming up$/);
    expect(headings(dated)).toEqual(['Overdue (2)', 'Reviews (2)', 'Coming up (1)']);
    expect(headingAbove(blocksText(dated.blocks), 'C-6')).toBe('Coming up (1)');
    expect(rowOrder(blocksText(dated.blocks))).toEqual(['C-2', 'C-5', 'C-3', 'C-4', 'C-6']);

    const one = await pressOn(dated, 'C-2', 'ft_done');
    const both = await pressOn(one, 'C-5', 'ft_done');
    expect(header(both)).toMatch(/^Your commitments, .+ — 2 reviews · 1 coming up · 2 done$/);
    // Nothing overdue is left, shown or not: no "Overdue (0)" over nothing.
    expect(headings(both)).toEqual(['Reviews (2)', 'Coming up (1)', 'Done (2)']);
    expect(rowOrder(blocksText(both.blocks))).toEqual(['C-3', 'C-4', 'C-6', 'C-2', 'C-5']);
    expect(both.text).not.toMatch(/Overdue/);

    // Reopened, C-2 is overdue again: its heading is made where the whole message would show it, at the
    // top before "Reviews" (the owner message's order), not after the open sections.
    const back = await pressOn(both, 'C-2', 'ft_reopen');
    expect(header(back)).toMatch(/^Your commitments, .+ — 1 overdue · 2 reviews · 1 coming up · 1 done$/);
    expect(headings(back)).toEqual(['Overdue (1)', 'Reviews (2)', 'Coming up (1)', 'Done (1)']);
    expect(headingAbove(blocksText(back.blocks), 'C-2')).toBe('Overdue (1)');
    expect(rowOrder(blocksText(back.blocks))).toEqual(['C-2', 'C-3', 'C-4', 'C-6', 'C-5']);
    // The fallback text reads the same headings in the same order.
    expect(back.text.match(/^\*[A-Z][\w ]+ \(\d+\)\*$/gm)).toEqual(['*Overdue (1)*', '*Reviews (2)*', '*Coming up (1)*', '*Done (1)*']);
  });
});

/** The commitments a message's text shows, in the order it shows them. */
function rowOrder(text: string): string[] {
  return [...text.matchAll(/^\*?(C-\d+) /gm)].map((m) => m[1]);
}
