/**
 * Reads a calendar phrase without its leading relation word ("15 March", "next quarter",
 * "Q2 2024", "10 business days") into the span of days it names, so callers can take its last
 * day ("by …") or the day before its first ("before …"). Our conventions come first because
 * chrono-node reads several of them differently ("next quarter" → 29 Apr, "2030" → nothing).
 */
import { createRequire } from 'node:module';
import { MONTH_NAME } from './month-names.js';
import type * as ChronoEn from 'chrono-node/en';
import { DateTime } from 'luxon';
import {
  addBusinessDays,
  addDays,
  addMonths,
  addYears,
  calendarDate,
  compareDates,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  fridayOfWeek,
  yearOf,
} from './calendar.js';
import type { CalendarDate } from './deadline.js';
import { COUNT_SOURCE, readCount } from './phrase-words.js';

let chrono: InstanceType<typeof ChronoEn.Chrono> | undefined;
/**
 * chrono-node's casual English, loaded when a phrase first needs it (from its CommonJS build): most
 * commands never read a date. Its English entry point only: the package's main one loads every
 * locale (some 120 ms). Without its "… ago" parser: a deadline is never in the past, and that
 * parser's pattern alone cost about 140 ms the first time a phrase held a count ("in three weeks"),
 * on every `extract` run.
 */
export function chronoParser(): InstanceType<typeof ChronoEn.Chrono> {
  if (!chrono) {
    const casual = (createRequire(import.meta.url)('chrono-node/en') as typeof ChronoEn).casual.clone();
    casual.parsers = casual.parsers.filter((parser) => parser.constructor.name !== 'ENTimeUnitAgoFormatParser');
    chrono = casual;
  }
  return chrono;
}

export interface CalendarSpan {
  first: CalendarDate;
  last: CalendarDate;
  /** "early March", "mid-May": a rough part of a month, so the day is a guess. */
  approximate?: boolean;
  /** "10 days", "two weeks": a length of time counted from the reference date. */
  duration?: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Matched against lower-cased words.
const MONTH_SOURCE = `(${MONTH_NAME.toLowerCase()})`;
const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

const single = (day: CalendarDate): CalendarSpan => ({ first: day, last: day });

function monthNumber(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3)) + 1;
}

/** The year a yearless period falls in: this year, unless it has already ended. */
function forwardYear(reference: CalendarDate, lastDayThisYear: (year: number) => CalendarDate): number {
  const year = yearOf(reference);
  return compareDates(lastDayThisYear(year), reference) < 0 ? year + 1 : year;
}

function quarterSpan(year: number, quarter: number): CalendarSpan {
  const first = calendarDate(year, quarter * 3 - 2, 1)!;
  return { first, last: endOfQuarter(first) };
}

function yearSpan(year: number): CalendarSpan {
  return { first: calendarDate(year, 1, 1)!, last: calendarDate(year, 12, 31)! };
}

function monthSpan(year: number, month: number): CalendarSpan {
  const first = calendarDate(year, month, 1)!;
  return { first, last: endOfMonth(first) };
}

/** "this week" is Monday to Friday; on a weekend it means the coming working week. */
function workWeek(reference: CalendarDate, weeksAhead: number): CalendarSpan {
  let friday = fridayOfWeek(reference, weeksAhead);
  if (weeksAhead === 0 && compareDates(friday, reference) < 0) friday = fridayOfWeek(reference, 1);
  return { first: addDays(friday, -4), last: friday };
}

/** "the 15th": the next 15th on or after the reference date (skipping months too short for it). */
function nextDayOfMonth(day: number, reference: CalendarDate): CalendarSpan | undefined {
  if (day < 1 || day > 31) return undefined;
  for (let months = 0; months < 12; months += 1) {
    const inMonth = addMonths(reference, months);
    const candidate = calendarDate(yearOf(inMonth), Number(inMonth.slice(5, 7)), day);
    if (candidate && compareDates(candidate, reference) >= 0) return single(candidate);
  }
  return undefined;
}

