/**
 * A patched message's header and headings counting its rows as they are now ("1 overdue · 1 done"
 * after one of two overdue items was marked done, not the "2 overdue" it was sent with). The blocks
 * carry what is needed (block ids: the header's tally, each heading's group and count, each row's
 * group), so nothing is read again; the core's tally.ts says the words. A message sent without them
 * keeps its header. Pure.
 */
import type { types } from '@slack/bolt';
import { recountHeading, sectionCount, tallyTitle, type TalliedRow } from '../../src/replies/tally.js';
import { headingOfBlock, rowOfBlock, tallyOfBlock } from './action-ids.js';
import { headerText } from './block-kit.js';

type Block = types.KnownBlock & { block_id?: string };

export function retallyBlocks(blocks: readonly Block[]): Block[] {
  const rows: TalliedRow[] = [];
  let section: string | undefined;
  for (const block of blocks) {
    const heading = headingOfBlock(block.block_id);
    if (heading) section = heading.group;
    const row = rowOfBlock(block.block_id);
    if (row?.part === 0 && block.type === 'section') rows.push({ section, group: row.group ?? section });
  }
  return blocks.map((block) => {
    const tally = block.type === 'header' ? tallyOfBlock(block.block_id) : undefined;
    if (tally && block.type === 'header') return { ...block, text: headerText(tallyTitle(tally, rows)) };
    const heading = headingOfBlock(block.block_id);
    if (heading && block.type === 'section' && block.text) {
      const count = sectionCount(heading.count, heading.group, rows);
      return { ...block, text: { ...block.text, text: recountHeading(block.text.text, count) } };
    }
    return block;
  });
}
