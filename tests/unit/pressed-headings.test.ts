/**
 * The headings of a grouped message after presses (settle-pressed-rows.ts, on Teams cards and, through
 * settle-pressed-blocks.ts, on Slack blocks): a section left showing no row and counting none goes,
 * heading and all; a row whose group has no heading in the message gets a section made for it where
 * the whole message would show it (before the first section of a later group, or the closed one), in
 * the words the whole message uses. Slack and Teams read the same after every
 * press sequence.
 */
import { describe, expect, it } from 'vitest';
import { headingOfBlock, rowOfBlock } from '../../adapters/slack/action-ids.js';
import { renderSingleMessage } from '../../adapters/slack/block-kit.js';
import { patchMessage } from '../../adapters/slack/patch-message.js';
import { retallyBlocks } from '../../adapters/slack/retally-blocks.js';
import { patchReply } from '../../adapters/teams/patch-reply.js';
import type { Card, CardItem, CardSection, Reply } from '../../src/replies/reply.js';
import { settlePressedRows } from '../../src/replies/settle-pressed-rows.js';
import { tallyTitle, type CardTally } from '../../src/replies/tally.js';

const item = (id: string, group?: string): CardItem => ({
  id,
  title: `${id} title`,
  lines: [group ?? 'as listed'],
  ...(group ? { group } : {}),
  actions: [{ id: 'done', label: 'Done', target: id }],
});
const section = (heading: string, group: string, count: number, items: CardItem[]): CardSection => ({
  heading: `${heading} (${count})`,
  group,
  count,
  items,
});

/** What a reader sees on a Teams card: its title, then each heading and the rows under it. */
const onCard = (card: Card) => [card.title, ...card.sections.flatMap((s) => [s.heading, ...(s.items ?? []).map((i) => i.id)])];
/** The same read off Slack blocks: the header, each heading, each row's item. */
const onBlocks = (blocks: readonly any[]) =>
  blocks.flatMap((b) => {
    if (b.type === 'header') return [b.text.text];
    if (b.block_id?.startsWith('fthead|')) return [b.text.text.replace(/^\*|\*$/g, '')];
    const row = rowOfBlock(b.block_id);
    return row?.part === 0 ? [row.itemId] : [];
  });

/** Presses one after another on both platforms; after each, both read `seen`. The last state of each. */
function pressBoth(reply: Reply, presses: readonly [CardItem[], (string | undefined)[]][]) {
  let card = reply;
  let blocks = renderSingleMessage(reply).blocks as any[];
  for (const [rows, seen] of presses) {
    card = patchReply(card, rows).reply;
    blocks = retallyBlocks(patchMessage(blocks, rows, undefined));
    expect(onCard(card.card!)).toEqual(seen);
    expect(onBlocks(blocks)).toEqual(seen);
  }
  return { card: card.card!, blocks };
}

const ownerTally: CardTally = {
  words: 'owner',
  lead: 'Your commitments, Tue 1 Dec',
  totals: [
    { group: 'overdue', count: 2 },
    { group: 'needs-date', count: 1 },
  ],
};
/** A message as a tallied card is sent: its title from the tally, its sections, its footer. */
const tallied = (tally: CardTally, context: string, sections: CardSection[], footer: string, shared?: true): Reply => ({
  visibility: 'channel',
  text: '',
  card: { title: tallyTitle(tally), tally, context, ...(shared ? { shared } : {}), sections, footer },
});
const ownerMessage = tallied(
  ownerTally,
  'owner:U1',
  [
    section('Overdue', 'overdue', 2, [item('C-1', 'overdue'), item('C-2', 'overdue')]),
    section('Needs a date', 'needs-date', 1, [item('C-3', 'needs-date')]),
  ],
  'footer',
);

