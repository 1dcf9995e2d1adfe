/**
 * Calendar-date helpers: due dates are days on a wall calendar, so every sum here is done on a
 * zone-less date and never converted between zones. Days, weekdays and differences are integer
 * day-number arithmetic (the scheduler asks them for every due row); months, years and period ends
 * go through luxon (UTC).
 */
import { DateTime } from 'luxon';
import { calendarDateOfDay, parseDayNumber, weekdayOfDay } from './day-number.js';
import type { CalendarDate } from './deadline.js';
import { localDayOf } from './local-clock.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Luxon value for a calendar date; UTC so that adding days never meets a DST gap. */
function toDateTime(date: CalendarDate): DateTime {
  const value = DateTime.fromISO(date, { zone: 'utc' });
  if (!ISO_DATE.test(date) || !value.isValid) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return value;
}

/** Day number of a calendar date; the same refusal as luxon's for text that names no real day. */
function toDay(date: CalendarDate): number {
  const day = ISO_DATE.test(date) ? parseDayNumber(date) : undefined;
  if (day === undefined) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  return day;
}

function fromDateTime(value: DateTime): CalendarDate {
  return value.toISODate() as CalendarDate;
}

/** True for a real `YYYY-MM-DD` date (2024-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  return ISO_DATE.test(value) && parseDayNumber(value) !== undefined;
}

/** Builds a calendar date from its parts, or undefined when they name no real day. */
export function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  const value = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  return value.isValid ? fromDateTime(value) : undefined;
}

/** True when `zone` is an IANA zone luxon (and so Intl) knows. */
export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** The calendar date an instant falls on in a zone: 2024-01-29T20:30Z is the 30th in Karachi. */
export function calendarDateIn(instant: Date, zone: string): CalendarDate {
  return calendarDateOfDay(localDayOf(instant, zone));
}

/** Today's date in a zone, for a clock's "now". */
export function todayIn(zone: string, now: Date): CalendarDate {
  return calendarDateIn(now, zone);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) return fromDateTime(toDateTime(date).plus({ days }));
  return calendarDateOfDay(toDay(date) + days);
}

/** Adds months, clamping to the month's last day (31 Jan + 1 month = 29 Feb in 2024). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return fromDateTime(toDateTime(date).plus({ months }));
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return fromDateTime(toDateTime(date).plus({ years }));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: CalendarDate): number {
  return weekdayOfDay(toDay(date));
}

/** Adds working days (Monday–Friday); the start day itself is never counted. */
export function addBusinessDays(date: CalendarDate, days: number): CalendarDate {
  const step = days < 0 ? -1 : 1;
  let current = toDay(date);
  for (let remaining = Math.abs(days); remaining > 0; ) {
    current += step;
    if (weekdayOfDay(current) < 6) remaining -= 1;
  }
  return calendarDateOfDay(current);
}

/** Negative when a is earlier, 0 when equal, positive when later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDay(to) - toDay(from);
}

export function yearOf(date: CalendarDate): number {
  return toDateTime(date).year;
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  return fromDateTime(toDateTime(date).endOf('month'));
}

export function endOfQuarter(date: CalendarDate): CalendarDate {
  return fromDateTime(toDateTime(date).endOf('quarter'));
}

export function endOfYear(date: CalendarDate): CalendarDate {
  return fromDateTime(toDateTime(date).endOf('year'));
}

/** The Friday of the week `date` is in (weeks run Monday–Sunday), shifted by whole weeks. */
export function fridayOfWeek(date: CalendarDate, weeksAhead = 0): CalendarDate {
  const monday = toDateTime(date).startOf('week');
  return fromDateTime(monday.plus({ weeks: weeksAhead, days: 4 }));
}
