/**
 * The counts a card says after presses, worked out from how its shown rows moved (src/replies/tally.ts),
 * the Slack block ids that carry them through a message and back (adapters/slack/action-ids.ts), and
 * a pressed row moved under the heading of its group now (settle-pressed-rows.ts, settle-pressed-blocks.ts).
 */
import { describe, expect, it } from 'vitest';
import { headingBlockId, headingOfBlock, rowBlockId, rowOfBlock, tallyBlockId, tallyOfBlock } from '../../adapters/slack/action-ids.js';
import { BLOCK_LIMITS, renderSingleMessage } from '../../adapters/slack/block-kit.js';
import { patchMessage } from '../../adapters/slack/patch-message.js';
import { retallyBlocks } from '../../adapters/slack/retally-blocks.js';
import { settlePressedBlocks } from '../../adapters/slack/settle-pressed-blocks.js';
import { patchReply } from '../../adapters/teams/patch-reply.js';
import { pressedRowMoves, settlePressedRows } from '../../src/replies/settle-pressed-rows.js';
import type { Card, CardItem, CardSection, Reply } from '../../src/replies/reply.js';
import { recountHeading, retallied, sectionCount, tallyTitle, type CardTally } from '../../src/replies/tally.js';

const owner: CardTally = {
  words: 'owner',
  lead: 'Your commitments, Tue 1 Dec',
  totals: [
    { group: 'overdue', count: 2 },
    { group: 'needs-date', count: 5 },
    { group: 'reviews', count: 1 },
  ],
};

describe('tallyTitle: the title from the rows as shown', () => {
  it.each([
    ['as sent', [], 'Your commitments, Tue 1 Dec — 2 overdue · 5 need a date · 1 review'],
    [
      'one overdue done',
      [{ section: 'overdue', group: 'done' }],
      'Your commitments, Tue 1 Dec — 1 overdue · 5 need a date · 1 review · 1 done',
    ],
    [
      'both overdue done, one dropped',
      [
        { section: 'overdue', group: 'done' },
        { section: 'overdue', group: 'dropped' },
      ],
      'Your commitments, Tue 1 Dec — 5 need a date · 1 review · 1 done · 1 dropped',
    ],
    [
      'a dated item now due soon',
      [{ section: 'needs-date', group: 'due-soon' }],
      'Your commitments, Tue 1 Dec — 2 overdue · 1 due soon · 4 need a date · 1 review',
    ],
    [
      'rows still where they were',
      [{ section: 'overdue', group: 'overdue' }, { section: 'reviews' }],
      'Your commitments, Tue 1 Dec — 2 overdue · 5 need a date · 1 review',
    ],
  ])('%s', (_name, rows, title) => {
    expect(tallyTitle(owner, rows)).toBe(title);
  });

  it('a digest counts in its own words, and says its changes when nothing is counted', () => {
    const digest: CardTally = { words: 'digest', lead: 'Tue 30 Jan', totals: [{ group: 'due-soon', count: 1 }], otherwise: '2 changes' };
    expect(tallyTitle(digest)).toBe('Tue 30 Jan — 1 due within 7 days');
    expect(tallyTitle({ ...digest, totals: [] })).toBe('Tue 30 Jan — 2 changes');
  });
});

