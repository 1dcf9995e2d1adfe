/**
 * Turns a found deadline phrase into a Deadline through the core's interpreter. Where the sentence's
 * structure already says the kind — a standing duty, a recurrence, "until …", "after <event>" — that
 * structure wins over a reader that could not place the words.
 */
import type { Cadence, CalendarDate, Deadline } from '../commitments/deadline.js';
import { interpretDeadline } from '../commitments/deadline-interpreter.js';
import type { DeadlinePhrase } from './find-deadline-phrase.js';
import { MONTH_NAME } from '../commitments/month-names.js';

const CADENCES: [RegExp, Cadence][] = [
  [/six months|twice a year|bi-?annual|semi-?annual|half-?year/i, 'half-yearly'],
  [/twice a month/i, 'fortnightly'],
  [/daily|every day/i, 'daily'],
  [/fortnight/i, 'fortnightly'],
  [/weekly|every week|once a week/i, 'weekly'],
  [/quarter/i, 'quarterly'],
  [/monthly|every month|each month|once a month/i, 'monthly'],
  [/annual|yearly|every year|once a year/i, 'yearly'],
];

function cadenceOf(text: string): Cadence | undefined {
  return CADENCES.find(([pattern]) => pattern.test(text))?.[1];
}

function ongoing(phrase: DeadlinePhrase | undefined, reference: CalendarDate): Deadline {
  const text = phrase?.text ?? '';
  const end = /^(?:until|till|untill)\s+(.+)$/i.exec(text);
  const cadence = phrase?.sort === 'recurrence' ? cadenceOf(text) : undefined;
  return {
    kind: 'ongoing',
    text,
    reference,
    ...(end ? { endCondition: end[1] } : {}),
    ...(cadence ? { cadence } : {}),
  };
}

function event(phrase: DeadlinePhrase, reference: CalendarDate): Deadline {
  const m = /^(before|prior to|after|following|upon|once|when|at|for|by)\s+(.+)$/i.exec(phrase.text);
  const word = (m?.[1] ?? 'at').toLowerCase();
  const relation = /before|prior/.test(word) ? 'before' : /^(?:at|for|by)$/.test(word) ? 'at' : 'after';
  return {
    kind: 'event',
    text: phrase.text,
    reference,
    relation,
    offsetDays: relation === 'after' ? 30 : relation === 'before' ? 1 : 0,
    approximate: relation === 'after',
    eventName: (m?.[2] ?? phrase.text).replace(/^(?:the|its|his|her|their|our)\s+/i, ''),
  };
}

/**
 * "within 7 days of the meeting" in minutes: the meeting is the day the minutes were made, which is
 * already the reference date. (Anchors on the text's own signing or adoption, clock times and
 * start dates are read by the interpreter itself.)
 */
