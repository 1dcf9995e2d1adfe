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
  [
    new RegExp(
      `^(?:weekly|every week|each week|once a week|once weekly|on a weekly basis|every ${WEEKDAYS}|each ${WEEKDAYS}|on ${WEEKDAYS}s)$`,
    ),
    'weekly',
  ],
  [
    /^(?:fortnightly|bi-?weekly|every (?:two|2) weeks|every other week|every fortnight|once a fortnight|(?:at least )?twice a month)$/,
    'fortnightly',
  ],
  [/^(?:monthly|every month|each month|once a month|on a monthly basis)$/, 'monthly'],
  [/^(?:quarterly|every quarter|each quarter|every (?:three|3) months|once a quarter|on a quarterly basis)$/, 'quarterly'],
  // "bi-annually" is read as twice a year, as most statements mean it ("biennially" is every two years).
  [
    /^(?:every (?:six|6) months|(?:at least )?twice a year|twice yearly|bi-?annually|semi-?annually|half-?yearly|every half[- ]year|on a (?:half-yearly|semi-annual|biannual) basis)$/,
    'half-yearly',
  ],
  [
    /^(?:annually|yearly|every year|each year|once a year|on an? (?:annual|yearly) basis|at each annual [a-z]+|at every annual [a-z]+)$/,
    'yearly',
  ],
  // No period said: reviewed on the default 90-day cycle ongoing duties get anyway (DESIGN §5).
  [/^(?:regularly|periodically|on a regular basis|on a periodic basis|from time to time)$/, 'quarterly'],
];

// Periods with no Cadence of their own ("every six months"): ongoing, reviewed on the default cycle.
const OTHER_RECURRENCE = new RegExp(
  `^(?:every ${COUNT_SOURCE} (?:day|week|month|year)s?|twice a week|biennially|every other year|(?:at|during) (?:each|every) (?:[a-z]+ )?(?:session|meeting|summit|conference))$`,
);
const FOR_A_TIME = new RegExp(`^(?:for|during) (?:a period of |the next |the coming )?${COUNT_SOURCE} (day|week|month|year)s?$`);
// A standing duty for as long as a named stretch lasts: "throughout Phase One", "during the term of …".
const THROUGHOUT = /^(?:throughout|for the (?:duration|length|life) of|during the (?:period|term|life|course|whole) (?:of|between)) (.+)$/;
// Recurring slots in the day or year: "during school hours", "during peak times".
const DURING_SLOTS = /^during [a-z -]*\b(?:hours|times|shifts|weekends|holidays|season|seasons|periods)$/;

const STANDING =
  /^(?:ongoing|on an ongoing basis|on a continuing basis|continuously|continually|permanently|indefinitely|at all times|going forward|henceforth|from now on|always|in perpetuity|with continuing effect)$/;

// "from 1 March until 30 June": a duty with a start and an end is still a standing one.
const STARTING = /^(?:from|starting|beginning|with effect from|as of|effective) /;
const UNTIL = /^(?:(.+?) )?(?:until|till|til|'til|up until|up to the point of) (.+)$/;

/** "during school hours", "at each annual session": occasions that recur, so not one event to wait for. */
export function isRecurringOccasion(lower: string): boolean {
  return DURING_SLOTS.test(lower) || /^(?:at|during|before|after) (?:each|every) /.test(lower) || Boolean(cadenceOf(lower));
}

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
    if (prefix && !cadence && !STANDING.test(prefix) && !STARTING.test(prefix)) return undefined;
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
  if (STANDING.test(lower) || OTHER_RECURRENCE.test(lower) || DURING_SLOTS.test(lower)) return base;
  const throughout = THROUGHOUT.exec(lower);
  if (throughout)
    return { ...base, endCondition: `the end of ${withoutQuotes(input.plain.slice(input.lower.length - throughout[1].length))}` };
  const forATime = FOR_A_TIME.exec(lower);
  const count = forATime ? readCount(forATime[1]) : undefined;
  if (forATime && count !== undefined) {
    // "for two years": a standing duty that lapses when the time is up.
    const unit = forATime[2];
    const endsOn =
      unit === 'year'
        ? addYears(input.reference, count)
        : unit === 'month'
          ? addMonths(input.reference, count)
          : addDays(input.reference, count * (unit === 'week' ? 7 : 1));
    return { ...base, endsOn };
  }
  return undefined;
}
