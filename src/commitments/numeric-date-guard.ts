/**
 * Refuses numeric dates that would otherwise be read wrongly in silence: an impossible ISO date
 * ("2024-13-01") and a day/month order nobody can know ("01/03/2024": 1 March or 3 January?).
 */
import { isCalendarDate } from './calendar.js';

const ISO_LIKE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/;
const SLASHED = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b/;

/** A hint saying what is wrong and what to write instead, or undefined when the phrase is safe to read. */
export function numericDateProblem(phrase: string): string | undefined {
  const iso = ISO_LIKE.exec(phrase);
  if (iso) {
    const [, year, month, day] = iso;
    const normal = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (!isCalendarDate(normal)) return `"${iso[0]}" is not a date on the calendar. Write it as year-month-day, like 2024-03-15.`;
  }
  const slashed = SLASHED.exec(phrase);
  if (slashed) {
    const [, first, second] = slashed.map(Number);
    if (first <= 12 && second <= 12 && first !== second) {
      return `"${slashed[0]}" could be day/month or month/day. Write it as 2024-03-15 or 15 Mar 2024.`;
    }
  }
  return undefined;
}
