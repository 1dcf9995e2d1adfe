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
  const header = blocks.findIndex((b) => b.type === 'header');
  const tally = header >= 0 ? tallyOfBlock(blocks[header].block_id) : undefined;
  const headings: { at: number; group: string; count: number }[] = [];
  const rows: TalliedRow[] = [];
  let section: string | undefined;
  // One pass over the section blocks: headings set the group rows below them count in.
  for (const [at, block] of blocks.entries()) {
    const id = block.type === 'section' ? block.block_id : undefined;
    if (id?.startsWith('fthead|')) {
      const heading = headingOfBlock(id);
      if (heading) headings.push({ at, ...heading });
      section = heading?.group;
    } else if (id?.startsWith('ftrow|')) {
      const row = rowOfBlock(id);
      if (row?.part === 0) rows.push({ section: row.section ?? section, group: row.group ?? section, shownIn: section });
    }
  }
  if (!tally && headings.length === 0) return [...blocks];
  const out = [...blocks];
  if (tally) out[header] = { ...(out[header] as types.HeaderBlock), text: headerText(tallyTitle(tally, rows)) };
  for (const { at, group, count } of headings) {
    const block = out[at] as types.SectionBlock;
    if (block.text)
      out[at] = { ...block, text: { ...block.text, text: recountHeading(block.text.text, sectionCount(count, group, rows)) } };
  }
  return out;
}

/**
 * The pages of one message posted in parts, recounted together: a heading counts its section's rows
 * on whichever page they are, and the header (on the first page) every row. Each page keeps its blocks.
 */
export function retallyPages(pages: readonly (readonly Block[])[]): Block[][] {
  const joined = retallyBlocks(pages.flat());
  const out: Block[][] = [];
  let at = 0;
  for (const page of pages) {
    out.push(joined.slice(at, at + page.length));
    at += page.length;
  }
  return out;
}
