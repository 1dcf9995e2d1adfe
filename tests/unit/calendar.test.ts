// Calendar-date helpers: sums on wall-calendar days, and which day an instant falls on in a zone.
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addDays,
  addMonths,
  calendarDate,
  calendarDateIn,
  compareDates,
  daysBetween,
  endOfQuarter,
  fridayOfWeek,
  isCalendarDate,
  isValidTimeZone,
  todayIn,
  weekdayOf,
} from '../../src/commitments/calendar.js';

describe('calendarDateIn', () => {
  const instant = new Date('2024-01-29T20:30:00Z');

  it('is already the 30th in Karachi (UTC+5)', () => {
    expect(calendarDateIn(instant, 'Asia/Karachi')).toBe('2024-01-30');
  });

  it('is still the 29th in Los Angeles (UTC−8)', () => {
    expect(calendarDateIn(instant, 'America/Los_Angeles')).toBe('2024-01-29');
  });

  it('todayIn reads an injected now', () => {
    expect(todayIn('UTC', instant)).toBe('2024-01-29');
  });

  it('refuses an unknown zone', () => {
    expect(() => calendarDateIn(instant, 'Mars/Olympus')).toThrow(/Unknown time zone/);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Asia/Karachi')).toBe(true);
  });
});

describe('day arithmetic', () => {
  it('adds days across a leap day and a DST change without drift', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-03-09', 2)).toBe('2024-03-11');
  });

  it('clamps months to the last day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('skips weekends for business days and never counts the start day', () => {
    expect(addBusinessDays('2024-01-29', 10)).toBe('2024-02-12');
    expect(addBusinessDays('2024-02-02', 1)).toBe('2024-02-05');
    expect(addBusinessDays('2024-02-03', 1)).toBe('2024-02-05');
    expect(addBusinessDays('2024-02-05', -1)).toBe('2024-02-02');
  });

  it('compares and measures', () => {
    expect(compareDates('2024-01-29', '2024-02-01')).toBeLessThan(0);
    expect(compareDates('2024-02-01', '2024-02-01')).toBe(0);
    expect(daysBetween('2024-01-29', '2024-03-29')).toBe(60);
    expect(daysBetween('2024-03-29', '2024-01-29')).toBe(-60);
  });

  it('knows weekdays, Fridays and quarter ends', () => {
    expect(weekdayOf('2024-01-29')).toBe(1);
    expect(fridayOfWeek('2024-01-29')).toBe('2024-02-02');
    expect(fridayOfWeek('2024-02-04', 1)).toBe('2024-02-09');
    expect(endOfQuarter('2024-05-10')).toBe('2024-06-30');
  });

  it('validates calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-2-1')).toBe(false);
    expect(calendarDate(2024, 2, 30)).toBeUndefined();
    expect(() => addDays('soon', 1)).toThrow(/Not a calendar date/);
  });
});