function readDayWords(text: string, reference: CalendarDate, timeZone: string | undefined, original: string): CalendarSpan | undefined {
  const endOfDayOn = /^(?:cob|eod|close of business|(?:the )?end of (?:the )?(?:day|business)) (?:on )?(.+)$/.exec(text);
  if (endOfDayOn) {
    const inner = readCalendarSpan(endOfDayOn[1], reference, timeZone, original.slice(original.length - endOfDayOn[1].length));
    return inner && !inner.duration ? single(inner.last) : undefined;
  }
  const dayOfMonth = /^(?:the )?(\d{1,2})(?:st|nd|rd|th)(?: of the month)?$/.exec(text);
  if (dayOfMonth) return nextDayOfMonth(Number(dayOfMonth[1]), reference);
  if (/^(?:today|tonight|eod|cob|(?:the )?end of (?:the )?(?:day|business)(?: today)?|close of business(?: today)?)$/.test(text))
    return single(reference);
  return undefined;
}

/**
 * Our convention, overridable like the lexicon: a fiscal year that a text does not define ends on
 * 30 June (as in Pakistan, Kenya, Australia, Egypt); calendar-year fiscal years say "by 2025" instead.
 */
export const FISCAL_YEAR_END = { month: 6, day: 30 } as const;

/** "the current fiscal year", "next financial year": the span ending on FISCAL_YEAR_END. */
function readFiscalYear(text: string, reference: CalendarDate): CalendarSpan | undefined {
  const match = /^(?:(this|next|the current|current|the next|the following|following) )?(?:fiscal|financial) year$/.exec(text);
  if (!match) return undefined;
  const end = `-${String(FISCAL_YEAR_END.month).padStart(2, '0')}-${String(FISCAL_YEAR_END.day).padStart(2, '0')}`;
  let endYear = yearOf(reference) + (reference.slice(4) > end ? 1 : 0);
  if (match[1] && /next|following/.test(match[1])) endYear += 1;
  return { first: addDays(`${endYear - 1}${end}`, 1), last: `${endYear}${end}` };
}

