/** Sorts commitments into the groups lists and digests show, in the order people need them. */
import { addDays, todayIn } from './calendar.js';

// One definition (calendar.ts); re-exported because lists and reminders read "today" alongside these groups.
export { todayIn };
import type { Commitment } from './commitment.js';
import type { CalendarDate } from './deadline.js';

export const LIST_GROUPS = ['overdue', 'due-soon', 'needs-date', 'waiting', 'ongoing', 'later', 'no-deadline', 'closed'] as const;
export type ListGroup = (typeof LIST_GROUPS)[number];

export const GROUP_HEADING: Record<ListGroup, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due within 7 days',
  'needs-date': 'Needs a date',
  waiting: 'Waiting on an event',
  ongoing: 'Ongoing',
  later: 'Later',
  'no-deadline': 'No deadline',
  closed: 'Done or dropped',
};

export const DUE_SOON_DAYS = 7;

/** Overdue from the next local day: due 15 Mar is overdue on 16 Mar in the commitment's zone. */
export function isOverdue(commitment: Commitment, now: Date): boolean {
  // Done and dropped items are closed, never overdue, whatever their date was.
  if (isClosedStatus(commitment)) return false;
  const due = activeDueDate(commitment);
  return due !== undefined && due < todayIn(commitment.timeZone, now);
}

/**
 * A vague item's soft date has gone by: never "overdue" (nobody named a date), but no longer
 * merely pending either — lists say so and reports count it as not kept on time.
 */
export function isSoftDatePassed(commitment: Commitment, now: Date): boolean {
  if (isClosedStatus(commitment)) return false;
  const d = commitment.deadline;
  return d.kind === 'vague' && d.due < todayIn(commitment.timeZone, now);
}

function isClosedStatus(commitment: Commitment): boolean {
  return commitment.status === 'done' || commitment.status === 'dropped';
}

/** The due date that counts for lateness: vague (soft) dates never make an item overdue. */
function activeDueDate(commitment: Commitment): CalendarDate | undefined {
  const d = commitment.deadline;
  if (d.kind === 'exact') return d.due;
  if (d.kind === 'event' && d.due) return d.due;
  return undefined;
}

export function groupOf(commitment: Commitment, now: Date): ListGroup {
  if (commitment.status === 'done' || commitment.status === 'dropped') return 'closed';
  const d = commitment.deadline;
  const today = todayIn(commitment.timeZone, now);
  const soon = addDays(today, DUE_SOON_DAYS);
  switch (d.kind) {
    case 'exact':
      return d.due < today ? 'overdue' : d.due <= soon ? 'due-soon' : 'later';
    case 'vague':
      return 'needs-date';
    case 'event':
      if (!d.due) return 'waiting';
      return d.due < today ? 'overdue' : d.due <= soon ? 'due-soon' : 'later';
    case 'ongoing':
      return 'ongoing';
    default:
      return 'no-deadline';
  }
}

/** Groups in display order, each sorted by due date then id; empty groups left out. */
export function groupForList(commitments: Commitment[], now: Date): { group: ListGroup; items: Commitment[] }[] {
  const buckets = new Map<ListGroup, Commitment[]>();
  for (const c of commitments) {
    const group = groupOf(c, now);
    const bucket = buckets.get(group);
    if (bucket) bucket.push(c);
    else buckets.set(group, [c]);
  }
  return LIST_GROUPS.filter((g) => buckets.has(g)).map((group) => ({
    group,
    items: buckets.get(group)!.sort(byDueThenId),
  }));
}

function byDueThenId(a: Commitment, b: Commitment): number {
  const da = 'due' in a.deadline && a.deadline.due ? a.deadline.due : '9999';
  const db = 'due' in b.deadline && b.deadline.due ? b.deadline.due : '9999';
  if (da !== db) return da < db ? -1 : 1;
  return Number(a.id.slice(2)) - Number(b.id.slice(2));
}
