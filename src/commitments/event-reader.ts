/**
 * Reads deadlines tied to a named event ("after the formation of the new government",
 * "two weeks before the summit", "upon ratification"). When the "event" turns out to be a date
 * ("30 days after 1 March") the result is a plain date instead.
 */
import { addDays, addMonths, addYears, daysBetween } from './calendar.js';
import { readCalendarDeadline } from './calendar-reader.js';
import { readCalendarSpan } from './calendar-span.js';
import type { Deadline, EventRelation } from './deadline.js';
import { COUNT_SOURCE, readCount, withoutQuotes } from './phrase-words.js';
import type { PhraseInput } from './phrase-input.js';
import { isRecurringOccasion } from './ongoing-reader.js';

/** DESIGN §2: "after <event>" with no offset is due about 30 days after it. */
export const DEFAULT_AFTER_OFFSET_DAYS = 30;
/** DESIGN §2: "before <event>" is due the day before it. */
export const DEFAULT_BEFORE_OFFSET_DAYS = 1;

const OFFSET = `(?:${COUNT_SOURCE} ((?:business |working |calendar )?(?:day|week|fortnight|month|year|hour))s?|the (day|week))`;
const BEFORE = new RegExp(
  `^(?:(?:at least|no later than|not later than) )?(?:${OFFSET} )?(?:before|prior to|ahead of|in advance of|in time for) (.+)$`,
);
const EVE_OF = /^on the eve of (.+)$/;
const AFTER_WITH_OFFSET = new RegExp(
  `^(?:(?:within|no later than|not later than|at the latest|at most) )?${OFFSET} (?:after|of|from|following|since) (.+)$`,
);
const NTH_DAY_OF =
  /^(?:(?:no|not) later than |by |on |before |from )?the (\d{1,3})(?:st|nd|rd|th) day (?:of|after the (?:start|beginning) of) (.+)$/;
const AFTER = /^(?:after|following|once|post|subsequent to|after the completion of|after completion of) (.+)$/;
const AT = /^(?:upon|when|as soon as|at the time of|during|on the occasion of|on the sidelines of|on the day of|on) (.+)$/;
// "by the next summit", "at the board meeting": only with a word that names an occasion.
const AT_OCCASION = /^(?:by|at|by the time of|in time for) (.+)$/;
const OCCASION_WORDS =
  /\b(?:summit|meeting|conference|session|visit|elections?|talks|review|ceremony|signing|ratification|launch|assembly|vote|referendum|hearing|audit|congress|forum|dialogue|round|negotiations|inauguration|retreat|offsite|release|kickoff|kick-off|demo|board|council|parliament)\b/;
// Words after "on" that make it an occasion rather than a date: "on completion of the audit".
const ON_OCCASION =
  /^on (?:the sidelines of|the occasion of|the day of|completion|receipt|arrival|signature|signing|ratification|approval|entry into force|adoption|return|delivery)\b/;
const PRONOUN = /^(?:it|that|this|then|them|those|these|which|so|now)$/;

function offsetDays(count: string | undefined, unit: string | undefined, theUnit: string | undefined): number | undefined {
  if (theUnit) return theUnit === 'day' ? 1 : 7;
  if (!unit) return undefined;
  const n = count === undefined ? undefined : readCount(count);
  if (n === undefined) return undefined;
  // Hours round up to whole days; five business days span a calendar week.
  if (unit === 'hour') return Math.ceil(n / 24);
  if (/^(?:business|working) day$/.test(unit)) return Math.ceil((n * 7) / 5);
  const perUnit: Record<string, number> = { day: 1, week: 7, fortnight: 14, month: 30, year: 365 };
  return n * perUnit[unit.replace(/^(?:business|working|calendar) /, '')];
}

/** Shifts a date by an offset that was said in days/weeks/months/years, keeping calendar months. */
function shift(date: string, days: number, unit: string | undefined, sign: 1 | -1): string {
  if (unit === 'month') return addMonths(date, (sign * days) / 30);
  if (unit === 'year') return addYears(date, (sign * days) / 365);
  return addDays(date, sign * days);
}

function event(input: PhraseInput, relation: EventRelation, offset: number, approximate: boolean, nameStart: number): Deadline | undefined {
  const eventName = withoutQuotes(input.plain.slice(nameStart));
  if (eventName === '' || PRONOUN.test(eventName.toLowerCase()) || /^\d+$/.test(eventName)) return undefined;
  return { kind: 'event', text: input.text, reference: input.reference, relation, offsetDays: offset, approximate, eventName };
}