function readRelativePeriod(text: string, reference: CalendarDate): CalendarSpan | undefined {
  if (/^(?:eow|week'?s end)$/.test(text)) return workWeek(reference, 0);
  if (/^(?:eom|month[- ]end)$/.test(text)) return monthSpan(yearOf(reference), Number(reference.slice(5, 7)));
  if (/^(?:eoq|quarter[- ]end)$/.test(text)) return { first: reference, last: endOfQuarter(reference) };
  if (/^(?:eoy|year[- ]end|the year[- ]end)$/.test(text)) return yearSpan(yearOf(reference));
  if (/^(?:the )?week after next$/.test(text)) return workWeek(reference, 2);
  const fiscal = readFiscalYear(text, reference);
  if (fiscal) return fiscal;
  const period = /^(?:(this|next|the current|current|the next|the following|following) )?(week|month|quarter|year)$/.exec(text);
  if (!period) return undefined;
  const ahead = period[1] && /next|following/.test(period[1]) ? 1 : 0;
  switch (period[2]) {
    case 'week':
      return workWeek(reference, ahead);
    case 'month': {
      const month = addMonths(reference, ahead);
      return monthSpan(yearOf(month), Number(month.slice(5, 7)));
    }
    case 'quarter': {
      const inQuarter = addMonths(reference, ahead * 3);
      return quarterSpan(yearOf(inQuarter), Math.ceil(Number(inQuarter.slice(5, 7)) / 3));
    }
    default:
      return yearSpan(yearOf(reference) + ahead);
  }
}

function readQuarterOrHalf(text: string, reference: CalendarDate): CalendarSpan | undefined {
  const quarter =
    /^(?:the )?(?:q([1-4])|([1-4])q|(first|second|third|fourth|1st|2nd|3rd|4th) quarter)(?:,? (?:of )?(?:(\d{4})|the year|this year|(next year)))?$/.exec(
      text,
    );
  if (quarter) {
    const number = Number(quarter[1] ?? quarter[2] ?? ORDINALS[quarter[3]]);
    const year = quarter[4]
      ? Number(quarter[4])
      : quarter[5]
        ? yearOf(reference) + 1
        : forwardYear(reference, (y) => quarterSpan(y, number).last);
    return quarterSpan(year, number);
  }
  const half = /^(?:the )?(?:h([12])|([12])h|(first|second|1st|2nd) half)(?:,? (?:of )?(?:(\d{4})|the year|this year|(next year)))?$/.exec(
    text,
  );
  if (half) {
    const number = Number(half[1] ?? half[2] ?? ORDINALS[half[3]]);
    const span = (y: number): CalendarSpan =>
      number === 1
        ? { first: calendarDate(y, 1, 1)!, last: calendarDate(y, 6, 30)! }
        : { first: calendarDate(y, 7, 1)!, last: calendarDate(y, 12, 31)! };
    const year = half[4] ? Number(half[4]) : half[5] ? yearOf(reference) + 1 : forwardYear(reference, (y) => span(y).last);
    return span(year);
  }
  return undefined;
}

/** A four-digit year alone ("2030"); other bare numbers are never dates. */
function readYear(text: string): CalendarSpan | undefined {
  const year = /^(?:the (year|end of) )?(\d{4})$/.exec(text);
  if (!year) return undefined;
  const value = Number(year[2]);
  if (value < 1900 || value > 2199) return undefined;
  // "the end of 2026" is its last day, so "before the end of 2026" falls in December 2026, not 2025.
  return year[1] === 'end of' ? single(yearSpan(value).last) : yearSpan(value);
}

function readDuration(text: string, reference: CalendarDate): CalendarSpan | undefined {
  const match = new RegExp(
    `^(?:the next |the coming )?(?:${COUNT_SOURCE} )?(business |working )?(day|week|fortnight|month|year|hour)s?(?:'? time| from (?:now|today|the date of (?:the )?agreement))?$`,
  ).exec(text);
  if (!match) return undefined;
  // "the next month" is a calendar period (read elsewhere); a duration needs a count.
  if (match[1] === undefined && match[3] !== 'fortnight') return undefined;
  const count = match[1] === undefined ? 1 : readCount(match[1]);
  if (count === undefined) return undefined;
  const business = Boolean(match[2]);
  let last: CalendarDate;
  switch (match[3]) {
    case 'hour':
      last = addDays(reference, Math.ceil(count / 24));
      break;
    case 'day':
      last = business ? addBusinessDays(reference, count) : addDays(reference, count);
      break;
    case 'week':
      last = business ? addBusinessDays(reference, count * 5) : addDays(reference, count * 7);
      break;
    case 'fortnight':
      last = addDays(reference, count * 14);
      break;
    case 'month':
      last = addMonths(reference, count);
      break;
    default:
      last = addYears(reference, count);
  }
  if (business && !['day', 'week'].includes(match[3])) return undefined;
  return { first: addDays(reference, 1), last, duration: true };
}

/** "early March" → ~10th, "mid-March" → ~15th, "late March" → ~last day: rough parts of a month. */
function readPartOfMonth(text: string, reference: CalendarDate): CalendarSpan | undefined {
  const match = new RegExp(`^(early|mid|late|the middle of)[- ]${MONTH_SOURCE}(?:,? (\\d{4}))?$`).exec(text);
  if (!match) return undefined;
  const month = monthNumber(match[2]);
  const year = match[3] ? Number(match[3]) : forwardYear(reference, (y) => monthSpan(y, month).last);
  const day =
    match[1] === 'early'
      ? calendarDate(year, month, 10)!
      : match[1] === 'late'
        ? monthSpan(year, month).last
        : calendarDate(year, month, 15)!;
  return { first: day, last: day, approximate: true };
}

/** "early next week" → ~Tuesday, "mid-week" → ~Wednesday, "late this week" → ~Friday. */
function readPartOfWeek(text: string, reference: CalendarDate): CalendarSpan | undefined {
  const later = /^(?:later|late) (?:this|in the) (month|quarter|year)$/.exec(text);
  if (later) {
    const day = later[1] === 'month' ? endOfMonth(reference) : later[1] === 'quarter' ? endOfQuarter(reference) : endOfYear(reference);
    return { first: day, last: day, approximate: true };
  }
  const match = /^(early|mid|middle of|late|later) ?-?(this|next|the) week$/.exec(text);
  if (!match) return undefined;
  const friday = workWeek(reference, match[2] === 'next' ? 1 : 0).last;
  const day = addDays(friday, match[1] === 'early' ? -3 : match[1].startsWith('mid') ? -2 : 0);
  return { first: day, last: day, approximate: true };
}

/** "the end of March", "the start of Q2": one day at an edge of any span read here. */
function readEdgeOf(text: string, reference: CalendarDate, original: string): CalendarSpan | undefined {
  const match = /^(?:the )?(end|close|start|beginning) of (?:the )?(.+)$/.exec(text);
  if (!match) return undefined;
  const inner = readCalendarSpan(match[2], reference, undefined, original.slice(original.length - match[2].length));
  if (!inner || inner.duration) return undefined;
  return single(match[1] === 'end' || match[1] === 'close' ? inner.last : inner.first);
}

const COUNTED_UNIT = new RegExp(`\\b${COUNT_SOURCE} (?:business |working )?(?:hour|day|week|fortnight|month|year)s?\\b`);

/** A unit with no count: any plural ("the minutes", "the weeks"), or a unit shorter than an hour. */
const BARE_UNIT =
  /^(?:(?:in|within|for|after) )?(?:(?:the|a|an|one) )?(?:(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|fortnight|month|year)s|sec(?:ond)?|min(?:ute)?)$/;

// Words that may sit around chrono's match without changing its meaning.
const FILLER = /\b(?:the|of|on|at|by|this|coming|,)\b|[,.]/g;

/** chrono-node for everything else, accepted only when its match is the whole phrase. */
function readWithChrono(original: string, reference: CalendarDate): CalendarSpan | undefined {
  // The reference is a calendar date, so chrono reads from its noon in UTC rather than in the
  // commitment's zone: chrono adds offsets in hours, and across a DST change in the zone
  // ("30 days after 1 March" in Los Angeles) that would land on the wrong day.
  const noon = DateTime.fromISO(`${reference}T12:00:00`, { zone: 'utc' });
  const results = chronoParser().parse(original, { instant: noon.toJSDate(), timezone: 0 }, { forwardDate: true });
  if (results.length !== 1) return undefined;
  const [result] = results;
  // chrono reads a bare unit as a length of time ("the minutes" → in a minute, "the weeks" → in a
  // week); said without a count it names no date ("circulate the minutes" is a document).
  if (BARE_UNIT.test(result.text.toLowerCase().trim())) return undefined;
  // chrono adds counted units ("30 days after 1 March") in the process's local time, which drifts
  // a day across DST or far-east zones; such phrases are read with calendar arithmetic elsewhere.
  if (COUNTED_UNIT.test(result.text.toLowerCase())) return undefined;
  const leftover = (original.slice(0, result.index) + original.slice(result.index + result.text.length)).toLowerCase();
  if (leftover.replace(FILLER, '').trim() !== '') return undefined;
  // "may" written in lower case is the verb far more often than the month.
  if (result.text === 'may') return undefined;
  const start = result.start;
  const day = calendarDate(start.get('year')!, start.get('month')!, start.get('day')!);
  if (!day) return undefined;
  if (start.isCertain('day') && !start.isCertain('year') && addYears(day, -1) === reference) {
    // chrono reads "29 Jan" said at noon on 29 Jan as next year's; the deadline is today.
    return single(reference);
  }
  if (start.isCertain('day') || start.isCertain('hour')) {
    const last = result.end ? calendarDate(result.end.get('year')!, result.end.get('month')!, result.end.get('day')!) : day;
    return last ? { first: day, last } : undefined;
  }
  if (start.isCertain('weekday')) {
    // chrono reads "Monday" said on a Monday as that same day; a deadline means the next one.
    return single(compareDates(day, reference) === 0 ? addDays(day, 7) : day);
  }
  if (start.isCertain('month')) return monthSpan(start.get('year')!, start.get('month')!);
  // A year alone from chrono is a relative reading ("two years"); explicit years are read above.
  return undefined;
}

/**
 * The span a calendar phrase names, or undefined when it names none. `text` is the normalised
 * (lower-case) phrase; `original` keeps its case for chrono, which treats "May" and "may" alike.
 */
export function readCalendarSpan(
  text: string,
  reference: CalendarDate,
  timeZone: string | undefined,
  original: string = text,
): CalendarSpan | undefined {
  if (/^\d{1,3}$/.test(text)) return undefined;
  // A deadline is never in the past by way of a relative word ("yesterday", "last week").
  if (/\b(?:yesterday|last|ago|previous|past)\b/.test(text)) return undefined;
  return (
    readDayWords(text, reference, timeZone, original) ??
    readRelativePeriod(text.replace(/^the /, ''), reference) ??
    readQuarterOrHalf(text, reference) ??
    readYear(text) ??
    readDuration(text, reference) ??
    readPartOfMonth(text, reference) ??
    readPartOfWeek(text, reference) ??
    readEdgeOf(text, reference, original) ??
    readWithChrono(original, reference)
  );
}
