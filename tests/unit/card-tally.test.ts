/**
 * The counts a card says after presses, worked out from how its shown rows moved (src/replies/tally.ts),
 * the Slack block ids that carry them through a message and back (adapters/slack/action-ids.ts), and
 * a pressed row moved under the heading of its group now (settle-pressed-rows.ts, settle-pressed-blocks.ts).
 */
import { describe, expect, it } from 'vitest';
import { headingBlockId, headingOfBlock, rowBlockId, rowOfBlock, tallyBlockId, tallyOfBlock } from '../../adapters/slack/action-ids.js';
import { retallyBlocks } from '../../adapters/slack/retally-blocks.js';
import { settlePressedBlocks } from '../../adapters/slack/settle-pressed-blocks.js';
import { settlePressedRows } from '../../src/replies/settle-pressed-rows.js';
import type { Card, CardItem, CardSection } from '../../src/replies/reply.js';
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
