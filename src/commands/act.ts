/**
 * Button presses. A press is a typed action (which button, which item, which value), validated
 * here, then run as the same command its words would (`done C-3`), so buttons and commands can
 * never disagree. The outcome carries the pressed item's row as it is now, so a message stays what
 * it was and only that row changes (issue 11 item 4); private cards (a list, `show`) are rebuilt.
 */
import { isCalendarDate } from '../commitments/calendar.js';
import type { Action, Invocation } from '../ports/invocation.js';
import { commitmentItem } from '../replies/commitment-view.js';
import { BUTTON_IDS, isRowContext, isSharedContext, type ButtonId, type CardItem, type Reply } from '../replies/reply.js';
import { reminderItem } from '../reminders/owner-message.js';
import { reminderKindFor } from '../reminders/cadence.js';
import { digestFor } from '../reminders/channel-digest.js';
import { dispatch, execute, type DispatchDeps } from './dispatch.js';

export interface ActionOutcome {
  /** False when the press was refused or failed: show `message` to the presser only, change no message. */
  ok: boolean;
  /** What happened, in words ("Alice marked C-3 done"), for the presser. */
  message: string;
  /**
   * A private card (a list, `show`) rebuilt after the change, with `message` as its footer. For a
   * digest it is the digest rebuilt (still a digest); absent for an owner's daily message.
   */
  refreshed?: Reply;
  /** The pressed item's row as it is now, to replace that row (same `id`) where it is shown. */
  item?: CardItem;
  /** One line for everyone who sees the message, under that row: "✅ Sara marked C-1 done". */
  note?: string;
  /** The message pressed is shared (digest, announcement): update the row, never replace the message. */
  shared?: boolean;
}

type Words = (target: string, value: string | undefined) => string | undefined;

/** Each button as the command it runs; undefined when the value does not fit the button. */
const ACTION_WORDS: Record<ButtonId, Words> = {
  done: (t) => `done ${t}`,
  reopen: (t) => `reopen ${t}`,
  snooze: (t, v) => (v === undefined || /^(\d{1,3}[dwh]|\d{4}-\d{2}-\d{2})$/.test(v) ? `snooze ${t} ${v ?? '1d'}` : undefined),
  status: (t, v) => (v === undefined || /^(in-progress|blocked|at-risk|ok)$/.test(v) ? `status ${t} ${v ?? 'in-progress'}` : undefined),
  // The kept soft date, a picked date, or `ongoing`.
  'confirm-date': (t, v) => (v && (isCalendarDate(v) || v === 'ongoing') ? `edit ${t} due ${v}` : undefined),
  // A picked date, `ongoing`, or `none` (no date needed: the item stays undated, listed weekly).
  'set-date': (t, v) => (v && (isCalendarDate(v) || v === 'ongoing' || v === 'none') ? `edit ${t} due ${v}` : undefined),
  // `t` is the event for a picked date, the commitment for `drop`.
  'event-check': (t, v) => (v === 'drop' ? `drop ${t} the event will not happen` : v && isCalendarDate(v) ? `event ${t} ${v}` : undefined),
  review: (t, v) => (v === 'kept' || v === 'ended' || v === 'not-kept' ? `review ${t} ${v}` : undefined),
  // No value: the presser (or a user named in the parties) owns it; a picked person's id otherwise.
  accept: (t, v) => (v === undefined ? `accept ${t}` : /^[\w.:@-]{1,100}$/.test(v) ? `accept ${t} <@${v}>` : undefined),
  reject: (t) => `reject ${t}`,
  edit: () => undefined,
};

const PICK_A_DATE = 'Pick a date first, then press the button again. Nothing was changed.';
/** "Not yet" changes nothing: the monthly question simply comes again. */
const NOT_YET = 'Noted: not yet. I will ask again next month.';
const TARGET = /^[CE]-\d{1,9}$/;

export function actionText(action: Pick<Action, 'actionId' | 'target' | 'value'>): string | undefined {
  if (!(BUTTON_IDS as readonly string[]).includes(action.actionId) || !TARGET.test(action.target)) return undefined;
  return ACTION_WORDS[action.actionId as ButtonId](action.target, action.value?.trim() || undefined)?.trim();
}

