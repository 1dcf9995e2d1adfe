/** Reads a phrase that is wholly a lexicon term ("at an early date", "mid-2025") into a vague deadline. */
import { addDays, addYears, calendarDate } from './calendar.js';
import { promptDaysBefore } from './calendar-reader.js';
import type { VagueDeadline } from './deadline.js';
import type { PhraseInput } from './phrase-input.js';
import { DATED_VAGUE_TERMS, RELATIVE_VAGUE_TERMS } from './vague-lexicon.js';

export function readVagueDeadline(input: PhraseInput): VagueDeadline | undefined {
  // "due immediately", "by at an early date": the lead word adds nothing to a lexicon term.
  const lower = input.lower.replace(/^(?:due|by|done) /, '');
  const term = input.plain.slice(input.plain.length - lower.length);
  const base = { kind: 'vague' as const, text: input.text, reference: input.reference, term };
  for (const entry of RELATIVE_VAGUE_TERMS) {
    if (!entry.pattern.test(lower)) continue;
    const afterDays = addDays(input.reference, entry.softDue.days ?? 0);
    const due = addYears(afterDays, entry.softDue.years ?? 0);
    return { ...base, due, firstPromptDays: entry.firstPromptDays, ...(entry.lowCommitment ? { lowCommitment: true } : {}) };
  }
  for (const entry of DATED_VAGUE_TERMS) {
    const match = entry.pattern.exec(lower);
    if (!match) continue;
    const thisYear = Number(input.reference.slice(0, 4));
    // A season named without a year is the next one to end.
    const yearless = entry.fixedYear === undefined && match[1] === undefined;
    const ended = yearless && (calendarDate(thisYear, entry.month, entry.day) ?? '') < input.reference;
    const year = entry.fixedYear ?? (yearless ? thisYear + (ended ? 1 : 0) : Number(match[1]));
    const due = calendarDate(year, entry.month, entry.day);
    if (!due) continue;
    return { ...base, due, firstPromptDays: promptDaysBefore(input.reference, due, entry.promptDaysBeforeDue) };
  }
  return undefined;
}
