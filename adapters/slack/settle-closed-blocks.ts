/**
 * The Block Kit side of closed-rows.ts: on a message patched after a press, a row marked done or
 * dropped leaves its section ("Overdue") for the one that gathers closed rows ("Done (1)", made at
 * the end of the rows when the message has none), and goes back to the end of its own section when
 * it is reopened. A moved row's block id names the section that counted it, so the counts still say
 * where it moved from (retally-blocks.ts). Pure.
 */
import type { types } from '@slack/bolt';
import { CLOSED_SECTION, closedHeading, isClosedGroup, isMadeForPresses } from '../../src/replies/closed-rows.js';
import { headingBlockId, headingOfBlock, rowBlockId, rowOfBlock } from './action-ids.js';
import { BLOCK_LIMITS } from './block-kit.js';

type Block = types.KnownBlock & { block_id?: string };

/** The place of the heading made for pressed rows: past any section a card has. */
const MADE_HEADING_INDEX = 999;

type Piece =
  | { kind: 'heading'; group: string; count: number; block: Block }
  | { kind: 'row'; blocks: Block[]; itemId: string; group?: string; section?: string; shownIn?: string }
  | { kind: 'other'; block: Block };

export function settleClosedBlocks(blocks: readonly Block[]): Block[] {
  const pieces = piecesOf(blocks);
  const groups = new Set(pieces.flatMap((p) => (p.kind === 'heading' ? [p.group] : [])));
  const home = (row: Extract<Piece, { kind: 'row' }>) => row.section ?? row.shownIn;
  const leaving = (p: Piece) => p.kind === 'row' && p.shownIn !== undefined && p.shownIn !== CLOSED_SECTION && isClosedGroup(p.group);
  const returning = (p: Piece) =>
    p.kind === 'row' && p.shownIn === CLOSED_SECTION && home(p) !== CLOSED_SECTION && !isClosedGroup(p.group) && groups.has(home(p) ?? '');
  const moving = pieces.filter((p) => leaving(p) || returning(p)) as Extract<Piece, { kind: 'row' }>[];
  if (moving.length === 0) return [...blocks];
  let out = pieces.filter((p) => !moving.includes(p as Extract<Piece, { kind: 'row' }>));
  for (const row of moving.filter(returning)) {
    const at = out.findIndex((p) => p.kind === 'heading' && p.group === home(row));
    out.splice(sectionEnd(out, at), 0, remembering(row, undefined));
  }
  const closing = moving.filter(leaving);
  if (closing.length > 0) {
    let at = out.findIndex((p) => p.kind === 'heading' && p.group === CLOSED_SECTION);
    if (at < 0) {
      at = rowsEnd(out);
      const block: Block = {
        type: 'section',
        block_id: headingBlockId(MADE_HEADING_INDEX, CLOSED_SECTION, 0),
        text: { type: 'mrkdwn', text: '' },
      };
      out.splice(at, 0, { kind: 'heading', group: CLOSED_SECTION, count: 0, block });
    }
    out.splice(sectionEnd(out, at), 0, ...closing.map((row) => remembering(row, home(row))));
  }
  out = namedMadeHeading(out);
  const settled = out.flatMap((p) => (p.kind === 'row' ? p.blocks : [p.block]));
  // No room for one more heading: the rows stay where they were (their counts still follow them).
  return settled.length <= BLOCK_LIMITS.blocks ? settled : [...blocks];
}

/** The message as headings, rows (each with the heading it is under) and other blocks. */
function piecesOf(blocks: readonly Block[]): Piece[] {
  const pieces: Piece[] = [];
  let shownIn: string | undefined;
  for (const block of blocks) {
    const heading = block.type === 'section' ? headingOfBlock(block.block_id) : undefined;
    if (heading) {
      shownIn = heading.group;
      pieces.push({ kind: 'heading', ...heading, block });
      continue;
    }
    const row = rowOfBlock(block.block_id);
    const last = pieces.at(-1);
    if (row && last?.kind === 'row' && last.itemId === row.itemId) last.blocks.push(block);
    else if (row) pieces.push({ kind: 'row', blocks: [block], itemId: row.itemId, group: row.group, section: row.section, shownIn });
    else pieces.push({ kind: 'other', block });
  }
  return pieces;
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
function remembering(row: Extract<Piece, { kind: 'row' }>, section: string | undefined): Piece {
  const [first, ...rest] = row.blocks;
  const id = rowOfBlock(first.block_id);
  if (id?.part !== 0) return row;
  const blockId = rowBlockId(Number(id.index), id.itemId, 0, id.group, section);
  return { ...row, section, blocks: [{ ...first, block_id: blockId }, ...rest] };
}

/** The heading made for pressed rows says what it holds ("Done (2)"), and goes once it holds nothing. */
function namedMadeHeading(pieces: Piece[]): Piece[] {
  const at = pieces.findIndex((p) => p.kind === 'heading' && isMadeForPresses(p));
  if (at < 0) return pieces;
  const rows = pieces.slice(at + 1, sectionEnd(pieces, at)).filter((p) => p.kind === 'row');
  if (rows.length === 0) return pieces.filter((_, i) => i !== at);
  const heading = pieces[at] as Extract<Piece, { kind: 'heading' }>;
  const text = `*${closedHeading(rows.map((r) => (r.kind === 'row' ? r.group : undefined)))}*`;
  const block = { ...heading.block, text: { type: 'mrkdwn', text } } as Block;
  return pieces.map((p, i) => (i === at ? { ...heading, block } : p));
}
