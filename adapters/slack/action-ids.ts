/**
 * How a card's buttons travel through Slack and back. Every element carries a typed action
 * `{kind, id, choice}`: a button in its `value`, a select in each option's value; a date or person
 * picker (which has no value) in its action id (`ft_snooze.date`, `ft_accept.user`) plus its block's target. Block ids are
 * `ft|<n>|<target>|<context>` for actions and `ftrow|<n>|<item id>|<part>` for an item's text, so a
 * press can update that item's row in place. Nothing here is trusted: the core validates it all.
 */
import { z } from 'zod';
import type { CardTally } from '../../src/replies/tally.js';

export const ACTION_PREFIX = 'ft_';
/** Matches every action id this adapter renders (the listener's filter). */
export const ACTION_ID_PATTERN = /^ft_[a-z][a-z-]{0,30}(?:\.date|\.user)?(?:~\d+)?$/;
const BLOCK_PREFIX = 'ft';
const ROW_PREFIX = 'ftrow';
const HEAD_PREFIX = 'fthead';
const TALLY_PREFIX = 'fttally';
export const MAX_BLOCK_ID = 255;

/** An element with no value of its own: its choice is what the person picked. */
export type Picker = 'date' | 'user';

/** What one element means: the kind of button, the item it acts on, the choice it carries. */
export interface TypedAction {
  kind: string;
  id: string;
  choice?: string;
}

const typedAction = z.object({ kind: z.string().max(40), id: z.string().max(40), choice: z.string().max(100).optional() }).strict();

/** `snooze` → `ft_snooze`; a date picker gets `.date`, a person picker `.user`; repeats in one block get `~n`. */
export function actionIdFor(kind: string, options: { picker?: Picker; repeat?: number } = {}): string {
  const base = `${ACTION_PREFIX}${kind}${options.picker ? `.${options.picker}` : ''}`;
  return options.repeat ? `${base}~${options.repeat}` : base;
}

/** `ft_snooze.date~2` → `{ kind: 'snooze', picker: 'date' }`; undefined for ids that are not ours. */
export function buttonFromActionId(actionId: string): { kind: string; picker?: Picker } | undefined {
  if (!ACTION_ID_PATTERN.test(actionId)) return undefined;
  const [kind, picker] = actionId.slice(ACTION_PREFIX.length).replace(/~\d+$/, '').split('.');
  return picker ? { kind, picker: picker as Picker } : { kind };
}

/** The JSON a button value or select option carries. */
export function encodeAction(action: TypedAction): string {
  // Spelled out rather than JSON.stringify of an object: a list renders ~700 of these. Same text.
  const choice = action.choice === undefined ? '' : `,"choice":${JSON.stringify(action.choice)}`;
  return `{"kind":${JSON.stringify(action.kind)},"id":${JSON.stringify(action.id)}${choice}}`;
}

/** A value back from Slack as a typed action, or undefined when it is not JSON of that shape. */
export function decodeAction(value: string | undefined): TypedAction | undefined {
  if (!value) return undefined;
  try {
    const parsed = typedAction.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface BlockTarget {
  target: string;
  context?: string;
}

/**
 * `ft|<n>|<target>|<context>`: unique per message thanks to `n`. A context too long for Slack's 255
 * characters is left out; the press still works, only the in-place refresh is skipped.
 */
export function encodeBlockId(index: number | string, { target, context }: BlockTarget): string {
  const full = `${BLOCK_PREFIX}|${index}|${target}|${context ?? ''}`;
  return full.length <= MAX_BLOCK_ID ? full : `${BLOCK_PREFIX}|${index}|${target}|`;
}

export function decodeBlockId(blockId: string | undefined): BlockTarget | undefined {
  const parts = (blockId ?? '').split('|');
  if (parts[0] !== BLOCK_PREFIX || parts.length < 4 || !parts[2]) return undefined;
  const context = parts.slice(3).join('|');
  return { target: parts[2], context: context || undefined };
}

/**
 * The block id of part `part` of an item's text: `ftrow|<n>|C-1|0`, and on its first part the group
 * the row is in now when its message counts groups (`ftrow|<n>|C-1|0|overdue`), for the counts after a
 * press; a row a press moved under another heading also names the section that counted it
 * (`ftrow|<n>|C-1|0|done|overdue`).
 */
export function rowBlockId(index: number, itemId: string, part: number, group?: string, section?: string): string {
  const counted = group && part === 0 ? `|${group}${section ? `|${section}` : ''}` : '';
  return `${ROW_PREFIX}|${index}|${itemId}|${part}${counted}`.slice(0, MAX_BLOCK_ID);
}

/** The item a block belongs to (its text or its buttons), with the row's index (and group, and the section that counted it); undefined for other blocks. */
export function rowOfBlock(
  blockId: string | undefined,
): { index: string; itemId: string; part?: number; group?: string; section?: string } | undefined {
  const parts = (blockId ?? '').split('|');
  if (parts[0] === ROW_PREFIX && parts.length >= 4 && parts.length <= 6)
    return { index: parts[1], itemId: parts[2], part: Number(parts[3]), group: parts[4] || undefined, section: parts[5] || undefined };
  if (parts[0] === BLOCK_PREFIX && parts.length >= 4 && /^\d+a\d+$/.test(parts[1]))
    return { index: parts[1].split('a')[0], itemId: parts[2] };
  return undefined;
}

/** The block that collects "✅ Sara marked C-1 done" lines on a shared message. */
export const LOG_BLOCK_ID = 'ftlog';

/** A heading that counts a group: `fthead|<n>|overdue|2` (the group, and how many it held when sent). */
export function headingBlockId(index: number, group: string, count: number): string {
  return `${HEAD_PREFIX}|${index}|${group}|${count}`.slice(0, MAX_BLOCK_ID);
}

export function headingOfBlock(blockId: string | undefined): { group: string; count: number } | undefined {
  const parts = (blockId ?? '').split('|');
  if (parts[0] !== HEAD_PREFIX || parts.length !== 4 || !parts[2] || !/^\d+$/.test(parts[3])) return undefined;
  return { group: parts[2], count: Number(parts[3]) };
}

/**
 * The header of a message that counts groups carries how it counted them, so a press can say the
 * counts again: `fttally|o|overdue=2,reviews=1|Your commitments, Tue 1 Dec`. Left off (the header
 * then keeps its words) when it would not fit Slack's 255 characters.
 */
export function tallyBlockId(tally: CardTally): string | undefined {
  const totals = tally.totals.map((t) => `${t.group}=${t.count}`).join(',');
  const id = `${TALLY_PREFIX}|${tally.words === 'owner' ? 'o' : 'd'}|${totals}|${tally.lead}`;
  return id.length <= MAX_BLOCK_ID ? id : undefined;
}

export function tallyOfBlock(blockId: string | undefined): CardTally | undefined {
  const [prefix, words, totals, ...lead] = (blockId ?? '').split('|');
  if (prefix !== TALLY_PREFIX || (words !== 'o' && words !== 'd') || totals === undefined || lead.length === 0) return undefined;
  const parsed = totals
    .split(',')
    .filter(Boolean)
    .map((t) => /^([a-z-]{1,30})=(\d{1,9})$/.exec(t));
  if (parsed.some((m) => !m)) return undefined;
  return {
    words: words === 'o' ? 'owner' : 'digest',
    lead: lead.join('|'),
    totals: parsed.map((m) => ({ group: m![1], count: Number(m![2]) })),
  };
}
