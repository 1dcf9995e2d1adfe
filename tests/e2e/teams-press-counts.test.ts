/**
 * After a press, the counts a Teams card says (its title, its headings) match the rows it shows,
 * with real Bot Framework activities against a local connector: one of two overdue items marked done
 * from an owner's 1:1 card reads "1 overdue · … · 1 done" for the presser (invoke response) and in
 * the card everyone sees (updateActivity), reopening it reads "2 overdue" again, and a channel
 * digest's title follows its rows the same way. A row whose group changes ("It's ongoing", a date
 * picked) goes under the heading of its new group, made where the whole card would show it when the
 * card has none; a heading left over nothing and counting nothing goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_STATUSES } from '../../src/commitments/commitment.js';
import { reminderKindFor } from '../../src/reminders/cadence.js';
import { buildDigest } from '../../src/reminders/digest.js';
import { ownerMessage } from '../../src/reminders/owner-message.js';
import type { Reply } from '../../src/replies/reply.js';
import type { ConnectorCall } from '../helpers/fake-connector.js';
import {
  BOB,
  CHANNEL_ID,
  TENANT,
  channelMessage,
  fixture,
  personalMessage,
  postActivity,
  pressOnCard,
  replyText,
} from '../helpers/fake-connector-activities.js';
import { headingAbove } from '../helpers/heading-above.js';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.js';

const CHANNEL = `teams:${TENANT}:${CHANNEL_ID}`;
let teams: TeamsHarness;

beforeAll(async () => {
  teams = await startTeamsHarness();
  const { connector, base } = teams;
  await postActivity(base, fixture('installation-add', connector.url));
  // Bob's 1:1 with the bot, where his daily message goes.
  await postActivity(base, personalMessage(connector.url, 'help', BOB));
  for (const words of [
    'add Brief the Senate committee @bob due 2024-02-01',
    'add Circulate the minutes @bob due 2024-01-31',
    'add Set up a joint coordination mechanism @bob',
  ]) {
    await postActivity(base, channelMessage(connector.url, words, { mentions: [BOB] }));
  }
});
afterAll(async () => {
  await teams?.stop();
});

/** Delivers a reply through the app's own Teams adapter, as the outbox does; the post that carried it. */
async function deliver(address: string, reply: Reply): Promise<ConnectorCall> {
  const { messageId } = await teams.app.chatAdapters.get('teams')!.deliver(address, reply, { key: `counts:${Math.random()}` });
  const activityId = messageId.slice(messageId.lastIndexOf('|') + 1);
  const call = [...teams.connector.calls].reverse().find((c) => c.method === 'POST' && c.answeredId === activityId)!;
  const body = call.body.activity ?? call.body;
  const conversationId = call.conversationId ?? messageId.slice(0, messageId.lastIndexOf('|'));
  return { ...call, body, conversationId, answeredId: activityId };
}

