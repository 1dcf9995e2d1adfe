/** Renders a card's actions as a Block Kit actions block: buttons, select menus and date pickers. */
import type { types } from '@slack/bolt';
import type { CardAction } from '../../src/replies/reply.js';
import { actionIdFor, encodeAction, encodeBlockId, type Picker } from './action-ids.js';
import { toPlain } from './mrkdwn.js';

/** Slack's limits for these elements (Block Kit reference). */
export const ELEMENT_LIMITS = { text: 75, buttonValue: 2000, optionValue: 150, options: 100, elements: 25 } as const;

type Element = types.ActionsBlockElement;

/**
 * One actions block for actions that share a target; `index` keeps block ids unique in the message
 * (`3a0` is the first actions block of item 3, so a press can find that item's row).
 */
export function actionsBlock(actions: CardAction[], index: number | string, context: string | undefined): types.ActionsBlock {
  const seen = new Map<string, number>();
  const idFor = (action: CardAction, picker?: Picker) => {
    const base = actionIdFor(action.id, { picker });
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    return actionIdFor(action.id, { picker, repeat });
  };
  const elements: Element[] = actions.flatMap((action) => elementsFor(action, idFor));
  return {
    type: 'actions',
    block_id: encodeBlockId(index, { target: actions[0].target, context }),
    elements: elements.slice(0, ELEMENT_LIMITS.elements),
  };
}

function elementsFor(action: CardAction, idFor: (a: CardAction, picker?: Picker) => string): Element[] {
  const elements: Element[] = [];
  // A person picker (Accept, naming the owner): Slack sends the picked user id back.
  if (action.pickUser) return [{ type: 'users_select', action_id: idFor(action, 'user'), placeholder: plain(action.label) }];
  if (action.options && action.options.length > 0) {
    elements.push({
      type: 'static_select',
      action_id: idFor(action),
      placeholder: plain(action.label),
      options: action.options.slice(0, ELEMENT_LIMITS.options).map((o) => ({
        text: plain(o.label),
        value: encodeAction({ kind: action.id, id: action.target, choice: o.value }).slice(0, ELEMENT_LIMITS.optionValue),
      })),
    });
  } else if (!action.pickDate) {
    elements.push({
      type: 'button',
      action_id: idFor(action),
      text: plain(action.label),
      value: encodeAction({ kind: action.id, id: action.target, choice: action.value }).slice(0, ELEMENT_LIMITS.buttonValue),
      ...(action.style ? { style: action.style } : {}),
    });
  }
  if (action.pickDate) {
    const label = action.options?.length ? `${action.label}: pick a date` : action.label;
    elements.push({ type: 'datepicker', action_id: idFor(action, 'date'), placeholder: plain(label) });
  }
  return elements;
}

function plain(text: string): types.PlainTextElement {
  const value = toPlain(text);
  return {
    type: 'plain_text',
    text: value.length > ELEMENT_LIMITS.text ? `${value.slice(0, ELEMENT_LIMITS.text - 1)}…` : value,
    emoji: true,
  };
}

/** Groups actions by target, keeping their order: each group becomes one actions block. */
export function groupByTarget(actions: CardAction[]): CardAction[][] {
  const groups = new Map<string, CardAction[]>();
  for (const action of actions) {
    const group = groups.get(action.target);
    if (group) group.push(action);
    else groups.set(action.target, [action]);
  }
  return [...groups.values()];
}
