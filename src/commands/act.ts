/**
 * Button presses. A press is a typed action (button-action.ts: which button, which item, which
 * value), validated with zod, then run as the command spec its words would run (`done` with
 * `{ id }`) — never as command text — so buttons and commands can never disagree. The outcome
 * carries the pressed item's row as it is now and one line for everyone, so a shared message stays
 * what it was and only that row changes (issue 11 item 4); private cards (a list, `show`) are rebuilt.
 */
import type { Commitment, LogEntry } from '../commitments/commitment.js';
import type { Action, Invocation } from '../ports/invocation.js';
import { commitmentItem } from '../replies/commitment-view.js';
import { isRowContext, isSharedContext, type CardItem, type Reply } from '../replies/reply.js';
import { groupOfReminder, reminderItem } from '../reminders/owner-message.js';
import type { Store } from '../store/store.js';
import { reminderKindFor, type ReminderKind } from '../reminders/cadence.js';
import { groupOf } from '../commitments/list-groups.js';
import { isClosed } from '../commitments/status-rules.js';
import { digestFor } from '../reminders/channel-digest.js';
import { commandFor, COMMITMENT_ID, NOT_A_BUTTON, parseButtonAction, type ButtonAction } from './button-action.js';
import { dispatch, executeCommand, type DispatchDeps } from './dispatch.js';
import { pressLine } from './press-line.js';
import { commitmentDetail } from './show.js';

export interface ActionOutcome {
  /** False when the press was refused, failed or changed nothing: show `message` to the presser only, change no message. */
  ok: boolean;
  /** What happened, in words ("Alice marked C-3 done"), for the presser. */
  message: string;
  /**
   * A private card (a list, `show`) rebuilt after the change, with `note` as its footer. For a
   * digest it is the digest rebuilt (still a digest); absent for an owner's daily message.
   */
  refreshed?: Reply;
  /** The pressed item's row as it is now, to replace that row (same `id`) where it is shown. */
  item?: CardItem;
  /** Every row the press changed (an event's date changes each item waiting on it), as they are now. */
  rows?: CardItem[];
  /** One line for everyone who sees the message, under that row: "✅ Sara marked C-1 done". */
  note?: string;
  /** The message pressed is shared (digest, announcement): update the row, never replace the message. */
  shared?: boolean;
}

const PICK_A_DATE = 'Pick a date first, then press the button again. Nothing was changed.';
/** "Not yet" changes nothing: the monthly question simply comes again. */
const NOT_YET = 'Noted: not yet. I will ask again next month.';
const DATE_BUTTONS = ['confirm-date', 'set-date', 'event-check'];

export async function act(deps: DispatchDeps, action: Action): Promise<ActionOutcome> {
  const shared = isSharedContext(action.context);
  const button = parseButtonAction(action);
  if (!button) {
    // A date button submitted with no date picked (Teams lets an empty Input.Date through).
    if (DATE_BUTTONS.includes(action.actionId) && !action.value?.trim()) return { ok: false, message: PICK_A_DATE, shared };
    return { ok: false, message: NOT_A_BUTTON, shared };
  }
  const pressed: Action = { ...action, actionId: button.kind, target: button.target, value: button.value, context: button.context };
  // "Edit" changes nothing by itself: it tells the presser alone how to change the item.
  if (button.kind === 'edit') return { ok: false, message: editHint(button.target), shared };
  if (button.kind === 'event-check' && button.value === 'not-yet') {
    return { ok: true, message: NOT_YET, shared, ...(await rowsAfter(deps, pressed, button, `${action.user.name}: not yet`)) };
  }
  const command = commandFor(await withEvent(deps, pressed, button));
  if (!command) return { ok: false, message: PICK_A_DATE, shared };
  // The invocation's text is what the press stands for, for logs only: nothing reads it as words.
  const invocation: Invocation = { ...pressed, text: `[button ${button.kind} ${button.target}]`, mentions: [] };
  const watched = noticingChanges(deps.store);
  const { reply, failed } = await executeCommand({ ...deps, store: watched.store }, invocation, command.command, command.args);
  if (failed) return { ok: false, message: reply.text, shared };
  // "Already done", "not proposed": nothing changed, so no shared message may change either.
  if (COMMITMENT_ID.test(pressed.target) && !watched.changed()) return { ok: false, message: reply.text, shared };
  const note = pressLine(button, action.user.name, reply.text.split('\n')[0]);
  return { ok: true, message: reply.text, shared, ...(await rowsAfter(deps, pressed, button, note, watched.updated)) };
}

/** "Edit" on a proposed item: the ways to change it before accepting. */
function editHint(id: string): string {
  return [
    `To change ${id} before accepting it, type:`,
    `\`edit ${id} title <new title>\` · \`edit ${id} due <when>\` · \`edit ${id} owner @someone\` · \`edit ${id} parties <names>\``,
    `Then \`accept ${id}\`.`,
  ].join('\n');
}

/**
 * The store as the pressed command sees it, noting the commitments it changed, as stored (every
 * change of one goes through `commitments.update`, which also appends its log row). Asked instead of
 * counting the item's log before and after, and the changed item is not read back: three reads fewer.
 */
