/**
 * Reads a calendar phrase with its relation word ("by 15 March", "within 10 business days",
 * "before Q2") into a due date: "by/within/no later than" give the inclusive last day of what is
 * named, "before" the day before it starts.
 */
import { addDays, daysBetween } from './calendar.js';
import { readCalendarSpan } from './calendar-span.js';
import type { CalendarDate, ExactDeadline, VagueDeadline } from './deadline.js';
import { INCLUSIVE_LEADS, START_LEADS, type PhraseInput } from './phrase-input.js';

const LEAD = new RegExp(`^(?:(${INCLUSIVE_LEADS})|(before|prior to|ahead of|in advance of)|(${START_LEADS})) `);
// A clock time before the day changes nothing about the day: "00:01 hours on 5 March", "6 pm on Friday".
const CLOCK_TIME =
  /^(?:at )?(?:\d{1,2}[:.]\d{2}(?:\s*(?:hours|hrs|h))?|\d{4}\s*(?:hours|hrs)|\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))(?:\s*(?:gmt|utc|local time))?,?\s+(?:on\s+)?/;
// Said after a date without changing it: "by Friday at the latest".
const TRAILING_FILLER = /,? (?:at the (?:very )?latest|latest|inclusive|or (?:earlier|sooner|before))$/;

/** Day of the first "confirm a date?" prompt for a rough date: 30 days before it, never before day 1. */
export function promptDaysBefore(reference: CalendarDate, due: CalendarDate, daysBeforeDue: number): number {
  return Math.max(1, daysBetween(reference, due) - daysBeforeDue);
}

/** The due date a calendar phrase gives, or undefined when it is not one. */
export function readCalendarDeadline(input: PhraseInput): ExactDeadline | VagueDeadline | undefined {
  let lower = input.lower.replace(TRAILING_FILLER, '');
  let plain = input.plain.slice(0, lower.length);
  const lead = LEAD.exec(lower);
  if (lead) {
    lower = lower.slice(lead[0].length);
    plain = plain.slice(lead[0].length);
  }
  // "within the next year" is a year from now, not the next calendar year.
  const nextUnit = lead?.[1] === 'within' ? /^the (?:next|coming) (day|week|fortnight|month|year)$/.exec(lower) : null;
  if (nextUnit) lower = plain = `one ${nextUnit[1]}`;
  const clock = CLOCK_TIME.exec(lower);
  if (clock) {
    lower = lower.slice(clock[0].length);
    plain = plain.slice(clock[0].length);
  }
  const span = readCalendarSpan(lower, input.reference, input.timeZone, plain);
  if (!span) return undefined;
  const before = Boolean(lead?.[2]);
  // "with effect from 5 March", "from September 1": the duty is due the day it starts.
  const starting = Boolean(lead?.[3]);
  if ((before || starting) && span.duration) return undefined;
  const due = before ? addDays(span.first, -1) : starting ? span.first : span.last;
  const base = { text: input.text, reference: input.reference };
  if (span.approximate) {
    return { ...base, kind: 'vague', term: input.plain, due, firstPromptDays: promptDaysBefore(input.reference, due, 30) };
  }
  return { ...base, kind: 'exact', due };
}
