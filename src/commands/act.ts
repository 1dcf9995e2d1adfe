/**
 * Button presses. A press runs the same command its words would (`done C-3`), so buttons and
 * commands can never disagree; then the card it was on is rebuilt so the message updates in place.
 */
import type { Action, Invocation } from '../ports/invocation.js';
import type { Reply } from '../replies/reply.js';
import { dispatch, execute, type DispatchDeps } from './dispatch.js';

export interface ActionOutcome {
  /** False when the press was refused or failed: show `message` privately, leave the card alone. */
  ok: boolean;
  /** What happened, in words ("Alice marked C-3 done"). */
  message: string;
  /** The card rebuilt after the change, with `message` as its footer. */
  refreshed?: Reply;
}

const ACTION_WORDS: Record<string, (target: string, value?: string) => string> = {
  done: (t) => `done ${t}`,
  reopen: (t) => `reopen ${t}`,
  snooze: (t, v) => `snooze ${t} ${v ?? '1d'}`,
  status: (t, v) => `status ${t} ${v ?? 'in-progress'}`,
  // `v` is the kept soft date, a picked date, or `ongoing`.
  'confirm-date': (t, v) => `edit ${t} due ${v ?? ''}`,
  // `t` is the event for a picked date, the commitment for `drop`.
  'event-check': (t, v) => (v === 'drop' ? `drop ${t}` : `event ${t} ${v ?? ''}`),
};

const PICK_A_DATE = 'Pick a date first, then press the button again. Nothing was changed.';

/** "Not yet" changes nothing: the monthly question simply comes again. */
const NOT_YET = 'Noted: not yet. I will ask again next month.';

export function actionText(action: Pick<Action, 'actionId' | 'target' | 'value'>): string | undefined {
  return ACTION_WORDS[action.actionId]?.(action.target, action.value)?.trim();
}

export async function act(deps: DispatchDeps, action: Action): Promise<ActionOutcome> {
  if (action.actionId === 'event-check' && action.value === 'not-yet') {
    const refreshed = await rebuild(deps, action);
    return { ok: true, message: NOT_YET, refreshed: refreshed && { ...refreshed, card: refreshed.card && { ...refreshed.card, footer: NOT_YET } } };
  }
  // A date button submitted with no date picked (Teams lets an empty Input.Date through).
  if ((action.actionId === 'confirm-date' || action.actionId === 'event-check') && !action.value?.trim()) {
    return { ok: false, message: PICK_A_DATE };
  }
  const text = actionText(action);
  if (!text) return { ok: false, message: `This button (${action.actionId}) is not one I know. Nothing was changed.` };
  const invocation: Invocation = { ...action, text, mentions: [] };
  const { reply, failed } = await execute(deps, invocation);
  if (failed) return { ok: false, message: reply.text };
  const refreshed = await rebuild(deps, action);
  return {
    ok: true,
    message: reply.text,
    refreshed: refreshed && { ...refreshed, card: refreshed.card && { ...refreshed.card, footer: reply.text.split('\n')[0] } },
  };
}

/** Rebuilds the card a button was on from its context (`list:<words>` or `item:<id>`). */
async function rebuild(deps: DispatchDeps, action: Action): Promise<Reply | undefined> {
  const context = action.context ?? '';
  const words = context.startsWith('list:') ? `list ${context.slice(5)}` : context.startsWith('item:') ? `show ${context.slice(5)}` : undefined;
  if (!words) return undefined;
  return dispatch(deps, { ...action, text: words, mentions: [] });
}