export async function act(deps: DispatchDeps, action: Action): Promise<ActionOutcome> {
  const shared = isSharedContext(action.context);
  if (!(BUTTON_IDS as readonly string[]).includes(action.actionId) || !TARGET.test(action.target)) {
    return { ok: false, message: `This button (${action.actionId}) is not one I know. Nothing was changed.`, shared };
  }
  if (action.actionId === 'edit') return { ok: true, message: editHint(action.target), shared };
  if (action.actionId === 'event-check' && action.value === 'not-yet') {
    return { ok: true, message: NOT_YET, shared, ...(await rowAfter(deps, action, NOT_YET, NOT_YET)) };
  }
  // A date button submitted with no date picked (Teams lets an empty Input.Date through).
  const dateButton = action.actionId === 'confirm-date' || action.actionId === 'set-date' || action.actionId === 'event-check';
  if (dateButton && !action.value?.trim()) return { ok: false, message: PICK_A_DATE, shared };
  const text = actionText(action);
  if (!text) return { ok: false, message: `That choice ("${action.value ?? ''}") does not fit this button. Nothing was changed.`, shared };
  const invocation: Invocation = { ...action, text, mentions: [] };
  const { reply, failed } = await execute(deps, invocation);
  if (failed) return { ok: false, message: reply.text, shared };
  const note = reply.text.split('\n')[0];
  return { ok: true, message: reply.text, shared, ...(await rowAfter(deps, action, note, reply.text.split('\n')[0])) };
}

/** "Edit" on a proposed item: the ways to change it before accepting. */
function editHint(id: string): string {
  return [
    `To change ${id} before accepting it, type:`,
    `\`edit ${id} title <new title>\` · \`edit ${id} due <when>\` · \`edit ${id} owner @someone\` · \`edit ${id} parties <names>\``,
    `Then \`accept ${id}\`.`,
  ].join('\n');
}

/** The pressed item's row now, the note for everyone, and (for private cards and digests) the card rebuilt. */
async function rowAfter(deps: DispatchDeps, action: Action, note: string, footer: string): Promise<Pick<ActionOutcome, 'item' | 'note' | 'refreshed'>> {
  const item = await currentRow(deps, action);
  const refreshed = isRowContext(action.context) && !action.context?.startsWith('digest:') ? undefined : await rebuild(deps, action);
  return {
    item,
    note,
    refreshed: refreshed && { ...refreshed, card: refreshed.card && { ...refreshed.card, footer } },
  };
}

/** The row of the pressed commitment as the card it was on shows it (an owner's message keeps its answer buttons). */
async function currentRow(deps: DispatchDeps, action: Action): Promise<CardItem | undefined> {
  if (!action.target.startsWith('C-')) return undefined;
  const commitment = await deps.store.commitments.get(action.workspace.id, action.target);
  if (!commitment) return undefined;
  const now = deps.clock.now();
  const history = await deps.store.commitments.history(commitment.workspaceId, commitment.id);
  const closedAt = [...history].reverse().find((e) => e.action === commitment.status)?.at;
  if (action.context?.startsWith('owner:')) {
    const kind = reminderKindFor(commitment);
    return reminderItem(kind, commitment, now, { closedAt });
  }
  return commitmentItem(commitment, now, { closedAt });
}

/** Rebuilds the card a button was on from its context (`list:<words>`, `item:<id>`, `digest:`). */
async function rebuild(deps: DispatchDeps, action: Action): Promise<Reply | undefined> {
  const context = action.context ?? '';
  const words = context.startsWith('list:')
    ? `list ${context.slice(5)}`
    : context.startsWith('item:')
      ? `show ${context.slice(5)}`
      : undefined;
  if (context.startsWith('digest:')) {
    return (await digestFor(deps.store, action.workspace.id, action.channel.address, deps.clock.now(), { weekly: true })) ?? undefined;
  }
  if (!words) return undefined;
  return dispatch(deps, { ...action, text: words, mentions: [] });
}
