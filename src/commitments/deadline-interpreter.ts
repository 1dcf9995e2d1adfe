/**
 * Reads a deadline phrase ("at an early date", "by 15 March", "after the elections") into a
 * Deadline, relative to the date the agreement was made, in the commitment's time zone. The
 * readers run in DESIGN §2's order — lexicon, events, end conditions and recurrences, then
 * calendar phrases — and what none of them reads comes back `none` with a hint, never a guess.
 */
import { readCalendarDeadline } from './calendar-reader.js';
import type { CalendarDate, Deadline } from './deadline.js';
import { readEventDeadline } from './event-reader.js';
import { readOngoingDeadline } from './ongoing-reader.js';
import { readAnchoredDeadline } from './reference-anchor.js';
import type { PhraseInput } from './phrase-input.js';
import { COUNT_SOURCE, normalisePhrase, trimPhrase, withoutQuotes } from './phrase-words.js';
import { readVagueDeadline } from './vague-reader.js';
import { numericDateProblem } from './numeric-date-guard.js';
import { dateRangeProblem } from './date-range-guard.js';

const NOTHING_SAID = /^(?:|none|none given|no deadline|no date|n\/a|-)$/;
const SUBJECT_TO = /(?:^|,?\s+)subject to\s+(.+)$/i;
// "as soon as practicable and in any event within 10 business days": the explicit cap wins.
const CAP =
  /^(.+?)[,;]?\s+(?:(?:and|but|or)\s+)?(?:(?:in any (?:event|case)|in all cases|at the latest)[,]?\s+)?((?:within|by|no later than|not later than|before|on or before)\s.+)$/i;

const HINT_EXAMPLES =
  'Try a date ("by 15 March"), a period ("within 10 business days", "next week", "Q2 2024"), an event ("after the elections") or a term like "as soon as possible".';

export function unreadableHint(text: string): string {
  return `I could not read a date in "${text}". ${HINT_EXAMPLES}`;
}

// "ten (10) Business Days": the numeral in brackets repeats the word before it.
const REPEATED_NUMERAL = new RegExp(`\\b${COUNT_SOURCE}\\s*\\(\\d{1,4}\\)`, 'gi');

function inputFor(text: string, reference: CalendarDate, timeZone: string): PhraseInput {
  const plain = withoutQuotes(text).replace(REPEATED_NUMERAL, '$1');
  return { text, plain, lower: plain.toLowerCase().replace(/[‘’]/g, "'"), reference, timeZone };
}

function readPhrase(input: PhraseInput): Deadline | undefined {
  return (
    readAnchoredDeadline(input) ??
    readVagueDeadline(input) ??
    readEventDeadline(input) ??
    readOngoingDeadline(input) ??
    readCalendarDeadline(input)
  );
}

/**
 * A vague term or an event with an explicit date after it reads as that date: "as soon as
 * practicable and in any event within 10 business days", "after lunch by Friday" (the event's
 * name must not swallow the date).
 */
function readCapped(input: PhraseInput): Deadline | undefined {
  const parts = CAP.exec(input.plain);
  if (!parts) return undefined;
  const head = inputFor(parts[1], input.reference, input.timeZone);
  const softer = readVagueDeadline(head) ?? readEventDeadline(head);
  if (!softer || (softer.kind !== 'vague' && softer.kind !== 'event')) return undefined;
  const cap = readCalendarDeadline(inputFor(parts[2], input.reference, input.timeZone));
  return cap?.kind === 'exact' ? { ...cap, text: input.text } : undefined;
}

export function interpretDeadline(phrase: string, reference: CalendarDate, timeZone: string): Deadline {
  const text = trimPhrase(phrase);
  if (NOTHING_SAID.test(normalisePhrase(text))) return { kind: 'none', text, reference };

  const subjectTo = SUBJECT_TO.exec(text);
  const condition = subjectTo ? withoutQuotes(subjectTo[1]) : undefined;
  const timing = subjectTo ? trimPhrase(text.slice(0, subjectTo.index)) : text;
  const withCondition = (deadline: Deadline): Deadline => (condition ? { ...deadline, condition } : deadline);
  if (timing === '') return withCondition({ kind: 'none', text, reference });

  const numericProblem = numericDateProblem(timing);
  if (numericProblem) return withCondition({ kind: 'none', text, reference, hint: numericProblem, invalidDate: true });
  const input = inputFor(timing, reference, timeZone);
  const deadline = readCapped(input) ?? readPhrase(input);
  const outOfRange = deadline && dateRangeProblem(deadline);
  if (outOfRange) return withCondition({ kind: 'none', text, reference, hint: outOfRange, invalidDate: true });
  if (deadline) return withCondition({ ...deadline, text });
  return withCondition({ kind: 'none', text, reference, hint: unreadableHint(text) });
}