describe('headings', () => {
  it('count what is still in their group; the rest of the heading stays', () => {
    const rows = [{ section: 'overdue', group: 'done' }, { section: 'overdue' }, { section: 'needs-date', group: 'overdue' }];
    expect(sectionCount(2, 'overdue', rows)).toBe(1);
    expect(sectionCount(5, 'needs-date', rows)).toBe(4);
    // A list's "Done or dropped" holds both; a reopened row leaves it.
    expect(
      sectionCount(2, 'closed', [
        { section: 'closed', group: 'done' },
        { section: 'closed', group: 'dropped' },
      ]),
    ).toBe(2);
    expect(sectionCount(2, 'closed', [{ section: 'closed', group: 'overdue' }])).toBe(1);
    expect(recountHeading('Overdue (2)', 1)).toBe('Overdue (1)');
    expect(recountHeading('*Overdue (2)*', 1)).toBe('*Overdue (1)*');
    expect(recountHeading('History', 1)).toBe('History');
  });

  it('retallied: a patched card, its headings, and its text said again from the card (not the lines it was sent with)', () => {
    const reply = retallied({
      visibility: 'channel',
      text: `${tallyTitle(owner)}\nOverdue:\n  C-1 …`,
      card: {
        title: tallyTitle(owner),
        tally: owner,
        sections: [
          {
            heading: 'Overdue (2)',
            group: 'overdue',
            count: 2,
            items: [
              { id: 'C-1', title: 'C-1 a', group: 'done' },
              { id: 'C-2', title: 'C-2 b', group: 'overdue' },
            ],
          },
        ],
      },
    });
    expect(reply.card?.title).toBe('Your commitments, Tue 1 Dec — 1 overdue · 5 need a date · 1 review · 1 done');
    expect(reply.card?.sections[0].heading).toBe('Overdue (1)');
    expect(reply.text).toBe(
      ['Your commitments, Tue 1 Dec — 1 overdue · 5 need a date · 1 review · 1 done', 'Overdue (1)', 'C-1 a', 'C-2 b'].join('\n'),
    );
  });
});

describe('Slack block ids carry the tally, headings and row groups', () => {
  it('round-trips', () => {
    expect(tallyOfBlock(tallyBlockId(owner))).toEqual(owner);
    expect(headingOfBlock('fthead|0|overdue|2')).toEqual({ group: 'overdue', count: 2 });
    expect(rowOfBlock(rowBlockId(3, 'C-1', 0, 'overdue'))).toMatchObject({ index: '3', itemId: 'C-1', part: 0, group: 'overdue' });
    // Only a row's first part says its group; the old form (no group) still reads.
    expect(rowBlockId(3, 'C-1', 1, 'overdue')).toBe('ftrow|3|C-1|1');
    expect(rowOfBlock('ftrow|3|C-1|0')).toMatchObject({ itemId: 'C-1', group: undefined });
  });

  it('leaves the tally off rather than exceed 255 characters, and reads nothing crafted', () => {
    expect(tallyBlockId({ ...owner, lead: 'x'.repeat(300) })).toBeUndefined();
    expect(tallyOfBlock('fttally|o|overdue=2;drop table|Your commitments')).toBeUndefined();
    expect(tallyOfBlock('fttally|x|overdue=2|lead')).toBeUndefined();
    expect(headingOfBlock('fthead|0|overdue|two')).toBeUndefined();
  });
});

