/**
 * Dates an event deadline from the text itself: "the county budget hearing is on October 21" makes
 * "at least one week before the hearing" due on 14 October. Only a sentence that names the event's
 * last word and holds exactly one day-and-month date is trusted, and only for a counted offset.
 */
import { addDays } from '../commitments/calendar.js';
import type { CalendarDate, Deadline } from '../commitments/deadline.js';
import { interpretDeadline } from '../commitments/deadline-interpreter.js';
import { MONTH_FULL } from '../commitments/month-names.js';

const MONTH = MONTH_FULL;
const DAY_DATE = new RegExp(`\\b(?:\\d{1,2}\\s+${MONTH}(?:,?\\s+\\d{4})?|${MONTH}\\s+\\d{1,2}(?!\\d)(?:,?\\s+\\d{4})?)`, 'g');

const COUNTED =
  /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety)\s+(?:business\s+|working\s+|calendar\s+)?(?:hours?|days?|weeks?|months?)\b/i;

/** The last word of the event's name, stemmed enough that "hostilities" meets "hostilities" and "hearing" "hearing". */
function keyWord(eventName: string): string | undefined {
  const word = /([a-z]{5,})\W*$/i.exec(eventName)?.[1];
  return word?.toLowerCase();
}

export function datedFromText(deadline: Deadline, sentences: string[], quote: string, timeZone: string): Deadline {
  // Only a counted offset ("one week before", "within 72 hours of") is worked out from the date; a bare
  // "before the second reading" stays the event, so a moved reading moves the deadline with it.
  if (deadline.kind !== 'event' || deadline.relation === 'at' || !COUNTED.test(deadline.text)) return deadline;
  const key = keyWord(deadline.eventName);
  if (!key) return deadline;
  const found = new Set<CalendarDate>();
  for (const sentence of sentences) {
    if (sentence.includes(quote) || !new RegExp(`\\b${key}\\b`, 'i').test(sentence)) continue;
    const dates = sentence.match(DAY_DATE) ?? [];
    if (dates.length !== 1) continue;
    const reading = interpretDeadline(`on ${dates[0]}`, deadline.reference, timeZone);
    if (reading.kind === 'exact') found.add(reading.due);
  }
  if (found.size !== 1) return deadline;
  const [day] = [...found];
  const sign = deadline.relation === 'before' ? -1 : 1;
  return { kind: 'exact', text: deadline.text, reference: deadline.reference, due: addDays(day, sign * deadline.offsetDays) };
}
