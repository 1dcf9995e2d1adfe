/**
 * Reads a calendar phrase with its relation word ("by 15 March", "within 10 business days",
 * "before Q2") into a due date: "by/within/no later than" give the inclusive last day of what is
 * named, "before" the day before it starts.
 */
import { addDays, daysBetween } from './calendar.js';
import { readCalendarSpan } from './calendar-span.js';
import type { CalendarDate, ExactDeadline, VagueDeadline } from './deadline.js';
import { INCLUSIVE_LEADS, type PhraseInput } from './phrase-input.js';

const LEAD = new RegExp(`^(?:(${INCLUSIVE_LEADS})|(before|prior to|ahead of|in advance of)) `);
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
  const span = readCalendarSpan(lower, input.reference, input.timeZone, plain);
  if (!span) return undefined;
  const before = Boolean(lead?.[2]);
  if (before && span.duration) return undefined;
  const due = before ? addDays(span.first, -1) : span.last;
  const base = { text: input.text, reference: input.reference };
  if (span.approximate) {
    return { ...base, kind: 'vague', term: input.plain, due, firstPromptDays: promptDaysBefore(input.reference, due, 30) };
  }
  return { ...base, kind: 'exact', due };
}