describe('a closed row leaves its section (settle-pressed-rows.ts, settle-pressed-blocks.ts)', () => {
  const overdue = (items: CardItem[]): CardSection => ({ heading: 'Overdue (2)', group: 'overdue', count: 2, items });
  const rowsUnder = (card: Card) => card.sections.map((s) => [s.heading, ...(s.items ?? []).map((i) => i.id)]);

  it.each([
    ['done', [{ id: 'C-1', title: 'C-1 a', group: 'done' }], ['Overdue (1)', 'C-2'], ['Done (1)', 'C-1']],
    ['dropped', [{ id: 'C-1', title: 'C-1 a', group: 'dropped' }], ['Overdue (1)', 'C-2'], ['Dropped (1)', 'C-1']],
  ])('a row %s goes under its own heading at the end, counted there', (_name, pressed, left, gathered) => {
    const card: Card = { title: 'Tue 1 Dec', sections: [overdue([...pressed, { id: 'C-2', title: 'C-2 b', group: 'overdue' }])] };
    const settled = retallied({ visibility: 'channel', text: '', card: settlePressedRows(card) }).card!;
    expect(rowsUnder(settled)).toEqual([left, gathered]);
    expect(settled.sections[1].items?.[0].section).toBe('overdue');
  });

  it('joins a list\'s own "Done or dropped", and goes back to its section when reopened', () => {
    const closed: CardSection = {
      heading: 'Done or dropped (1)',
      group: 'closed',
      count: 1,
      items: [{ id: 'C-9', title: 'C-9', group: 'done' }],
    };
    const card: Card = {
      title: 'Commitments',
      sections: [
        overdue([
          { id: 'C-1', title: 'C-1 a', group: 'done' },
          { id: 'C-2', title: 'C-2 b', group: 'overdue' },
        ]),
        closed,
      ],
    };
    const done = retallied({ visibility: 'channel', text: '', card: settlePressedRows(card) }).card!;
    expect(rowsUnder(done)).toEqual([
      ['Overdue (1)', 'C-2'],
      ['Done or dropped (2)', 'C-9', 'C-1'],
    ]);
    const reopened = structuredClone(done);
    reopened.sections[1].items![1].group = 'overdue';
    const back = retallied({ visibility: 'channel', text: '', card: settlePressedRows(reopened) }).card!;
    expect(rowsUnder(back)).toEqual([
      ['Overdue (2)', 'C-2', 'C-1'],
      ['Done or dropped (1)', 'C-9'],
    ]);
    expect(back.sections[0].items?.[1].section).toBeUndefined();
  });

  it('leaves a card whose sections count no groups as it is', () => {
    const card: Card = { title: 'C-1', sections: [{ items: [{ id: 'C-1', title: 'C-1 a', group: 'done' }] }] };
    expect(settlePressedRows(card)).toBe(card);
  });

  it('Slack: the same moves on blocks, the moved row naming the section that counted it', () => {
    const row = (index: number, id: string, group: string, section?: string) => ({
      type: 'section' as const,
      block_id: rowBlockId(index, id, 0, group, section),
      text: { type: 'mrkdwn' as const, text: id },
    });
    const heading = {
      type: 'section' as const,
      block_id: headingBlockId(0, 'overdue', 2),
      text: { type: 'mrkdwn' as const, text: '*Overdue (2)*' },
    };
    const footer = { type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: 'footer' }] };
    const done = settlePressedBlocks([heading, row(0, 'C-1', 'done'), row(1, 'C-2', 'overdue'), footer]);
    const read = (blocks: readonly any[]) => blocks.map((b) => (b.type === 'section' ? b.text.text : 'footer'));
    expect(read(retallyBlocks(done))).toEqual(['*Overdue (1)*', 'C-2', '*Done (1)*', 'C-1', 'footer']);
    expect(rowOfBlock(done[3].block_id)).toMatchObject({ itemId: 'C-1', group: 'done', section: 'overdue' });
    const reopened = settlePressedBlocks(done.map((b) => (b === done[3] ? row(0, 'C-1', 'overdue', 'overdue') : b)));
    expect(read(retallyBlocks(reopened))).toEqual(['*Overdue (2)*', 'C-2', 'C-1', 'footer']);
    expect(rowOfBlock(reopened[2].block_id)).toMatchObject({ itemId: 'C-1', group: 'overdue', section: undefined });
  });
});