function withoutReferenceAnchor(text: string): string {
  return text.replace(/\s+(?:of|after|from|following)\s+(?:the|this|today'?s?)\s+meeting$/i, '');
}

/**
 * "ensure its earliest possible deployment", "the earliest possible full deployment": the lexicon's
 * "at the earliest possible date", said of a deed's noun. Other phrases are read as they are.
 */
function vagueTerm(phrase: DeadlinePhrase, words: string): string {
  if (phrase.sort === 'vague' && /^(?:its|their|the)\s+earliest\s+possible\b/i.test(words)) return 'at the earliest possible date';
  // "in an expeditious manner" is the lexicon's "expeditiously".
  if (phrase.sort === 'vague' && /^in\s+an\s+expeditious\s+(?:manner|fashion)$/i.test(words)) return 'expeditiously';
  return words;
}

const PART_OF_MONTH = new RegExp(String.raw`\b(?:early|mid|late)[- ]${MONTH_NAME}\b`, 'i');

export function readDeadline(phrase: DeadlinePhrase | undefined, standing: boolean, reference: CalendarDate, timeZone: string): Deadline {
  if (!phrase) return standing ? ongoing(undefined, reference) : { kind: 'none', text: '', reference };
  // "by the November 19 meeting" is a date with a label: the date is what the interpreter needs.
  const dated = /^(at|by|before|on|for|to)\s+the\s+(.+?\d.*?)\s+(?:meeting|session|hearing)$/i.exec(phrase.text);
  // "Due: 2025-05-30" in a table row says "by".
  // "at the November board meeting": held in that month, so due by its end.
  const monthMeeting =
    /^(?:for|at|by|before|to|until|till)\s+(?:the\s+|its\s+|their\s+)?((?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)\s+(?:[A-Za-z'’]+\s+){0,2}(?:meeting|session|sitting)$/i.exec(
      phrase.text,
    );
  const words = dated
    ? `${/^(?:at|for|to)$/i.test(dated[1]) ? 'on' : dated[1]} ${dated[2]}`
    : monthMeeting
      ? `by the end of ${monthMeeting[1]}`
      : withoutReferenceAnchor(
          phrase.text
            // "at 6:00 p.m. on June 20": the day is the deadline; the clock time is not read.
            .replace(/^(at|by|before|on)\s+\d{1,2}(?::\d{2})?\s*(?:hours|am|pm|a\.m\.|p\.m\.)\s+(?:on\s+)?/i, (_m, word: string) =>
              /^at$/i.test(word) ? 'on ' : `${word} `,
            )
            // A deed deferred "until June 27" / "to June 27" is due that day (the phrase's sort says so).
            .replace(/^(?:until|till|to)\s+/i, phrase.sort === 'exact' ? 'by ' : '$&')
            .replace(/^due:\s*/i, 'by ')
            // "within approx. 90 days": the count is what is read.
            .replace(
              /^(within|(?:no|not)\s+later\s+than|(?:in|over)\s+the\s+next)\s+(?:approx\.|approximately|about|around|roughly|some)\s+/i,
              '$1 ',
            )
            // "in summer 2022", "at one of its Fall 2021 meetings": the lexicon's "in the summer of 2022".
            .replace(
              /^(?:(in|during|over|by)\s+|at\s+one\s+of\s+its\s+)?(fall|autumn|spring|summer)\s+((?:19|20)\d{2})$/i,
              (_m, word: string | undefined, season: string, year: string) => `${word ?? 'in'} the ${season.toLowerCase()} of ${year}`,
            )
            // "the first semester of 1997" is its first half.
            .replace(/\b(first|second|1st|2nd)\s+semester\b/i, '$1 half')
            // "in the latter half of December" is done by the month's end, "the first half of March" by its 15th.
            .replace(
              /^(?:in|by|before|during|within|over)\s+the\s+(first|earlier|second|latter|last|later)\s+half\s+of\s+((?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)$/i,
              (_m, half: string, month: string) => (/^(?:first|earlier)$/i.test(half) ? `by 15 ${month}` : `by the end of ${month}`),
            )
            // "July/August", "in June or July": by the end of the second month; "next March" is the coming March.
            .replace(
              /^(?:(?:in|by|during|over|around)\s+)?[A-Z][a-z]+\.?\s*(?:\/|-|–|—|\s+or\s+)\s*((?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)$/,
              'by the end of $1',
            )
            .replace(/^next\s+(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*$)/, 'in ')
            // "in a week or so", "in roughly 1 month's time", "after 1 month": counted from the notes' day.
            .replace(
              /^(?:in|after)\s+(?:(?:roughly|about|around|approximately|~)\s*)?((?:\d+|an?|one|two|three|four|five|six|a few)\s+(?:days?|weeks?|months?))(?:['’]s?\s+time|\s+time|\s+or\s+so)?$/i,
              'in $1',
            )
            // "the fiscal fourth quarter", "the third quarter of fiscal 2014": filings name the quarter so.
            .replace(/\bfiscal\s+((?:first|second|third|fourth)\s+quarter)\b/i, '$1')
            .replace(/\b(quarter\s+of\s+)fiscal\s+(?=(?:19|20)\d{2}\b)/i, '$1')
            // "per share payable July 9, 2012" is paid on that day.
            .replace(/^payable\s+(?:on\s+)?/i, 'on ')
            // "from the 2026 financial year" starts with that year (its own calendar is not given).
            .replace(
              /^(from|starting|beginning)\s+(?:with\s+)?the\s+((?:19|20)\d{2})\s+(?:financial|fiscal|calendar|budget)\s+year$/i,
              '$1 $2',
            ),
        );
  const read = interpretDeadline(vagueTerm(phrase, words), reference, timeZone);
  // "in mid-March", "in late October": a part of a named month is a date real texts hold to (labelled
  // `exact`, due as the lexicon reads it); "late 2025" stays the lexicon's vague term.
  const reading: Deadline =
    read.kind === 'vague' && read.due && PART_OF_MONTH.test(words) ? { kind: 'exact', text: read.text, reference, due: read.due } : read;
  if (phrase.sort === 'ongoing' || phrase.sort === 'recurrence') {
    return reading.kind === 'ongoing' ? reading : ongoing(phrase, reference);
  }
  // An extension "until 31 July 2026" is due on the day the extended term ends.
  if (phrase.sort === 'exact' && reading.kind === 'ongoing' && reading.endsOn) {
    return { kind: 'exact', text: reading.text, reference, due: reading.endsOn };
  }
  if (phrase.sort === 'event') return reading.kind === 'event' ? reading : event(phrase, reference);
  // "continue to work towards the early resolution of …": a standing duty has no deadline to hurry to.
  if (phrase.sort === 'vague' && standing && !/^(?:immediately|forthwith|at\s+once|without\s+delay)/i.test(phrase.text))
    return ongoing(undefined, reference);
  if (reading.kind === 'none' && standing) return ongoing(undefined, reference);
  return reading;
}
