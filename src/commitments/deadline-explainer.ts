/**
 * Says in words what a deadline was read as — the "what I read" line of a reply ("due ~Fri 29 Mar —
 * read 'at an early date' as ~60 days from 29 Jan") — and formats due dates for lists. Dates are
 * calendar dates and are printed as such, never converted between zones.
 */
import { addYears, daysBetween, yearOf } from './calendar.js';
import type { CalendarDate, Deadline, EventDeadline, VagueDeadline } from './deadline.js';
import { dueDateOf, isApproximate } from './deadline.js';

/** "today" as a calendar date, or an instant read in UTC (only its year is used). */
export type Today = Date | CalendarDate;

function currentYear(today: Today | undefined, fallback: CalendarDate): number {
  if (today === undefined) return yearOf(fallback);
  return typeof today === 'string' ? yearOf(today) : today.getUTCFullYear();
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Fri 15 Mar", with the year only when it is not the current one. Plain arithmetic, not luxon: a
 * list formats a date per row, and luxon's formatter was most of a 100-item list's rendering time.
 * English short names ("Sep", never "Sept"), as in every other reply.
 */
export function formatCalendarDate(date: CalendarDate, thisYear: number, withWeekday = true): string {
  const [year, month, day] = date.split('-').map(Number);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  const weekday = withWeekday ? `${WEEKDAYS[utc.getUTCDay()]} ` : '';
  return `${weekday}${day} ${MONTHS[month - 1]}${year === thisYear ? '' : ` ${year}`}`;
}

/** The due date for lists: "Fri 15 Mar", approximate ones as "~30 Mar"; undefined when there is none. */
export function formatDueDate(deadline: Deadline, today?: Today): string | undefined {
  const due = dueDateOf(deadline);
  if (!due) return undefined;
  const thisYear = currentYear(today, deadline.reference);
  return isApproximate(deadline) ? `~${formatCalendarDate(due, thisYear, false)}` : formatCalendarDate(due, thisYear);
}

// Phrases that name their date outright need no "read … from <reference>" note.
const NAMES_ITS_DATE = /\b\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}[/.]\d{1,2}/i;

function distance(reference: CalendarDate, due: CalendarDate): string {
  for (let years = 1; years <= 100; years += 1) {
    if (addYears(reference, years) === due) return years === 1 ? '~1 year' : `~${years} years`;
  }
  const days = daysBetween(reference, due);
  return days === 1 ? '~1 day' : `~${days} days`;
}

function explainVague(deadline: VagueDeadline, thisYear: number): string {
  const due = formatCalendarDate(deadline.due, thisYear);
  const from = formatCalendarDate(deadline.reference, thisYear, false);
  const reading =
    NAMES_ITS_DATE.test(deadline.term) || /century/i.test(deadline.term)
      ? `~${formatCalendarDate(deadline.due, thisYear, false)}`
      : `${distance(deadline.reference, deadline.due)} from ${from}`;
  const low = deadline.lowCommitment ? ' (low commitment)' : '';
  return `due ~${due} — read '${deadline.text}' as ${reading}${low}`;
}

function offsetWords(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

function explainEvent(deadline: EventDeadline, thisYear: number): string {
  const name = `"${deadline.eventName}"`;
  const approx = deadline.approximate ? '~' : '';
  const relation =
    deadline.relation === 'before'
      ? `${offsetWords(deadline.offsetDays)} before ${name}`
      : deadline.relation === 'at'
        ? `when ${name} happens`
        : `${approx}${offsetWords(deadline.offsetDays)} after ${name}`;
  if (deadline.due) return `due ${approx}${formatCalendarDate(deadline.due, thisYear)} (${relation})`;
  const wait =
    deadline.relation === 'before'
      ? `(due ${offsetWords(deadline.offsetDays)} before it)`
      : deadline.relation === 'at'
        ? '(due the day it happens)'
        : `(+${approx}${offsetWords(deadline.offsetDays)} once it happens)`;
  return `waiting on ${name} ${wait}`;
}

function explainWithoutCondition(deadline: Deadline, thisYear: number): string {
  switch (deadline.kind) {
    case 'exact': {
      const due = `due ${formatCalendarDate(deadline.due, thisYear)}`;
      if (NAMES_ITS_DATE.test(deadline.text)) return due;
      return `${due} — read '${deadline.text}' from ${formatCalendarDate(deadline.reference, thisYear, false)}`;
    }
    case 'vague':
      return explainVague(deadline, thisYear);
    case 'event':
      return explainEvent(deadline, thisYear);
    case 'ongoing': {
      const cadence = deadline.cadence ? ` (${deadline.cadence})` : '';
      const end = deadline.endsOn ? formatCalendarDate(deadline.endsOn, thisYear) : deadline.endCondition;
      return `ongoing${cadence}${end ? ` until ${end}` : ''}`;
    }
    default:
      return deadline.hint ? `no deadline — ${deadline.hint}` : 'no deadline';
  }
}

/** One line saying what was read; `today` decides whether years are shown. */
export function explainDeadline(deadline: Deadline, today?: Today): string {
  const line = explainWithoutCondition(deadline, currentYear(today, deadline.reference));
  return deadline.condition ? `${line} · subject to ${deadline.condition}` : line;
}
