/**
 * The Slack renderer: a neutral Reply → one or more Block Kit messages with a plain-text fallback.
 * Pure. Long cards are split into several messages within Slack's limits (50 blocks a message,
 * 3,000 characters a section); when only one message fits (updating in place) the rest is named
 * as "and N more", never dropped silently.
 */
import type { types } from '@slack/bolt';
import type { CardItem, Reply } from '../../src/replies/reply.js';
import { headingBlockId, rowBlockId, tallyBlockId } from './action-ids.js';
import { actionsBlock, groupByTarget } from './block-kit-actions.js';
import { splitText } from './split-text.js';
import { toMrkdwn, toPlain } from './mrkdwn.js';

export const BLOCK_LIMITS = { blocks: 50, sectionText: 3000, headerText: 150, fields: 10, fieldText: 2000, fallbackText: 39_000 } as const;

type Block = types.KnownBlock;

export interface SlackMessage {
  /** Fallback for notifications and screen readers. */
  text: string;
  blocks: Block[];
}

/** A run of blocks that stays on one page; `item` marks a commitment for the "and N more" count. */
interface Unit {
  blocks: Block[];
  item?: boolean;
}

/**
 * Every page needed to show the whole reply; with `maxMessages` (a response_url takes 5 posts, an
 * update replaces 1 message) the last page allowed names what did not fit and how to see it.
 */
export function renderMessages(reply: Reply, options: { maxMessages?: number } = {}): SlackMessage[] {
  const max = Math.max(1, options.maxMessages ?? Number.POSITIVE_INFINITY);
  const { head, units, tail } = layout(reply);
  const pages: Block[][] = [];
  let page: Block[] = [...head];
  for (const [index, unit] of units.entries()) {
    const lastAllowed = pages.length + 1 === max;
    // On the last page allowed, keep room for the tail and the "and N more" note.
    const reserve = lastAllowed ? tail.length + 1 : 0;
    if (page.length + unit.blocks.length + reserve > BLOCK_LIMITS.blocks && page.length > 0) {
      if (lastAllowed) {
        page.push(contextBlock(moreNote(reply, units.slice(index).filter((u) => u.item).length)));
        break;
      }
      pages.push(page);
      page = [continued(pages.length + 1)];
    }
    page.push(...unit.blocks);
  }
  if (page.length + tail.length > BLOCK_LIMITS.blocks) {
    pages.push(page);
    page = [continued(pages.length + 1)];
  }
  page.push(...tail);
  pages.push(page);
  return pages.map((blocks, i) => ({
    text: i === 0 ? fallbackText(reply) : `${toPlain(reply.card?.title ?? 'Followthrough')} (continued, part ${i + 1} of ${pages.length})`,
    blocks,
  }));
}

/** One message only (a `chat.update` or `replace_original`): what does not fit is counted and pointed to. */
export function renderSingleMessage(reply: Reply): SlackMessage {
  return renderMessages(reply, { maxMessages: 1 })[0];
}

function moreNote(reply: Reply, hidden: number): string {
  const words = reply.card?.context?.startsWith('list:') ? `list ${reply.card.context.slice(5)}`.trim() : 'list';
  return `…and ${hidden} more — type \`/commitments ${words}\` with a filter (mine, overdue, tag:x) to see them.`;
}

function layout(reply: Reply): { head: Block[]; units: Unit[]; tail: Block[] } {
  if (!reply.card) return { head: [], units: textUnits(reply.text), tail: [] };
  const card = reply.card;
  const tallyId = card.tally && tallyBlockId(card.tally);
  const head: Block[] = [{ type: 'header', ...(tallyId ? { block_id: tallyId } : {}), text: headerText(card.title) }];
  if (card.subtitle) head.push(contextBlock(card.subtitle));
  const units: Unit[] = [];
  let itemIndex = 0;
  for (const [s, section] of card.sections.entries()) {
    if (section.heading) {
      const counted = section.group && section.count !== undefined ? { block_id: headingBlockId(s, section.group, section.count) } : {};
      units.push({ blocks: [{ ...sectionBlock(`*${toMrkdwn(section.heading)}*`), ...counted }] });
    }
    if (section.text) units.push(...textUnits(section.text));
    if (section.fields?.length) units.push(...fieldUnits(section.fields));
    for (const item of section.items ?? []) units.push({ blocks: itemBlocks(item, itemIndex++, card.context), item: true });
  }
  for (const [i, group] of groupByTarget(card.actions ?? []).entries())
    units.push({ blocks: [actionsBlock(group, `c${i}`, card.context)] });
  const tail: Block[] = card.footer ? [contextBlock(card.footer)] : [];
  return { head, units, tail };
}

/**
 * One item's blocks: its text, then one actions block per target. Every block's id names the item
 * and its place (`ftrow|3|C-1|0`, `ft|3a0|C-1|…`), so a press can re-render just that row.
 */
export function itemBlocks(item: CardItem, index: number, context: string | undefined): Block[] {
  const lines = [`*${toMrkdwn(item.title)}*`, ...(item.lines ?? []).map(toMrkdwn)].join('\n');
  const blocks: Block[] = splitText(lines, BLOCK_LIMITS.sectionText).map((chunk, part) => ({
    ...sectionBlock(chunk),
    ...(item.id ? { block_id: rowBlockId(index, item.id, part, item.group, item.section) } : {}),
  }));
  for (const [j, group] of groupByTarget(item.actions ?? []).entries()) blocks.push(actionsBlock(group, `${index}a${j}`, context));
  return blocks;
}

function textUnits(text: string): Unit[] {
  return splitText(toMrkdwn(text), BLOCK_LIMITS.sectionText).map((chunk) => ({ blocks: [sectionBlock(chunk)] }));
}

function fieldUnits(fields: { label: string; value: string }[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < fields.length; i += BLOCK_LIMITS.fields) {
    const chunk = fields.slice(i, i + BLOCK_LIMITS.fields);
    const tooLong = chunk.some((f) => toMrkdwn(`*${f.label}*\n${f.value}`).length > BLOCK_LIMITS.fieldText);
    if (tooLong) units.push(...chunk.flatMap((f) => textUnits(`*${f.label}*\n${f.value}`)));
    else
      units.push({
        blocks: [
          {
            type: 'section',
            fields: chunk.map((f) => ({ type: 'mrkdwn' as const, text: `*${toMrkdwn(f.label)}*\n${toMrkdwn(f.value)}` })),
          },
        ],
      });
  }
  return units;
}

/** A card's title as a header block's text (also said again after a press recounts it). */
export function headerText(title: string): types.PlainTextElement {
  return { type: 'plain_text', text: clip(toPlain(title), BLOCK_LIMITS.headerText), emoji: true };
}

function sectionBlock(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

export function contextBlock(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(toMrkdwn(text), BLOCK_LIMITS.sectionText) }] };
}

function continued(part: number): Block {
  return contextBlock(`(continued, part ${part})`);
}

/** The notification text; Slack cuts `text` beyond 40,000 characters, so say so rather than let it. */
function fallbackText(reply: Reply): string {
  const text = toMrkdwn(reply.text);
  return text.length <= BLOCK_LIMITS.fallbackText ? text : `${text.slice(0, BLOCK_LIMITS.fallbackText)}… (the full list is in the message)`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