/** Bob presses `verb` on `target` (the button `which.title` names, with `which.inputs`); what the presser is shown and what everyone's card now reads. */
async function pressOn(
  card: ConnectorCall,
  verb: string,
  target: string,
  which: { title?: string; inputs?: Record<string, string> } = {},
): Promise<{ mine: string; everyone: ConnectorCall }> {
  const mark = teams.connector.calls.length;
  const pressed = await postActivity(teams.base, pressOnCard(teams.connector.url, card, verb, target, { from: BOB, ...which }));
  expect(pressed.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  const edit = teams.connector.calls.slice(mark).find((c) => c.method === 'PUT' && c.activityId === card.answeredId)!;
  expect(edit).toBeDefined();
  return { mine: cardText({ attachments: [{ content: pressed.body.value }] }), everyone: { ...card, body: edit.body } };
}

/** The card's own text blocks, the title first (without the activity's plain-text summary). */
const cardText = (body: any) => replyText({ attachments: body.attachments }).split('\n').slice(1).join('\n');
const title = (text: string) => text.split('\n')[0];
const headings = (text: string) =>
  text.match(/^(Overdue|Due soon|Needs a date|Reviews|Coming up|Due within 7 days|Done|Dropped|Done or dropped) \(\d+\)$/gm);

async function bobsDailyMessage(): Promise<ConnectorCall> {
  const open = await teams.app.store.commitments.list(TENANT, { ownerId: BOB.aadObjectId, statuses: ACTIVE_STATUSES });
  const reminders = open.flatMap((commitment) => {
    const kind = reminderKindFor(commitment);
    return kind ? [{ kind, commitment }] : [];
  });
  const bob = await teams.app.store.users.get(TENANT, BOB.aadObjectId);
  expect(bob?.dmAddress).toBeDefined();
  return deliver(bob!.dmAddress!, ownerMessage({ id: BOB.aadObjectId, name: BOB.name }, reminders, teams.app.core.clock.now(), 'UTC'));
}

describe("an owner's daily message in a Teams 1:1, after presses", () => {
  it('says "1 overdue · 1 done" once one of two overdue items is done, and "2 overdue" again once it is reopened', async () => {
    const daily = await bobsDailyMessage();
    const before = cardText(daily.body);
    expect(title(before)).toMatch(/^Your commitments, .+ — 2 overdue · 1 needs a date$/);
    expect(headings(before)).toEqual(['Overdue (2)', 'Needs a date (1)']);

    const done = await pressOn(daily, 'done', 'C-2');
    for (const shown of [done.mine, cardText(done.everyone.body)]) {
      expect(title(shown)).toMatch(/^Your commitments, .+ — 1 overdue · 1 needs a date · 1 done$/);
      // The done row leaves Overdue at once: it is read under a Done heading, not among the overdue.
      expect(headings(shown)).toEqual(['Overdue (1)', 'Needs a date (1)', 'Done (1)']);
      expect(shown).toMatch(/C-2 Circulate the minutes\ndone /);
      expect(headingAbove(shown, 'C-2')).toBe('Done (1)');
      expect(shown).toMatch(/C-1 Brief the Senate committee\n.*overdue/);
      expect(headingAbove(shown, 'C-1')).toBe('Overdue (1)');
    }
    // The summary and the fallback text (notifications, the activity feed, clients without cards)
    // say what the card now shows: the new counts, the pressed row done, and who did it.
    for (const said of [done.everyone.body.summary, done.everyone.body.attachments[0].content.fallbackText]) {
      expect(said).toMatch(/^Your commitments, .+ — 1 overdue · 1 needs a date · 1 done\n/);
      expect(said).toMatch(/^Overdue \(1\)$/m);
      expect(said).toMatch(/^C-2 Circulate the minutes\n {2}done /m);
      expect(headingAbove(said, 'C-2')).toBe('Done (1)');
      expect(said).toMatch(/✅ Bob Lee marked C-2 done/);
      expect(said).not.toMatch(/2 overdue/);
    }

    const reopened = await pressOn(done.everyone, 'reopen', 'C-2');
    expect(title(reopened.mine)).toMatch(/^Your commitments, .+ — 2 overdue · 1 needs a date$/);
    expect(headings(reopened.mine)).toEqual(['Overdue (2)', 'Needs a date (1)']);
    expect(headingAbove(reopened.mine, 'C-2')).toBe('Overdue (2)');
  });
});

describe('a list in a Teams channel, after a press', () => {
  it('counts its headings again: "Overdue (2)" reads "Overdue (1)" once one is done, and "(2)" once it is reopened', async () => {
    const mark = teams.connector.calls.length;
    await postActivity(teams.base, channelMessage(teams.connector.url, 'list'));
    const list = teams.connector.posted().find((c) => teams.connector.calls.indexOf(c) >= mark)!;
    expect(cardText(list.body)).toMatch(/^Overdue \(2\)$/m);
    const done = await pressOn(list, 'done', 'C-2');
    for (const shown of [done.mine, cardText(done.everyone.body)]) {
      expect(shown).toMatch(/^Overdue \(1\)$/m);
      expect(shown).toMatch(/C-2 Circulate the minutes\ndone /);
      expect(headingAbove(shown, 'C-2')).toBe('Done (1)');
    }
    const reopened = await pressOn(done.everyone, 'reopen', 'C-2');
    expect(reopened.mine).toMatch(/^Overdue \(2\)$/m);
    expect(headingAbove(reopened.mine, 'C-2')).toBe('Overdue (2)');
    expect(reopened.mine).not.toMatch(/^Done \(\d+\)$/m);
  });
});

describe('a channel digest in Teams, after a press', () => {
  it('says the counts of the rows it shows: one of two overdue done reads "1 overdue · … · 1 done"', async () => {
    const commitments = await teams.app.store.commitments.list(TENANT, { channel: CHANNEL, statuses: ACTIVE_STATUSES });
    const now = teams.app.core.clock.now();
    const digest = await deliver(
      CHANNEL,
      buildDigest({ channelName: 'General', commitments, proposedCount: 0, changes: [], unreachable: [], now, weekly: true }) as Reply,
    );
    expect(title(cardText(digest.body))).toMatch(/^\S+ \d+ \S+ — 2 overdue · 1 with no deadline$/);
    const done = await pressOn(digest, 'done', 'C-1');
    for (const shown of [done.mine, cardText(done.everyone.body)]) {
      expect(title(shown)).toMatch(/^\S+ \d+ \S+ — 1 overdue · 1 with no deadline · 1 done$/);
      expect(shown).toMatch(/^Overdue \(1\)$/m);
      expect(headingAbove(shown, 'C-1')).toBe('Done (1)');
      expect(shown).toMatch(/Commitments digest for #General/);
    }
  });
});

describe('a row whose group changes goes under the heading of its new group (Teams)', () => {
  it('"It\'s ongoing" moves a row from "Needs a date" to the end of "Reviews", and a date picked in the past to the end of "Overdue"', async () => {
    for (const words of ['add Draft the liaison terms @bob', 'add Name the border officers @bob']) {
      await postActivity(teams.base, channelMessage(teams.connector.url, words, { mentions: [BOB] }));
    }
    // C-1 is done by now (the digest above): C-2 overdue; C-3, C-4 and C-5 need a date.
    const first = await bobsDailyMessage();
    expect(headings(cardText(first.body))).toEqual(['Overdue (1)', 'Needs a date (3)']);
    // No "Reviews" heading on this card: one is made for the row made ongoing where the whole card would
    // show it (after "Needs a date", the last open group here).
    const made = await pressOn(first, 'set-date', 'C-3', { title: "It's ongoing" });
    for (const shown of [made.mine, cardText(made.everyone.body), made.everyone.body.summary]) {
      expect(title(shown)).toMatch(/^Your commitments, .+ — 1 overdue · 2 need a date · 1 review$/);
      expect(headings(shown)).toEqual(['Overdue (1)', 'Needs a date (2)', 'Reviews (1)']);
      expect(headingAbove(shown, 'C-3')).toBe('Reviews (1)');
      expect(rowOrder(shown)).toEqual(['C-2', 'C-4', 'C-5', 'C-3']);
    }

    const daily = await bobsDailyMessage();
    expect(headings(cardText(daily.body))).toEqual(['Overdue (1)', 'Needs a date (2)', 'Reviews (1)']);
    const ongoing = await pressOn(daily, 'set-date', 'C-4', { title: "It's ongoing" });
    for (const shown of [ongoing.mine, cardText(ongoing.everyone.body), ongoing.everyone.body.summary]) {
      expect(title(shown)).toMatch(/^Your commitments, .+ — 1 overdue · 1 needs a date · 2 reviews$/);
      expect(headings(shown)).toEqual(['Overdue (1)', 'Needs a date (1)', 'Reviews (2)']);
      expect(headingAbove(shown, 'C-4')).toBe('Reviews (2)');
      expect(headingAbove(shown, 'C-5')).toBe('Needs a date (1)');
      expect(rowOrder(shown)).toEqual(['C-2', 'C-5', 'C-3', 'C-4']);
    }

    const day = new Date(teams.app.core.clock.now().getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
    const dated = await pressOn(ongoing.everyone, 'set-date', 'C-5', { title: 'Pick a date', inputs: { date: day } });
    for (const shown of [dated.mine, cardText(dated.everyone.body)]) {
      expect(title(shown)).toMatch(/^Your commitments, .+ — 2 overdue · 2 reviews$/);
      // "Needs a date" shows nothing and counts nothing now: its heading goes.
      expect(headings(shown)).toEqual(['Overdue (2)', 'Reviews (2)']);
      expect(shown).not.toMatch(/Needs a date/);
      expect(headingAbove(shown, 'C-5')).toBe('Overdue (2)');
      expect(rowOrder(shown)).toEqual(['C-2', 'C-5', 'C-3', 'C-4']);
    }
  });

  it('a date weeks ahead makes a "Coming up" section; "Overdue" emptied goes, and is made again where the whole card would show it (at the top) when a row comes back', async () => {
    await postActivity(teams.base, channelMessage(teams.connector.url, 'add Draft the audit scope @bob', { mentions: [BOB] }));
    // By now: C-2 and C-5 overdue, C-3 and C-4 ongoing (reviews), C-6 with no date.
    const daily = await bobsDailyMessage();
    expect(headings(cardText(daily.body))).toEqual(['Overdue (2)', 'Needs a date (1)', 'Reviews (2)']);

    const ahead = new Date(teams.app.core.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const dated = await pressOn(daily, 'set-date', 'C-6', { title: 'Pick a date', inputs: { date: ahead } });
    for (const shown of [dated.mine, cardText(dated.everyone.body)]) {
      expect(title(shown)).toMatch(/^Your commitments, .+ — 2 overdue · 2 reviews · 1 coming up$/);
      expect(headings(shown)).toEqual(['Overdue (2)', 'Reviews (2)', 'Coming up (1)']);
      expect(headingAbove(shown, 'C-6')).toBe('Coming up (1)');
      expect(rowOrder(shown)).toEqual(['C-2', 'C-5', 'C-3', 'C-4', 'C-6']);
    }

    const one = await pressOn(dated.everyone, 'done', 'C-2');
    const both = await pressOn(one.everyone, 'done', 'C-5');
    for (const shown of [both.mine, cardText(both.everyone.body), both.everyone.body.summary]) {
      expect(title(shown)).toMatch(/^Your commitments, .+ — 2 reviews · 1 coming up · 2 done$/);
      // Nothing overdue is left, shown or not: no "Overdue (0)" over nothing.
      expect(headings(shown)).toEqual(['Reviews (2)', 'Coming up (1)', 'Done (2)']);
      expect(rowOrder(shown)).toEqual(['C-3', 'C-4', 'C-6', 'C-2', 'C-5']);
      expect(shown).not.toMatch(/^Overdue/m);
    }

    // Reopened, C-2 is overdue again: its heading is made where the whole card would show it, at the top
    // before "Reviews" (the owner message's order), not after the open sections.
    const back = await pressOn(both.everyone, 'reopen', 'C-2');
    for (const shown of [back.mine, cardText(back.everyone.body), back.everyone.body.summary]) {
      expect(title(shown)).toMatch(/^Your commitments, .+ — 1 overdue · 2 reviews · 1 coming up · 1 done$/);
      expect(headings(shown)).toEqual(['Overdue (1)', 'Reviews (2)', 'Coming up (1)', 'Done (1)']);
      expect(headingAbove(shown, 'C-2')).toBe('Overdue (1)');
      expect(rowOrder(shown)).toEqual(['C-2', 'C-3', 'C-4', 'C-6', 'C-5']);
    }
  });
});

/** The commitments a card's text shows, in the order it shows them. */
function rowOrder(text: string): string[] {
  return [...text.matchAll(/^(C-\d+) /gm)].map((m) => m[1]);
}
