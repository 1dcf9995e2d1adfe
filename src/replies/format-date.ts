/** Shows calendar dates as people write them ("Fri 15 Mar", "~30 Mar"), never converted between zones. */
import { DateTime } from 'luxon';
import type { CalendarDate } from '../commitments/deadline.js';

/** `2024-03-15` → `Fri 15 Mar`, with the year when it is not `currentYear`. */
export function formatCalendarDate(date: CalendarDate, options: { approximate?: boolean; currentYear?: number } = {}): string {
  const d = DateTime.fromISO(date, { zone: 'UTC' });
  if (!d.isValid) return date;
  const withYear = options.currentYear !== undefined && d.year !== options.currentYear;
  const text = options.approximate ? d.toFormat(withYear ? 'd LLL yyyy' : 'd LLL') : d.toFormat(withYear ? 'ccc d LLL yyyy' : 'ccc d LLL');
  return options.approximate ? `~${text}` : text;
}