// "the November 19 meeting", "the 5 March session": an occasion whose name carries its date.
const DATED_OCCASION = /^(?:the )?(.*\d.*?) (?:meeting|session|hearing|summit|conference|sitting|deadline)$/;

const OCCASION_ON_DATE = /^(?:the|its|their|our) (?:[a-z]+ )?(?:meeting|session|hearing|summit|conference|sitting) (?:on|of) (.*\d.*)$/;

/** The calendar span of an event's name when the "event" is really a date. */
function asDate(input: PhraseInput, nameStart: number) {
  const lower = input.lower.slice(nameStart);
  const plain = input.plain.slice(nameStart);
  const span = readCalendarSpan(lower, input.reference, input.timeZone, plain);
  if (span) return span;
  const dated = DATED_OCCASION.exec(lower) ?? OCCASION_ON_DATE.exec(lower);
  if (!dated) return undefined;
  const start = lower.lastIndexOf(dated[1]);
  const day = readCalendarSpan(dated[1], input.reference, input.timeZone, plain.slice(start, start + dated[1].length));
  return day && !day.duration && day.first === day.last ? day : undefined;
}

export function readEventDeadline(input: PhraseInput): Deadline | undefined {
  // "the week after next" is a calendar phrase that merely looks like an offset from an event.
  if (readCalendarDeadline(input)) return undefined;
  const lower = input.lower.replace(/^due /, '');
  if (isRecurringOccasion(lower)) return undefined;
  const skip = input.lower.length - lower.length;
  const base = { text: input.text, reference: input.reference };
  const nameAt = (whole: string): number => skip + lower.length - whole.length;

  const before = BEFORE.exec(lower) ?? EVE_OF.exec(lower);
  if (before) {
    const object = before[before.length - 1];
    const said = before.length > 2 ? offsetDays(before[1], before[2], before[3]) : undefined;
    const offset = said ?? DEFAULT_BEFORE_OFFSET_DAYS;
    const span = asDate(input, nameAt(object));
    if (span) return span.duration ? undefined : { ...base, kind: 'exact', due: shift(span.first, offset, before[2], -1) };
    return event(input, 'before', offset, false, nameAt(object));
  }

  // "no later than the 10th day of Phase One": the phase's first day is day 1.
  const nthDay = NTH_DAY_OF.exec(lower);
  if (nthDay) return event(input, 'after', Number(nthDay[1]) - 1, false, nameAt(nthDay[2]));

  const afterOffset = AFTER_WITH_OFFSET.exec(lower);
  if (afterOffset) {
    const offset = offsetDays(afterOffset[1], afterOffset[2], afterOffset[3]);
    if (offset === undefined) return undefined;
    const object = afterOffset[4];
    if (/^(?:now|today|the date of (?:the )?agreement)$/.test(object)) return undefined;
    const span = asDate(input, nameAt(object));
    if (span) return span.duration ? undefined : { ...base, kind: 'exact', due: shift(span.last, offset, afterOffset[2], 1) };
    return event(input, 'after', offset, false, nameAt(object));
  }

  const after = AFTER.exec(lower);
  if (after) {
    const span = asDate(input, nameAt(after[1]));
    if (span) {
      // "after 15 March" says when work may start; read like an event whose date is known.
      if (span.duration) return undefined;
      const due = addDays(span.last, DEFAULT_AFTER_OFFSET_DAYS);
      return {
        ...base,
        kind: 'vague',
        term: input.plain.slice(skip),
        due,
        firstPromptDays: Math.max(1, daysBetween(input.reference, span.last)),
      };
    }
    return event(input, 'after', DEFAULT_AFTER_OFFSET_DAYS, true, nameAt(after[1]));
  }

  const at = ON_OCCASION.test(lower) || !/^on /.test(lower) ? AT.exec(lower) : undefined;
  const occasion = at ?? AT_OCCASION.exec(lower);
  if (occasion && (at || OCCASION_WORDS.test(occasion[1]))) {
    const dated = asDate(input, nameAt(occasion[1]));
    if (dated) return dated.duration ? undefined : { ...base, kind: 'exact', due: dated.last };
    return event(input, 'at', 0, false, nameAt(occasion[1]));
  }
  return undefined;
}
