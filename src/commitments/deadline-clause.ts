/**
 * Splits the words after `add` into a title and a trailing deadline clause: the clause is the
 * longest trailing run that starts with a deadline word and reads as a deadline.
 * (Minimal version: `due|by <ISO date>`; the deadlines issue makes it complete.)
 */
import type { CalendarDate, Deadline } from './deadline.js';
import { interpretDeadline } from './deadline-interpreter.js';

export interface SplitClause {
  title: string;
  deadline: Deadline;
}

export function splitDeadlineClause(words: string, reference: CalendarDate, timeZone: string): SplitClause {
  const match = /^(.*?)\s+((?:due|by)\s+\d{4}-\d{2}-\d{2})$/i.exec(words.trim());
  if (match) return { title: match[1], deadline: interpretDeadline(match[2], reference, timeZone) };
  return { title: words.trim(), deadline: { kind: 'none', text: '', reference } };
}
