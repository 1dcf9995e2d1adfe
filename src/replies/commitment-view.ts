/** How one commitment reads in lists, cards and announcements: the same words on every platform. */
import type { Commitment } from '../commitments/commitment.js';
import { isApproximate } from '../commitments/deadline.js';
import { isOverdue, isSoftDatePassed } from '../commitments/list-groups.js';
import { STATUS_LABEL, isClosed } from '../commitments/status-rules.js';
import { closedAt, closedLabel } from './closed-label.js';
import { formatCalendarDate } from './format-date.js';
import type { CardAction, CardItem } from './reply.js';

export interface ViewOptions {
  /** When a closed item was closed (its done/dropped log row); defaults to its last change. */
  closedAt?: string;
}

/**
 * "due Fri 15 Mar", "due ~30 Mar", "waiting on E-2 new government formed", "ongoing", "no deadline";
 * a closed item says when it was closed ("done Mon 29 Jan, 4 days early"), never "overdue".
 */
export function dueLabel(commitment: Commitment, now: Date, options: ViewOptions = {}): string {
  if (isClosed(commitment.status)) return closedLabel(commitment, now, options.closedAt ?? closedAt(commitment));
  const d = commitment.deadline;
  const currentYear = now.getUTCFullYear();
  switch (d.kind) {
    case 'exact':
    case 'vague': {
      const date = formatCalendarDate(d.due, { approximate: isApproximate(d), currentYear });
      if (isSoftDatePassed(commitment, now)) return `due ${date}, passed — confirm a date`;
      return isOverdue(commitment, now) ? `overdue since ${date}` : `due ${date}`;
    }
    case 'event': {
      if (d.due) {
        const date = formatCalendarDate(d.due, { approximate: d.approximate, currentYear });
        return isOverdue(commitment, now) ? `overdue since ${date}` : `due ${date}`;
      }
      const when = d.relation === 'before' ? 'before' : d.relation === 'at' ? 'at' : 'after';
      return `waiting: ${when} ${d.eventId ? `${d.eventId} ` : ''}${d.eventName}`;
    }
    case 'ongoing':
      return d.endCondition ? `ongoing until ${d.endCondition}` : d.cadence ? `ongoing, ${d.cadence}` : 'ongoing';
    default:
      return 'no deadline';
  }
}

export function ownersLabel(commitment: Commitment): string {
  return commitment.owners.map((o) => `@${o.name}`).join(', ') || 'no owner';
}

export function statusLabel(commitment: Commitment): string {
  const parts = [STATUS_LABEL[commitment.status]];
  if (commitment.atRisk && !isClosed(commitment.status)) parts.push('at risk');
  return parts.join(', ');
}

/** One line: `C-3  Appoint liaison officers — due ~5 Feb — @alice`. */
export function commitmentLine(commitment: Commitment, now: Date, options: ViewOptions = {}): string {
  // A closed item's label already says done/dropped; "[done]" after it would say it twice.
  const extra = (commitment.status === 'open' && !commitment.atRisk) || isClosed(commitment.status) ? '' : ` [${statusLabel(commitment)}]`;
  return `${commitment.id}  ${commitment.title} — ${dueLabel(commitment, now, options)} — ${ownersLabel(commitment)}${extra}`;
}

/** True when the item gets repeated reminders a snooze can silence (a due date, or a soft date to confirm). */
export function isNudged(commitment: Commitment): boolean {
  const d = commitment.deadline;
  return d.kind === 'exact' || d.kind === 'vague' || (d.kind === 'event' && d.due !== undefined);
}

/** Review buttons: Accept (the presser, or a picked person, owns it), Edit, Reject. Never Done/Snooze. */
export function reviewActions(commitment: Commitment): CardAction[] {
  const parties = commitment.parties.length > 0 ? ` for ${commitment.parties.join(', ')}` : '';
  return [
    { id: 'accept', label: 'Accept', target: commitment.id, style: 'primary' },
    { id: 'accept', label: `Owner${parties}…`, target: commitment.id, pickUser: true },
    { id: 'edit', label: 'Edit', target: commitment.id },
    { id: 'reject', label: 'Reject', target: commitment.id, style: 'danger' },
  ];
}

/** The answers to "how is this ongoing duty going?"; Done would wrongly close a duty that lasts. */
export function reviewAnswerActions(commitment: Commitment): CardAction[] {
  return [
    { id: 'review', label: 'Still kept', target: commitment.id, value: 'kept', style: 'primary' },
    { id: 'review', label: 'It has ended', target: commitment.id, value: 'ended' },
    { id: 'review', label: 'Not kept', target: commitment.id, value: 'not-kept', style: 'danger' },
  ];
}

/** The buttons a listed commitment carries, fitted to what it is (DESIGN §5, issue 11 item 3). */
export function commitmentActions(commitment: Commitment): CardAction[] {
  if (commitment.status === 'proposed') return reviewActions(commitment);
  if (isClosed(commitment.status)) return [{ id: 'reopen', label: 'Reopen', target: commitment.id }];
  const d = commitment.deadline;
  if (d.kind === 'ongoing')
    return [{ id: 'review', label: 'It has ended', target: commitment.id, value: 'ended' }, updateStatusAction(commitment)];
  const actions: CardAction[] = [doneAction(commitment)];
  if (d.kind === 'none') actions.push({ id: 'set-date', label: 'Pick a date', target: commitment.id, pickDate: true });
  if (isNudged(commitment)) actions.push(snoozeAction(commitment));
  actions.push(updateStatusAction(commitment));
  return actions;
}

export function doneAction(commitment: Commitment): CardAction {
  return { id: 'done', label: 'Done', target: commitment.id, style: 'primary' };
}

export function snoozeAction(commitment: Commitment): CardAction {
  return {
    id: 'snooze',
    label: 'Snooze',
    target: commitment.id,
    options: [
      { label: '1 day', value: '1d' },
      { label: '1 week', value: '1w' },
    ],
    pickDate: true,
  };
}

export function updateStatusAction(commitment: Commitment): CardAction {
  return {
    id: 'status',
    label: 'Update status',
    target: commitment.id,
    options: [
      { label: 'In progress', value: 'in-progress' },
      { label: 'Blocked', value: 'blocked' },
      { label: 'At risk', value: 'at-risk' },
      { label: 'On track', value: 'ok' },
    ],
  };
}

export function commitmentItem(commitment: Commitment, now: Date, options: { actions?: boolean } & ViewOptions = {}): CardItem {
  // Closed items say so in their date label; "· done" after "done Mon 29 Jan" would repeat it.
  const status = commitment.status === 'open' || isClosed(commitment.status) ? '' : ` · ${statusLabel(commitment)}`;
  const parties = commitment.status === 'proposed' && commitment.parties.length > 0 ? ` · parties: ${commitment.parties.join(', ')}` : '';
  return {
    id: commitment.id,
    title: `${commitment.id} ${commitment.title}`,
    lines: [`${dueLabel(commitment, now, options)} · ${ownersLabel(commitment)}${status}${parties}`],
    actions: options.actions === false ? undefined : commitmentActions(commitment),
    owners: commitment.owners,
  };
}
