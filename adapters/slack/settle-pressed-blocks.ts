/**
 * The Block Kit side of settle-pressed-rows.ts: on a message patched after a press, each row goes
 * under the heading of its group now, by the core's one rule (`pressedRowMoves`): a row marked done
 * or dropped leaves its section ("Overdue") for the one that gathers closed rows ("Done (1)", made at
 * the end of the rows when the message has none), a row made ongoing or reopened goes to the end of
 * its group's heading ("Reviews", "Overdue"; made where the whole message would show it when the
 * message has none), and a heading left over no rows and counting none goes. This file only reads
 * the blocks as headings and rows and puts them back together. A moved row's block id names the
 * section that counted it, so the counts still say where it moved from (retally-blocks.ts). Pure.
 */
import type { types } from '@slack/bolt';
import { isMadeForPresses, pressedRowMoves, type ShownSection } from '../../src/replies/settle-pressed-rows.js';
import { headingBlockId, headingOfBlock, rowBlockId, rowOfBlock, tallyOfBlock } from './action-ids.js';
import { BLOCK_LIMITS } from './block-kit.js';
import { toMrkdwn } from './mrkdwn.js';

type Block = types.KnownBlock & { block_id?: string };

/** The place of the heading made for pressed rows: past any section a card has. */
const MADE_HEADING_INDEX = 999;

type Heading = { kind: 'heading'; group: string; count: number; made: boolean; block: Block };
type Row = { kind: 'row'; blocks: Block[]; itemId: string; group?: string; section?: string };
type Piece = Heading | Row | { kind: 'other'; block: Block };

export function settlePressedBlocks(blocks: readonly Block[]): Block[] {
  const settled = settle(blocks, true);
  // No room for one more heading: rows still move between the headings the message has; a row whose
  // group has none stays where it was (its count still follows it).
  // Without a new heading a message never grows: moves keep its length, emptied headings shorten it.
  return settled.length <= BLOCK_LIMITS.blocks ? settled : settle(blocks, false);
}

function settle(blocks: readonly Block[], makeSections: boolean): Block[] {
  const pieces = piecesOf(blocks);
  const headings = pieces.filter((p): p is Heading => p.kind === 'heading');
  const sections: ShownSection<Row>[] = headings.map((heading) => {
    const at = pieces.indexOf(heading);
    const rows = pieces.slice(at + 1, nextHeading(pieces, at)).filter((p): p is Row => p.kind === 'row');
    return { group: heading.group, count: heading.count, made: isMadeForPresses(heading), rows };
  });
  const header = blocks.find((b) => b.type === 'header');
  const plan = pressedRowMoves(sections, tallyOfBlock(header?.block_id), { makeSections });
  if (plan.moves.length === 0 && plan.emptied.length === 0) return [...blocks];
  const moving = new Set<Piece>(plan.moves.map((m) => m.row));
  let out = pieces.filter((p) => !moving.has(p));
  // The headings to make: each just before the heading the rule names, or after the last rows.
  const made = plan.made.map((m): Heading => {
    const block = { ...headingBlock(m.heading), block_id: headingBlockId(MADE_HEADING_INDEX, m.group, m.count) };
    const heading: Heading = { kind: 'heading', group: m.group, count: m.count, made: true, block };
    out.splice(m.before === undefined ? rowsEnd(out) : out.indexOf(headings[m.before]), 0, heading);
    return heading;
  });
  const to = [...headings, ...made];
  for (const move of plan.moves) out.splice(sectionEnd(out, out.indexOf(to[move.to])), 0, remembering(move.row, move.section));
  for (const { at, heading } of plan.renamed) {
    const renamed: Heading = { ...headings[at], block: { ...headingBlock(heading), block_id: headings[at].block.block_id } };
    out = out.map((p) => (p === headings[at] ? renamed : p));
  }
  const emptied = new Set<Piece>(plan.emptied.map((i) => headings[i]));
  return out.filter((p) => !emptied.has(p)).flatMap((p) => (p.kind === 'row' ? p.blocks : [p.block]));
}

/** A heading's section block, its words in bold as block-kit.ts writes them. */
function headingBlock(words: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: `*${toMrkdwn(words)}*` } };
}

/** The message as headings, rows and other blocks. */
function piecesOf(blocks: readonly Block[]): Piece[] {
  const pieces: Piece[] = [];
  for (const block of blocks) {
    const heading = block.type === 'section' ? headingOfBlock(block.block_id) : undefined;
    if (heading) {
      // A heading made for presses has its own place in the block ids (`fthead|999|…`).
      const made = block.block_id?.split('|')[1] === String(MADE_HEADING_INDEX);
      pieces.push({ kind: 'heading', ...heading, made, block });
      continue;
    }
    const row = rowOfBlock(block.block_id);
    const last = pieces.at(-1);
    if (row && last?.kind === 'row' && last.itemId === row.itemId) last.blocks.push(block);
    else if (row) pieces.push({ kind: 'row', blocks: [block], itemId: row.itemId, group: row.group, section: row.section });
    else pieces.push({ kind: 'other', block });
  }
  return pieces;
}

/** The index of the heading after the one at `headingAt` (or the end). */
function nextHeading(pieces: readonly Piece[], headingAt: number): number {
  const next = pieces.findIndex((p, i) => i > headingAt && p.kind === 'heading');
  return next < 0 ? pieces.length : next;
}

/** Where a section's rows end: after its last row (or its heading), before the next heading. */
function sectionEnd(pieces: readonly Piece[], headingAt: number): number {
  let end = headingAt + 1;
  for (let i = headingAt + 1; i < pieces.length && pieces[i].kind !== 'heading'; i++) if (pieces[i].kind === 'row') end = i + 1;
  return end;
}

/** Where the rows of the message end (its buttons, footer and log come after). */
function rowsEnd(pieces: readonly Piece[]): number {
  let end = pieces.length;
  while (end > 0 && pieces[end - 1].kind === 'other') end--;
  return end;
}

/** The row with its first block naming the section that counted it (`undefined`: it is back there). */
function remembering(row: Row, section: string | undefined): Row {
  const [first, ...rest] = row.blocks;
  const id = rowOfBlock(first.block_id);
  if (id?.part !== 0) return row;
  const blockId = rowBlockId(Number(id.index), id.itemId, 0, id.group, section);
  return { ...row, section, blocks: [{ ...first, block_id: blockId }, ...rest] };
}
