/** Shows calendar dates as people write them ("Fri 15 Mar", "~30 Mar"), never converted between zones. */
import { yearOf } from '../commitments/calendar.js';
import type { CalendarDate } from '../commitments/deadline.js';
import { formatCalendarDate as formatDate } from '../commitments/deadline-explainer.js';

/** `2024-03-15` → `Fri 15 Mar`; approximate dates drop the weekday and gain a `~`; the year shows when it is not `currentYear`. */
export function formatCalendarDate(date: CalendarDate, options: { approximate?: boolean; currentYear?: number } = {}): string {
  const text = formatDate(date, options.currentYear ?? yearOf(date), !options.approximate);
  return options.approximate ? `~${text}` : text;
}