describe('a row whose group changed goes under the heading of its new group (pressedRowMoves: one rule for Slack and Teams)', () => {
  it('says which rows go where, for rows of any shape: each to the end of its new section, remembering the one that counted it', () => {
    const sections = [
      {
        group: 'overdue',
        rows: [
          { id: 'a', group: 'ongoing' },
          { id: 'b', group: 'overdue' },
          { id: 'c', group: 'done' },
          { id: 'd', group: 'later' },
        ],
      },
      { group: 'ongoing', rows: [{ id: 'e', group: 'overdue', section: 'overdue' }] },
      // Rows under no counted heading never move.
      { rows: [{ id: 'f', group: 'done' }] },
    ];
    const plan = pressedRowMoves(sections);
    expect(plan.moves.map(({ row, ...move }) => ({ id: row.id, ...move }))).toEqual([
      { id: 'a', from: 0, at: 0, to: 1, section: 'overdue' },
      // No "Done" heading yet: one to make (made[1], after the open one: index 3 + 1).
      { id: 'c', from: 0, at: 2, to: 4, section: 'overdue' },
      // No "Later" heading either: one made where a list would show it, after "Ongoing" (made[0]; groups in list order).
      { id: 'd', from: 0, at: 3, to: 3, section: 'overdue' },
      // Back in the section that counted it: nothing left to remember.
      { id: 'e', from: 1, at: 0, to: 0, section: undefined },
    ]);
    // A list's words (no tally); each made section counts what it holds.
    expect(plan.made).toEqual([
      { group: 'later', count: 0, heading: 'Later (1)' },
      { group: 'closed', count: 0, heading: 'Done (1)' },
    ]);
    expect(plan.emptied).toEqual([]);
    expect(pressedRowMoves([{ group: 'overdue', rows: [{ group: 'overdue' }, {}] }])).toEqual({
      moves: [],
      made: [],
      emptied: [],
      renamed: [],
    });
  });

  it("a reopened row goes to its group's heading when the message has one, else back where it came from", () => {
    // "Overdue (2)" still counts one it does not show; "Ongoing (1)" one shown elsewhere (it stays).
    const closed = (group: string) => [
      { group: 'overdue', count: 2, rows: [] },
      { group: 'ongoing', count: 1, rows: [] },
      { group: 'closed', count: 0, made: true, rows: [{ group, section: 'overdue' }] },
    ];
    expect(pressedRowMoves(closed('ongoing'))).toMatchObject({ moves: [{ to: 1, section: 'overdue' }], made: [], emptied: [2] });
    expect(pressedRowMoves(closed('overdue'))).toMatchObject({ moves: [{ to: 0, section: undefined }], made: [], emptied: [2] });
    // Reopened into a group with no heading here: a section is made for it where the whole message
    // would show it, before "Ongoing" (a later group); the closed one goes, emptied; "Ongoing (1)" over
    // no rows still counts one, so it stays.
    expect(pressedRowMoves(closed('due-soon'))).toMatchObject({
      moves: [{ to: 3, section: 'overdue' }],
      made: [{ group: 'due-soon', count: 0, heading: 'Due within 7 days (1)', before: 1 }],
      emptied: [2],
    });
    expect(pressedRowMoves(closed('done'))).toEqual({ moves: [], made: [], emptied: [], renamed: [] });
    // A row a list showed under its own "Done or dropped", reopened: under its group's heading, counted out of "Done or dropped".
    const list = [
      { group: 'overdue', rows: [] },
      { group: 'closed', rows: [{ group: 'overdue' }] },
    ];
    expect(pressedRowMoves(list)).toMatchObject({ moves: [{ from: 1, at: 0, to: 0, section: 'closed' }], emptied: [1] });
  });

  const tally: CardTally = {
    words: 'digest',
    lead: 'Tue 1 Dec',
    totals: [
      { group: 'overdue', count: 2 },
      { group: 'needs-date', count: 1 },
      { group: 'ongoing', count: 1 },
    ],
  };
  const item = (id: string, group: string): CardItem => ({
    id,
    title: `${id} title`,
    lines: [group],
    group,
    actions: [{ id: 'done', label: 'Done', target: id }],
  });
  const digest: Reply = {
    visibility: 'channel',
    text: '',
    card: {
      title: tallyTitle(tally),
      tally,
      context: 'digest:',
      shared: true,
      sections: [
        { heading: 'Overdue (2)', group: 'overdue', count: 2, items: [item('C-1', 'overdue'), item('C-2', 'overdue')] },
        { heading: 'Needs a date (1)', group: 'needs-date', count: 1, items: [item('C-3', 'needs-date')] },
        { heading: 'Ongoing (1)', group: 'ongoing', count: 1, items: [item('C-4', 'ongoing')] },
      ],
      footer: 'footer',
    },
  };
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

  it.each([
    [
      '"It\'s ongoing" on an overdue row: under "Ongoing", both headings counting it',
      [item('C-1', 'ongoing')],
      ['Tue 1 Dec — 1 overdue · 1 needs a date · 2 ongoing', 'Overdue (1)', 'C-2', 'Needs a date (1)', 'C-3', 'Ongoing (2)', 'C-4', 'C-1'],
    ],
    [
      'a date picked (in the past) for a row that needed one: at the end of "Overdue"',
      [item('C-3', 'overdue')],
      // "Needs a date" now shows no row and counts none: its heading goes.
      ['Tue 1 Dec — 3 overdue · 1 ongoing', 'Overdue (3)', 'C-1', 'C-2', 'C-3', 'Ongoing (1)', 'C-4'],
    ],
    [
      'a new group with no heading in the message: a section made for it where the whole digest would show it (after "Ongoing", the last), in the words the digest gives it',
      [item('C-1', 'later')],
      [
        'Tue 1 Dec — 1 overdue · 1 needs a date · 1 ongoing · 1 later',
        'Overdue (1)',
        'C-2',
        'Needs a date (1)',
        'C-3',
        'Ongoing (1)',
        'C-4',
        'Later (1)',
        'C-1',
      ],
    ],
    [
      'two rows to two groups with no heading, and one done: each made section where the whole digest would show it ("Due within 7 days" before "Ongoing", "No deadline" after), "Done" last',
      [item('C-2', 'done'), item('C-1', 'no-deadline'), item('C-3', 'due-soon')],
      [
        'Tue 1 Dec — 1 due within 7 days · 1 ongoing · 1 with no deadline · 1 done',
        'Due within 7 days (1)',
        'C-3',
        'Ongoing (1)',
        'C-4',
        'No deadline (1)',
        'C-1',
        'Done (1)',
        'C-2',
      ],
    ],
    [
      'every row done: only "Done" is left, the message never without a section',
      [item('C-1', 'done'), item('C-2', 'done'), item('C-3', 'dropped'), item('C-4', 'done')],
      ['Tue 1 Dec — 3 done · 1 dropped', 'Done or dropped (4)', 'C-1', 'C-2', 'C-3', 'C-4'],
    ],
    [
      'done, as before: under a "Done" made at the end',
      [item('C-2', 'done')],
      [
        'Tue 1 Dec — 1 overdue · 1 needs a date · 1 ongoing · 1 done',
        'Overdue (1)',
        'C-1',
        'Needs a date (1)',
        'C-3',
        'Ongoing (1)',
        'C-4',
        'Done (1)',
        'C-2',
      ],
    ],
  ])('%s (Slack and Teams read the same)', (_name, rows, seen) => {
    expect(onCard(patchReply(digest, rows).reply.card!)).toEqual(seen);
    const blocks = renderSingleMessage(digest).blocks as any[];
    expect(onBlocks(retallyBlocks(patchMessage(blocks, rows, undefined)))).toEqual(seen);
  });

  it('press after press, a moved row keeps the section that counted it: ongoing, then done, then reopened (still ongoing)', () => {
    const presses: [CardItem[], (string | undefined)[]][] = [
      [
        [item('C-1', 'ongoing')],
        [
          'Tue 1 Dec — 1 overdue · 1 needs a date · 2 ongoing',
          'Overdue (1)',
          'C-2',
          'Needs a date (1)',
          'C-3',
          'Ongoing (2)',
          'C-4',
          'C-1',
        ],
      ],
      [[item('C-3', 'overdue')], ['Tue 1 Dec — 2 overdue · 2 ongoing', 'Overdue (2)', 'C-2', 'C-3', 'Ongoing (2)', 'C-4', 'C-1']],
      [
        [item('C-1', 'done')],
        ['Tue 1 Dec — 2 overdue · 1 ongoing · 1 done', 'Overdue (2)', 'C-2', 'C-3', 'Ongoing (1)', 'C-4', 'Done (1)', 'C-1'],
      ],
      // Reopened: its group (ongoing) has a heading here, so it goes there, not back to "Overdue".
      [[item('C-1', 'ongoing')], ['Tue 1 Dec — 2 overdue · 2 ongoing', 'Overdue (2)', 'C-2', 'C-3', 'Ongoing (2)', 'C-4', 'C-1']],
      // Dated again after all: back in the section that counted it, where it was sent.
      [[item('C-1', 'overdue')], ['Tue 1 Dec — 3 overdue · 1 ongoing', 'Overdue (3)', 'C-2', 'C-3', 'C-1', 'Ongoing (1)', 'C-4']],
      // Its date cleared again: "Needs a date" is made anew where the digest shows it (between "Overdue"
      // and "Ongoing", as sent), counting it once.
      [
        [item('C-3', 'needs-date')],
        [
          'Tue 1 Dec — 2 overdue · 1 needs a date · 1 ongoing',
          'Overdue (2)',
          'C-2',
          'C-1',
          'Needs a date (1)',
          'C-3',
          'Ongoing (1)',
          'C-4',
        ],
      ],
    ];
    let reply = digest;
    let blocks = renderSingleMessage(digest).blocks as any[];
    for (const [rows, seen] of presses) {
      reply = patchReply(reply, rows).reply;
      blocks = retallyBlocks(patchMessage(blocks, rows, undefined));
      expect(onCard(reply.card!)).toEqual(seen);
      expect(onBlocks(blocks)).toEqual(seen);
    }
    const c1 = reply.card!.sections[0].items!.find((i) => i.id === 'C-1')!;
    expect(c1.section).toBeUndefined();
    expect(rowOfBlock(blocks.find((b) => rowOfBlock(b.block_id)?.itemId === 'C-1').block_id)).toMatchObject({ section: undefined });
    // Along the way the moved row named the section that counted it, on both sides.
    const ongoing = patchReply(digest, [item('C-1', 'ongoing')]).reply.card!;
    expect(ongoing.sections[2].items?.[1]).toMatchObject({ id: 'C-1', section: 'overdue' });
    const moved = patchMessage(renderSingleMessage(digest).blocks as any[], [item('C-1', 'ongoing')], undefined);
    expect(rowOfBlock(moved.find((b) => rowOfBlock(b.block_id)?.itemId === 'C-1')!.block_id)).toMatchObject({
      group: 'ongoing',
      section: 'overdue',
    });
  });

  it('Slack: a full message (50 blocks) still moves rows between its headings, but makes no "Done" heading', () => {
    const blocks = renderSingleMessage(digest).blocks as any[];
    const filler = Array.from({ length: BLOCK_LIMITS.blocks - blocks.length }, (_, i) => ({
      type: 'context' as const,
      elements: [{ type: 'mrkdwn' as const, text: `note ${i}` }],
    }));
    const full = [...blocks, ...filler];
    const ongoing = onBlocks(retallyBlocks(patchMessage(full, [item('C-1', 'ongoing')], undefined)));
    expect(ongoing).toEqual([
      'Tue 1 Dec — 1 overdue · 1 needs a date · 2 ongoing',
      'Overdue (1)',
      'C-2',
      'Needs a date (1)',
      'C-3',
      'Ongoing (2)',
      'C-4',
      'C-1',
    ]);
    // One patch, two rows, no section emptied to make room: the row with a heading to go to still goes
    // (before, neither moved); the one that needs a new heading stays where it was.
    const twoOngoing: Reply = {
      ...digest,
      card: {
        ...digest.card!,
        tally: { ...tally, totals: [...tally.totals.slice(0, 2), { group: 'ongoing', count: 2 }] },
        sections: [
          ...digest.card!.sections.slice(0, 2),
          { heading: 'Ongoing (2)', group: 'ongoing', count: 2, items: [item('C-4', 'ongoing'), item('C-5', 'ongoing')] },
        ],
      },
    };
    const fullTwo = renderSingleMessage(twoOngoing).blocks as any[];
    const padded = [...fullTwo, ...filler.slice(0, BLOCK_LIMITS.blocks - fullTwo.length)];
    expect(padded).toHaveLength(BLOCK_LIMITS.blocks);
    const both = retallyBlocks(patchMessage(padded, [item('C-1', 'done'), item('C-4', 'overdue')], undefined));
    expect(both).toHaveLength(BLOCK_LIMITS.blocks);
    expect(onBlocks(both)).toEqual([
      'Tue 1 Dec — 2 overdue · 1 needs a date · 1 ongoing · 1 done',
      'Overdue (2)',
      'C-1',
      'C-2',
      'C-4',
      'Needs a date (1)',
      'C-3',
      'Ongoing (1)',
      'C-5',
    ]);
    const done = retallyBlocks(patchMessage(full, [item('C-1', 'done')], undefined));
    expect(done).toHaveLength(BLOCK_LIMITS.blocks);
    expect(onBlocks(done)).toEqual([
      'Tue 1 Dec — 1 overdue · 1 needs a date · 1 ongoing · 1 done',
      'Overdue (1)',
      'C-1',
      'C-2',
      'Needs a date (1)',
      'C-3',
      'Ongoing (1)',
      'C-4',
    ]);
  });
});
