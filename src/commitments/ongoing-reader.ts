/**
 * Reads standing duties: end conditions ("till full eradication of terrorism"), recurrences
 * ("weekly", "every quarter") and open-ended phrases ("on an ongoing basis").
 */
import { readCalendarSpan } from './calendar-span.js';
import type { Cadence, OngoingDeadline } from './deadline.js';
import type { PhraseInput } from './phrase-input.js';
import { COUNT_SOURCE, readCount, withoutQuotes } from './phrase-words.js';
import { addDays, addMonths, addYears } from './calendar.js';

const WEEKDAYS = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';

const CADENCES: ReadonlyArray<[RegExp, Cadence]> = [
  [/^(?:daily|every (?:working |business |week)?day|each (?:working |business )?day|on a daily basis)$/, 'daily'],
  [new RegExp(`^(?:weekly|every week|each week|once a week|once weekly|on a weekly basis|every ${WEEKDAYS}|each ${WEEKDAYS}|on ${WEEKDAYS}s)$`), 'weekly'],
  [/^(?:fortnightly|bi-?weekly|every (?:two|2) weeks|every other week|every fortnight|once a fortnight)$/, 'fortnightly'],
  [/^(?:monthly|every month|each month|once a month|on a monthly basis)$/, 'monthly'],
  [/^(?:quarterly|every quarter|each quarter|every (?:three|3) months|once a quarter|on a quarterly basis)$/, 'quarterly'],
  [/^(?:annually|yearly|every year|each year|once a year|on an? (?:annual|yearly) basis)$/, 'yearly'],
  // No period said: reviewed on the default 90-day cycle ongoing duties get anyway (DESIGN §5).
  [/^(?:regularly|periodically|on a regular basis|on a periodic basis|from time to time)$/, 'quarterly'],
];

// Periods with no Cadence of their own ("every six months"): ongoing, reviewed on the default cycle.
const OTHER_RECURRENCE = new RegExp(`^(?:every ${COUNT_SOURCE} (?:day|week|month|year)s?|bi-?annually|semi-?annually|twice a (?:year|month|week)|half-yearly)$`);
const FOR_A_TIME = new RegExp(`^for (?:the next )?${COUNT_SOURCE} (day|week|month|year)s?$`);

const STANDING =
  /^(?:ongoing|on an ongoing basis|on a continuing basis|continuously|continually|permanently|indefinitely|at all times|going forward|henceforth|from now on|always|in perpetuity|with continuing effect)$/;

const UNTIL = /^(?:(.+?) )?(?:until|till|til|'til|up until|up to the point of) (.+)$/;

function cadenceOf(text: string): Cadence | undefined {
  return CADENCES.find(([pattern]) => pattern.test(text))?.[1];
}

export function readOngoingDeadline(input: PhraseInput): OngoingDeadline | undefined {
  const lower = input.lower.replace(/^due /, '');
  const base = { kind: 'ongoing' as const, text: input.text, reference: input.reference };

  const until = UNTIL.exec(lower);
  if (until) {
    const prefix = until[1];
    const cadence = prefix ? cadenceOf(prefix) : undefined;
    // Only a recurrence or a standing phrase may precede "until"; anything else is not ours.
    if (prefix && !cadence && !STANDING.test(prefix)) return undefined;
    const start = input.lower.length - until[2].length;
    const endCondition = withoutQuotes(input.plain.slice(start));
    if (endCondition === '') return undefined;
    const span = readCalendarSpan(until[2], input.reference, input.timeZone, input.plain.slice(start));
    return {
      ...base,
      endCondition,
      ...(span && !span.duration ? { endsOn: span.last } : {}),
      ...(cadence ? { cadence } : {}),
    };
  }
  const cadence = cadenceOf(lower);
  if (cadence) return { ...base, cadence };
  if (STANDING.test(lower) || OTHER_RECURRENCE.test(lower)) return base;
  const forATime = FOR_A_TIME.exec(lower);
  const count = forATime ? readCount(forATime[1]) : undefined;
  if (forATime && count !== undefined) {
    // "for two years": a standing duty that lapses when the time is up.
    const unit = forATime[2];
    const endsOn =
      unit === 'year' ? addYears(input.reference, count) : unit === 'month' ? addMonths(input.reference, count) : addDays(input.reference, count * (unit === 'week' ? 7 : 1));
    return { ...base, endsOn };
  }
  return undefined;
}
