/**
 * A shared message after a press: the same blocks, with only the pressed item's row re-rendered and
 * put under the heading of its group now (a row just done under "Done", one made ongoing under
 * "Ongoing": settle-pressed-blocks.ts), and a "✅ Sara marked C-1 done" line added at the end. A
 * digest stays that digest (its header, other rows and footer untouched); it never turns into
 * another message. Pure.
 */
import type { types } from '@slack/bolt';
import type { CardItem } from '../../src/replies/reply.js';
import { decodeBlockId, LOG_BLOCK_ID, rowOfBlock } from './action-ids.js';
import { BLOCK_LIMITS, itemBlocks } from './block-kit.js';
import { toMrkdwn } from './mrkdwn.js';
import { settlePressedBlocks } from './settle-pressed-blocks.js';

type Block = types.KnownBlock & { block_id?: string };

/** At most this many "who did what" lines stay on a message; older ones give way. */
const MAX_LOG_LINES = 10;

export function patchMessage(blocks: readonly Block[], rows: readonly CardItem[], line: string | undefined): Block[] {
  let out = [...blocks];
  for (const row of rows) out = replaceRow(out, row);
  // Each row goes under the heading of its group now: "Overdue" → "Done" (and back when reopened), → "Ongoing".
  out = settlePressedBlocks(out);
  return line ? withLogLine(out, line) : out;
}

/** The row's blocks (contiguous: its text, then its buttons) swapped for the row as it is now. */
function replaceRow(blocks: Block[], row: CardItem): Block[] {
  if (!row.id) return blocks;
  const indices = blocks.map((b, i) => (rowOfBlock(b.block_id)?.itemId === row.id ? i : -1)).filter((i) => i >= 0);
  if (indices.length === 0) return blocks;
  const first = indices[0];
  let last = first;
  while (last + 1 < blocks.length && indices.includes(last + 1)) last++;
  const shown = rowOfBlock(blocks[first].block_id);
  const index = Number(shown?.index);
  const context = blocks
    .slice(first, last + 1)
    .map((b) => (b.type === 'actions' ? decodeBlockId(b.block_id)?.context : undefined))
    .find((c) => c !== undefined);
  // A row moved under another heading ("Done") still remembers the section that counted it.
  const remembered = shown?.section ? { ...row, section: shown.section } : row;
  const fresh = itemBlocks(remembered, Number.isFinite(index) ? index : 900 + first, context) as Block[];
  const next = [...blocks.slice(0, first), ...fresh, ...blocks.slice(last + 1)];
  // A row that grew past Slack's 50 blocks keeps its old buttons rather than break the message.
  return next.length <= BLOCK_LIMITS.blocks ? next : blocks;
}

/** Adds the line to the message's log block (made at the end on the first press). */
function withLogLine(blocks: Block[], line: string): Block[] {
  const at = blocks.findIndex((b) => b.block_id === LOG_BLOCK_ID);
  const previous = at >= 0 ? logLines(blocks[at]) : [];
  const lines = [...previous, toMrkdwn(line)].slice(-MAX_LOG_LINES);
  const log: Block = {
    type: 'context',
    block_id: LOG_BLOCK_ID,
    elements: [{ type: 'mrkdwn', text: lines.join('\n').slice(-BLOCK_LIMITS.sectionText) }],
  };
  if (at >= 0) return blocks.map((b, i) => (i === at ? log : b));
  if (blocks.length < BLOCK_LIMITS.blocks) return [...blocks, log];
  // A full message has no room for one more block: the line joins its last small print, if any.
  const last = blocks[blocks.length - 1];
  if (last.type !== 'context') return blocks;
  const merged: Block = {
    ...log,
    block_id: LOG_BLOCK_ID,
    elements: [{ type: 'mrkdwn', text: [...logLines(last), toMrkdwn(line)].join('\n').slice(-BLOCK_LIMITS.sectionText) }],
  };
  return [...blocks.slice(0, -1), merged];
}

function logLines(block: Block): string[] {
  if (block.type !== 'context') return [];
  return block.elements.flatMap((e) => ('text' in e && typeof e.text === 'string' ? e.text.split('\n') : [])).filter(Boolean);
}
