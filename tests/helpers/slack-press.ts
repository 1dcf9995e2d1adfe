/**
 * A block_actions payload as Slack sends it when someone presses an element of blocks the bot
 * rendered: the element's own action id, block id and value (a select's chosen option, a picked date).
 */
import { expect } from 'vitest';
import { decodeAction } from '../../adapters/slack/action-ids.js';
import { slackFixture } from './fake-slack-harness.js';

export interface PressWhere {
  /** The message's ts; omitted for an ephemeral message. */
  ts?: string;
  ephemeral: boolean;
  user?: string;
  channel?: string;
  /** The message's fallback text, as Slack sends it back with the message. */
  text?: string;
}

export interface PressWhat {
  /** A select's option, by the choice it carries (`blocked`, `1w`). */
  choice?: string;
  /** A date picker's picked date. */
  date?: string;
}

/** The element `actionId` in the actions block for `target`, pressed as `what` says. */
export function pressedElement(blocks: any[], target: string, actionId: string, what: PressWhat = {}): Record<string, any> {
  const block = blocks.find((b) => b.type === 'actions' && b.block_id.split('|')[2] === target);
  expect(block, `actions for ${target}`).toBeDefined();
  const element = block.elements.find((e: any) => e.action_id === actionId);
  expect(element, actionId).toBeDefined();
  const base = { action_id: element.action_id, block_id: block.block_id, type: element.type, action_ts: '1700000300.000300' };
  if (element.type === 'button') return { ...base, text: element.text, value: element.value };
  if (element.type === 'static_select') {
    const option = element.options.find((o: any) => decodeAction(o.value)?.choice === what.choice);
    expect(option, `option ${what.choice}`).toBeDefined();
    return { ...base, selected_option: option };
  }
  return { ...base, selected_date: what.date };
}

export function pressPayload(blocks: any[], action: Record<string, any>, where: PressWhere): Record<string, any> {
  const payload = slackFixture('block-actions');
  const user = where.user ?? 'U0ALICE';
  const channel = where.channel ?? 'C0GENERAL';
  return {
    ...payload,
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0FAKE' },
    channel: { id: channel, name: 'x' },
    container: { type: 'message', message_ts: where.ts ?? '1700000999.000999', channel_id: channel, is_ephemeral: where.ephemeral },
    message: where.ephemeral ? undefined : { ...payload.message, ts: where.ts, blocks, text: where.text ?? payload.message.text },
    actions: [action],
  };
}

/** Presses `actionId` on `target` in `blocks`. */
export function press(blocks: any[], target: string, actionId: string, where: PressWhere, what: PressWhat = {}): Record<string, any> {
  return pressPayload(blocks, pressedElement(blocks, target, actionId, what), where);
}
