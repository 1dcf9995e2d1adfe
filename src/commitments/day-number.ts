/**
 * Calendar dates as epoch-day numbers (0 = 1970-01-01, proleptic Gregorian, any year): the
 * scheduler adds, subtracts and compares days for every due row, and integer arithmetic does that
 * without building a date object per step. No time zone is involved here — a calendar date is a
 * day on a wall calendar; which day an instant falls on in a zone is `local-clock.ts`'s job.
 */
import type { CalendarDate } from './deadline.js';

/** `2024-03-04`, and luxon's extended form beyond years 0–9999 (`+012024-03-04`, `-000001-12-31`). */
const DATE_PARTS = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1970-01-01 to y-m-d (Howard Hinnant's days_from_civil; exact for any year). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The year, month and day of an epoch-day number (the inverse of `daysFromCivil`). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The day number of a date, or undefined when the text names no real day (2024-02-30, 2024-13-01, "soon"). */
export function parseDayNumber(date: string): number | undefined {
  const match = DATE_PARTS.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** The day number of a date already known to be one (a stored or computed date); days past a month's end roll over. */
export function dayNumberOf(date: CalendarDate): number {
  const match = DATE_PARTS.exec(date);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The date of a day number, written as luxon's `toISODate` writes it. */
export function calendarDateOfDay(days: number): CalendarDate {
  const { year, month, day } = civilFromDays(days);
  const long = year < 0 || year > 9999;
  const y = long ? `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}` : String(year).padStart(4, '0');
  return `${y}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as CalendarDate;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOfDay(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}
