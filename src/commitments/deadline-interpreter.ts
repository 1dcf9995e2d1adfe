/**
 * Reads a deadline phrase ("at an early date", "by 15 March", "after the elections") into a
 * Deadline, relative to the date the agreement was made, in the commitment's time zone.
 * (Minimal reader: ISO dates and nothing else; the full interpreter replaces it.)
 */
import type { CalendarDate, Deadline } from './deadline.js';

const ISO_DATE = /^(?:(?:due|by|on|before)\s+)?(\d{4}-\d{2}-\d{2})$/i;

export function interpretDeadline(phrase: string, reference: CalendarDate, _timeZone: string): Deadline {
  const text = phrase.trim();
  if (text === '' || /^none$/i.test(text)) return { kind: 'none', text: '', reference };
  const iso = ISO_DATE.exec(text);
  if (iso) return { kind: 'exact', text, reference, due: iso[1] };
  return { kind: 'none', text, reference, hint: `I could not read a date in "${text}". Try a date like 2024-03-15.` };
}
