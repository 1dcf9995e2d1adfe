/**
 * An item's buttons laid out in rows for a narrow Teams card. An ActionSet wraps where it runs out
 * of room, so a reminder's four or five buttons broke at a different place on every row ("No date
 * needed" or "It's ongoing" alone on a second row, among Done and Snooze). Here the answers to the
 * item's question stay together on one row and the everyday buttons (Done, Snooze, Update status,
 * Reopen) go on the next, unless all of them fit on one. Widths are estimated from the labels,
 * measured on Agents Playground, the narrowest card we check (414 px inside the card). Pure.
 */
import type { CardAction } from '../../src/replies/reply.js';

/** Room for buttons in one row of Agents Playground's card, less a margin for fonts a little wider. */
export const ROW_WIDTH_PX = 400;
const GAP_PX = 8;
/** A button's padding and border around its label. */
const PADDING_PX = 32;
const EVERYDAY = new Set(['done', 'snooze', 'status', 'reopen']);

/** A label's width in the card's semibold 14 px font: narrow letters, capitals and the rest (measured on screenshots). */
export function labelWidth(label: string): number {
  let width = 0;
  for (const ch of label) {
    if (/[iljfI'.,:;|!]/.test(ch)) width += 4.6;
    else if (/[t ]/.test(ch)) width += 5;
    else if (/[mwMW]/.test(ch)) width += 12.5;
    else if (/[A-Z]/.test(ch)) width += 10;
    else width += 8.6;
  }
  return width + PADDING_PX;
}

const rowWidth = (actions: readonly CardAction[]) =>
  actions.reduce((sum, a) => sum + labelWidth(a.label), 0) + GAP_PX * Math.max(0, actions.length - 1);

/** Rows of buttons, each fitting `width`: all on one when they fit, else the answers, then the everyday ones. */
export function actionRows(actions: readonly CardAction[], width = ROW_WIDTH_PX): CardAction[][] {
  if (actions.length === 0) return [];
  if (rowWidth(actions) <= width) return [[...actions]];
  const answers = actions.filter((a) => !EVERYDAY.has(a.id));
  const everyday = actions.filter((a) => EVERYDAY.has(a.id));
  return [...packed(answers, width), ...packed(everyday, width)];
}

/** As many buttons on a row as fit, in order (a row takes at least one, however long). */
function packed(actions: readonly CardAction[], width: number): CardAction[][] {
  const rows: CardAction[][] = [];
  for (const action of actions) {
    const last = rows.at(-1);
    if (last && rowWidth([...last, action]) <= width) last.push(action);
    else rows.push([action]);
  }
  return rows;
}
