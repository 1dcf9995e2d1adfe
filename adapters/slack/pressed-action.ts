/**
 * What a Slack press means, as a typed action: the JSON a button or select option carries, or for a
 * date or person picker its action id's kind, its block's target and the picked date or user. Anything that does not
 * decode is undefined (the listener refuses it); the core then validates kind, id and choice.
 */
import type { BlockAction } from '@slack/bolt';
import { buttonFromActionId, decodeAction, decodeBlockId, type Picker, type TypedAction } from './action-ids.js';

type Element = BlockAction['actions'][number];

export interface Pressed extends TypedAction {
  /** The card's context from the block id (`list:mine`, `item:C-3`): how to rebuild a private card. */
  context?: string;
}

export function pressedAction(element: Element): Pressed | undefined {
  const button = buttonFromActionId(element.action_id);
  const block = decodeBlockId(element.block_id);
  if (!button || !block) return undefined;
  const typed = typedActionOf(element, button, block.target);
  // The element's own kind and item must agree with what its action id and block say.
  if (!typed || typed.kind !== button.kind || typed.id !== block.target) return undefined;
  return { ...typed, context: block.context };
}

function typedActionOf(element: Element, button: { kind: string; picker?: Picker }, target: string): TypedAction | undefined {
  switch (element.type) {
    case 'button':
      return button.picker ? undefined : decodeAction(element.value);
    case 'static_select':
      return button.picker ? undefined : decodeAction(element.selected_option?.value);
    case 'datepicker':
      return button.picker === 'date' && element.selected_date
        ? { kind: button.kind, id: target, choice: element.selected_date }
        : undefined;
    case 'users_select':
      return button.picker === 'user' && element.selected_user
        ? { kind: button.kind, id: target, choice: element.selected_user }
        : undefined;
    default:
      return undefined;
  }
}
