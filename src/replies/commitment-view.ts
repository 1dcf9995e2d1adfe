/** How one commitment reads in lists, cards and announcements: the same words on every platform. */
import type { Commitment } from '../commitments/commitment.js';
import { isApproximate } from '../commitments/deadline.js';
import { isOverdue, isSoftDatePassed } from '../commitments/list-groups.js';
import { STATUS_LABEL, isClosed } from '../commitments/status-rules.js';
import { formatCalendarDate } from './format-date.js';
import type { CardAction, CardItem } from './reply.js';

/** "due Fri 15 Mar", "due ~30 Mar", "waiting on E-2 new government formed", "ongoing", "no deadline". */
export function dueLabel(commitment: Commitment, now: Date): string {
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
export function commitmentLine(commitment: Commitment, now: Date): string {
  const extra = commitment.status === 'open' && !commitment.atRisk ? '' : ` [${statusLabel(commitment)}]`;
  return `${commitment.id}  ${commitment.title} — ${dueLabel(commitment, now)} — ${ownersLabel(commitment)}${extra}`;
}

/** The buttons every listed or reminded commitment carries. */
export function commitmentActions(commitment: Commitment): CardAction[] {
  if (isClosed(commitment.status)) return [{ id: 'reopen', label: 'Reopen', target: commitment.id }];
  return [
    { id: 'done', label: 'Done', target: commitment.id, style: 'primary' },
    {
      id: 'snooze',
      label: 'Snooze',
      target: commitment.id,
      options: [
        { label: '1 day', value: '1d' },
        { label: '1 week', value: '1w' },
      ],
      pickDate: true,
    },
    {
      id: 'status',
      label: 'Update status',
      target: commitment.id,
      options: [
        { label: 'In progress', value: 'in-progress' },
        { label: 'Blocked', value: 'blocked' },
        { label: 'At risk', value: 'at-risk' },
        { label: 'On track', value: 'ok' },
      ],
    },
  ];
}

export function commitmentItem(commitment: Commitment, now: Date, options: { actions?: boolean } = {}): CardItem {
  return {
    id: commitment.id,
    title: `${commitment.id} ${commitment.title}`,
    lines: [`${dueLabel(commitment, now)} · ${ownersLabel(commitment)}${commitment.status === 'open' ? '' : ` · ${statusLabel(commitment)}`}`],
    actions: options.actions === false ? undefined : commitmentActions(commitment),
  };
}