function noticingChanges(store: Store): { store: Store; changed: () => boolean; updated: Commitment[] } {
  const updated: Commitment[] = [];
  const commitments = Object.create(store.commitments, {
    update: {
      value: async (...args: Parameters<Store['commitments']['update']>) => {
        const commitment = await store.commitments.update(...args);
        updated.push(commitment);
        return commitment;
      },
    },
  }) as Store['commitments'];
  return { store: Object.create(store, { commitments: { value: commitments } }) as Store, changed: () => updated.length > 0, updated };
}

/** "Yes, on…" may name the commitment waiting on the event rather than the event itself. */
async function withEvent(deps: DispatchDeps, action: Action, button: ButtonAction): Promise<ButtonAction> {
  if (button.kind !== 'event-check' || button.value === 'drop' || !COMMITMENT_ID.test(button.target)) return button;
  const commitment = await deps.store.commitments.get(action.workspace.id, button.target);
  const eventId = commitment?.deadline.kind === 'event' ? commitment.deadline.eventId : undefined;
  return eventId ? { ...button, target: eventId } : button;
}

/** The pressed rows now, the note for everyone, and (for private cards and digests) the card rebuilt. */
async function rowsAfter(
  deps: DispatchDeps,
  action: Action,
  button: ButtonAction,
  note: string,
  changed: readonly Commitment[] = [],
): Promise<Pick<ActionOutcome, 'item' | 'rows' | 'note' | 'refreshed'>> {
  const read = await currentRows(deps, action, button, changed);
  const rows = read.map((r) => r.row);
  const kept = action.rowsOnly || (isRowContext(action.context) && !action.context?.startsWith('digest:'));
  const refreshed = kept ? undefined : await rebuild(deps, action, read);
  return {
    item: rows.find((r) => r.id === action.target) ?? rows[0],
    rows,
    note,
    refreshed: refreshed && { ...refreshed, card: refreshed.card && { ...refreshed.card, footer: note } },
  };
}

interface ReadRow {
  commitment: Commitment;
  history: LogEntry[];
  row: CardItem;
}

/** The pressed commitment as the card it was on shows it (as the press left it, when it changed it); for an event, every commitment waiting on it. */
async function currentRows(deps: DispatchDeps, action: Action, button: ButtonAction, changed: readonly Commitment[]): Promise<ReadRow[]> {
  const workspaceId = action.workspace.id;
  if (COMMITMENT_ID.test(button.target)) {
    const commitment =
      [...changed].reverse().find((c) => c.id === button.target.toUpperCase()) ??
      (await deps.store.commitments.get(workspaceId, button.target));
    return commitment ? [await rowOf(deps, action, commitment)] : [];
  }
  const waiting = await deps.store.commitments.list(workspaceId, { eventId: button.target });
  return Promise.all(waiting.map((c) => rowOf(deps, action, c)));
}

/** One row as the card it was on shows it (an owner's message keeps its answer buttons), saying when a closed item closed. */
async function rowOf(deps: DispatchDeps, action: Action, commitment: Commitment): Promise<ReadRow> {
  const now = deps.clock.now();
  const history = await deps.store.commitments.history(commitment.workspaceId, commitment.id);
  const closedAt = [...history].reverse().find((e) => e.action === commitment.status)?.at;
  const owner = action.context?.startsWith('owner:') ?? false;
  const kind = reminderKindFor(commitment);
  const row = owner ? reminderItem(kind, commitment, now, { closedAt }) : commitmentItem(commitment, now, { closedAt });
  return { commitment, history, row: { ...row, group: groupNow(owner, kind, commitment, now) } };
}

/** The group a row counts in now (as its message groups them), so the message's counts can follow the press (tally.ts). */
function groupNow(owner: boolean, kind: ReminderKind | undefined, commitment: Commitment, now: Date): string | undefined {
  if (isClosed(commitment.status)) return commitment.status;
  if (owner) return kind && groupOfReminder({ kind, commitment }, now);
  return groupOf(commitment, now);
}

/**
 * Rebuilds the card a button was on from its (validated) context (`list:<words>`, `item:<id>`, `digest:`).
 * The pressed item's own card is built from the item and history just read, as `show` builds it.
 */
async function rebuild(deps: DispatchDeps, action: Action, read: ReadRow[]): Promise<Reply | undefined> {
  const context = action.context ?? '';
  if (context.startsWith('digest:')) {
    return (await digestFor(deps.store, action.workspace.id, action.channel.address, deps.clock.now(), { weekly: true })) ?? undefined;
  }
  const shown = context.startsWith('item:') ? read.find((r) => r.commitment.id === context.slice(5).toUpperCase()) : undefined;
  if (shown) return commitmentDetail(deps.clock.now(), shown.commitment, shown.history);
  const words = context.startsWith('list:')
    ? `list ${context.slice(5)}`
    : context.startsWith('item:')
      ? `show ${context.slice(5)}`
      : undefined;
  if (!words) return undefined;
  return dispatch(deps, { ...action, text: words, mentions: [] });
}