describe("a row whose group has no heading in the message gets one, in the message's own words", () => {
  it('an owner\'s message: "Reviews", then "Due soon" (not a digest\'s "Due within 7 days") made where the whole message would show them, "Done" last; emptied headings go; reopened, "Overdue" is made again at the top, counting what it holds', () => {
    const { card, blocks } = pressBoth(ownerMessage, [
      // "It's ongoing": a review now; "Needs a date" shows nothing and counts nothing, so it goes.
      [[item('C-3', 'reviews')], ['Your commitments, Tue 1 Dec — 2 overdue · 1 review', 'Overdue (2)', 'C-1', 'C-2', 'Reviews (1)', 'C-3']],
      // "Due soon" comes before "Reviews" in an owner's message: made there, not after it.
      [
        [item('C-1', 'due-soon')],
        [
          'Your commitments, Tue 1 Dec — 1 overdue · 1 due soon · 1 review',
          'Overdue (1)',
          'C-2',
          'Due soon (1)',
          'C-1',
          'Reviews (1)',
          'C-3',
        ],
      ],
      [
        [item('C-2', 'done')],
        ['Your commitments, Tue 1 Dec — 1 due soon · 1 review · 1 done', 'Due soon (1)', 'C-1', 'Reviews (1)', 'C-3', 'Done (1)', 'C-2'],
      ],
      // Reopened: no "Overdue" heading any more, so one is made at the top, where the whole message shows it; "Done" goes.
      [
        [item('C-2', 'overdue')],
        [
          'Your commitments, Tue 1 Dec — 1 overdue · 1 due soon · 1 review',
          'Overdue (1)',
          'C-2',
          'Due soon (1)',
          'C-1',
          'Reviews (1)',
          'C-3',
        ],
      ],
      // Back to its first group: still one overdue, counted once (C-1 left, C-2 came back).
      [[item('C-1', 'overdue')], ['Your commitments, Tue 1 Dec — 2 overdue · 1 review', 'Overdue (2)', 'C-2', 'C-1', 'Reviews (1)', 'C-3']],
    ]);
    // The made sections know their group and what it held when sent, on both sides, so later presses count them like any other.
    expect(card.sections.map(({ group, count, made }) => ({ group, count, made }))).toEqual([
      { group: 'overdue', count: 2, made: true },
      { group: 'reviews', count: 0, made: true },
    ]);
    const heads = blocks.flatMap((b) => (b.block_id?.startsWith('fthead|') ? [b.block_id] : []));
    expect(heads).toEqual(['fthead|999|overdue|2', 'fthead|999|reviews|0']);
    expect(heads.map(headingOfBlock)).toEqual([
      { group: 'overdue', count: 2 },
      { group: 'reviews', count: 0 },
    ]);
    // Nothing else on the message moved: the footer is still last.
    expect(blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: 'footer' }] });
    expect(card.footer).toBe('footer');
  });

  const list: Reply = {
    visibility: 'private',
    text: '',
    card: {
      title: 'Commitments in this channel',
      context: 'list:',
      sections: [
        section('Overdue', 'overdue', 1, [item('C-1')]),
        section('Needs a date', 'needs-date', 1, [item('C-2')]),
        section('Done or dropped', 'closed', 1, [item('C-9')]),
      ],
    },
  };

  it('a list (no tally): made where the whole list would show it (before a later group, or its own "Done or dropped"), in the list\'s words, counted from the rows that left its group', () => {
    pressBoth(list, [
      [
        [item('C-1', 'later')],
        ['Commitments in this channel', 'Needs a date (1)', 'C-2', 'Later (1)', 'C-1', 'Done or dropped (1)', 'C-9'],
      ],
      // "Due within 7 days" comes before "Later" in a list: made there.
      [
        [item('C-2', 'due-soon')],
        ['Commitments in this channel', 'Due within 7 days (1)', 'C-2', 'Later (1)', 'C-1', 'Done or dropped (1)', 'C-9'],
      ],
      // Back where it was listed: "Overdue" is made again at the top, counting it once (not twice, not zero).
      [
        [item('C-1', 'overdue')],
        ['Commitments in this channel', 'Overdue (1)', 'C-1', 'Due within 7 days (1)', 'C-2', 'Done or dropped (1)', 'C-9'],
      ],
      // The list's own closed section emptied by a reopen goes too; closed again, a "Done" is made for it.
      [[item('C-9', 'overdue')], ['Commitments in this channel', 'Overdue (2)', 'C-1', 'C-9', 'Due within 7 days (1)', 'C-2']],
      [[item('C-9', 'done')], ['Commitments in this channel', 'Overdue (1)', 'C-1', 'Due within 7 days (1)', 'C-2', 'Done (1)', 'C-9']],
    ]);
  });
});

describe('a section left with no row goes, unless its heading still counts rows the message does not show', () => {
  const tally: CardTally = {
    words: 'digest',
    lead: 'Tue 1 Dec',
    totals: [
      { group: 'overdue', count: 3 },
      { group: 'waiting', count: 1 },
    ],
  };
  // "Overdue (3)" shows two of its three: the third did not fit.
  const digest = tallied(
    tally,
    'digest:',
    [
      section('Overdue', 'overdue', 3, [item('C-1', 'overdue'), item('C-2', 'overdue')]),
      section('Waiting on an event', 'waiting', 1, [item('C-3', 'waiting')]),
    ],
    'and 1 more — type `list` to see all.',
    true,
  );

  it('"Overdue (1)" over no rows stays (the one not shown); "Waiting on an event" goes once its row is done', () => {
    pressBoth(digest, [
      [
        [item('C-1', 'done')],
        [
          'Tue 1 Dec — 2 overdue · 1 waiting on an event · 1 done',
          'Overdue (2)',
          'C-2',
          'Waiting on an event (1)',
          'C-3',
          'Done (1)',
          'C-1',
        ],
      ],
      [
        [item('C-2', 'dropped')],
        [
          'Tue 1 Dec — 1 overdue · 1 waiting on an event · 1 done · 1 dropped',
          'Overdue (1)',
          'Waiting on an event (1)',
          'C-3',
          'Done or dropped (2)',
          'C-1',
          'C-2',
        ],
      ],
      [[item('C-3', 'done')], ['Tue 1 Dec — 1 overdue · 2 done · 1 dropped', 'Overdue (1)', 'Done or dropped (3)', 'C-1', 'C-2', 'C-3']],
      // Reopened, the rows go back under "Overdue", which counts them again; "Done" goes once it holds none.
      [[item('C-1', 'overdue')], ['Tue 1 Dec — 2 overdue · 1 done · 1 dropped', 'Overdue (2)', 'C-1', 'Done or dropped (2)', 'C-2', 'C-3']],
      [
        [item('C-2', 'overdue'), item('C-3', 'waiting')],
        ['Tue 1 Dec — 3 overdue · 1 waiting on an event', 'Overdue (3)', 'C-1', 'C-2', 'Waiting on an event (1)', 'C-3'],
      ],
    ]);
  });

  it('the plain text says the same: no heading over nothing', () => {
    const done = patchReply(digest, [item('C-3', 'done')]).reply;
    expect(done.text).not.toMatch(/Waiting on an event/);
    expect(done.text.split('\n')).toEqual(expect.arrayContaining(['Overdue (3)', 'Done (1)']));
  });

  it('a card with nothing to move or drop is the same card', () => {
    expect(settlePressedRows(digest.card!)).toBe(digest.card);
  });
});
