/**
 * How a card's buttons travel through Slack and back: action ids (`ft_done`, `ft_snooze_date`) and
 * block ids carrying the target and the card's context, so a press can be turned back into an Action.
 */
import { BUTTON_IDS as CORE_BUTTON_IDS, type ButtonId } from '../../src/replies/reply.js';

export const ACTION_PREFIX = 'ft_';
/** Matches every action id this adapter renders (the listener's filter). */
export const ACTION_ID_PATTERN = /^ft_[a-z_]+(?:~\d+)?$/;
const BLOCK_PREFIX = 'ft';
export const MAX_BLOCK_ID = 255;

/** Every button the core can put on a card, as the action id Slack sends back. */
export const BUTTON_IDS: readonly ButtonId[] = CORE_BUTTON_IDS;

/** `confirm-date` → `ft_confirm_date`; the date picker variant gets `_date`; repeats in one block get `~n`. */
export function actionIdFor(id: ButtonId, options: { datePicker?: boolean; repeat?: number } = {}): string {
  const base = `${ACTION_PREFIX}${id.replace(/-/g, '_')}${options.datePicker ? '_date' : ''}`;
  return options.repeat ? `${base}~${options.repeat}` : base;
}

/** `ft_snooze_date~2` → `{ id: 'snooze', datePicker: true }`; undefined for ids that are not ours. */
export function buttonFromActionId(actionId: string): { id: ButtonId; datePicker: boolean } | undefined {
  if (!ACTION_ID_PATTERN.test(actionId)) return undefined;
  const bare = actionId.slice(ACTION_PREFIX.length).replace(/~\d+$/, '');
  for (const id of BUTTON_IDS) {
    const name = id.replace(/-/g, '_');
    if (bare === name) return { id, datePicker: false };
    if (bare === `${name}_date`) return { id, datePicker: true };
  }
  return undefined;
}

export interface BlockTarget {
  target: string;
  context?: string;
}

/**
 * `ft|<n>|<target>|<context>`: unique per message thanks to `n`. A context too long for Slack's 255
 * characters is left out; the press still works, only the in-place refresh is skipped.
 */
export function encodeBlockId(index: number, { target, context }: BlockTarget): string {
  const full = `${BLOCK_PREFIX}|${index}|${target}|${context ?? ''}`;
  return full.length <= MAX_BLOCK_ID ? full : `${BLOCK_PREFIX}|${index}|${target}|`;
}

export function decodeBlockId(blockId: string | undefined): BlockTarget | undefined {
  const parts = (blockId ?? '').split('|');
  if (parts[0] !== BLOCK_PREFIX || parts.length < 4 || !parts[2]) return undefined;
  const context = parts.slice(3).join('|');
  return { target: parts[2], context: context || undefined };
}
