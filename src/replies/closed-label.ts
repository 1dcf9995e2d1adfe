/**
 * How a done or dropped commitment reads: when it was closed and, for a firm due date, how that
 * compares ("done Mon 29 Jan, 4 days early", "done Mon 5 Feb, 3 days late") — never "overdue".
 */
import type { Commitment, LogEntry } from '../commitments/commitment.js';
import { calendarDateIn } from '../commitments/calendar.js';
import type { CalendarDate } from '../commitments/deadline.js';
import { formatCalendarDate } from './format-date.js';

/** The instant the commitment was last closed: its last done/dropped log row, else its last change. */
export function closedAt(commitment: Commitment, history?: readonly LogEntry[]): string {
  const action = commitment.status === 'dropped' ? 'dropped' : 'done';
  const entry = history ? [...history].reverse().find((e) => e.action === action) : undefined;
  return entry?.at ?? commitment.updatedAt;
}

/** The firm due date a closing is measured against (vague soft dates and undated events have none). */
export function firmDueDate(commitment: Commitment): CalendarDate | undefined {
  const d = commitment.deadline;
  if (d.kind === 'exact') return d.due;
  if (d.kind === 'event' && d.due) return d.due;
  return undefined;
}

/** Days late (positive), early (negative) or on the day (0); undefined without a firm due date. */
export function daysLate(commitment: Commitment, closedInstant: string): number | undefined {
  const due = firmDueDate(commitment);
  if (!due) return undefined;
  return dayNumber(calendarDateIn(new Date(closedInstant), commitment.timeZone)) - dayNumber(due);
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` date: plain arithmetic. A luxon diff here was about a
 * seventh of a Done press's time (each press labels the item three times: answer, row, card).
 */
function dayNumber(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number);
  const at = new Date(0);
  // setUTCFullYear, not Date.UTC: that reads years 0–99 as 1900–1999.
  at.setUTCFullYear(year, month - 1, day);
  return Math.round(at.getTime() / 86_400_000);
}

export function timingWords(late: number): string {
  if (late === 0) return 'on the due day';
  const n = Math.abs(late);
  return `${n.toLocaleString('en-US')} day${n === 1 ? '' : 's'} ${late > 0 ? 'late' : 'early'}`;
}

/** "done Mon 29 Jan, 4 days early", "done Mon 5 Feb, 3 days late", "dropped Tue 6 Feb". */
export function closedLabel(commitment: Commitment, now: Date, closedInstant: string): string {
  const on = calendarDateIn(new Date(closedInstant), commitment.timeZone);
  const date = formatCalendarDate(on, { currentYear: now.getUTCFullYear() });
  if (commitment.status === 'dropped') return `dropped ${date}`;
  const late = daysLate(commitment, closedInstant);
  return late === undefined ? `done ${date}` : `done ${date}, ${timingWords(late)}`;
}
