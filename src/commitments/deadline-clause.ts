/**
 * Splits the words after `add` into a title and a trailing deadline clause (DESIGN §4): the
 * clause is the longest trailing run that starts with a deadline word (or is a bare vague term
 * such as "immediately") and reads as a deadline; a quoted title is taken as said.
 */
import type { CalendarDate, Deadline } from './deadline.js';
import { interpretDeadline } from './deadline-interpreter.js';
import { numericDateProblem } from './numeric-date-guard.js';

export interface SplitClause {
  title: string;
  deadline: Deadline;
}

// Words a deadline clause may start with; "on"/"in"/"at" clauses must still parse as a whole.
const CLAUSE_START = new RegExp(
  '^(?:due|by|before|after|until|till|til|within|no later than|not later than|on|in|at|during|following|once|upon|' +
    'prior to|ahead of|in advance of|when|as soon as|subject to|every|each|the day (?:before|after)|' +
    '\\S+ (?:business |working )?(?:day|week|fortnight|month|year)s? (?:before|after|of|from|following|prior))\\b',
  'i',
);
const BARE_TERM_MAX_WORDS = 8;
/** Relative days read as plainly as "immediately": `add Call Bob tomorrow`. */
const BARE_RELATIVE_DAY = /^(?:today|tonight|tomorrow|this week|next week|this month|next month)$/i;
// Deadline clauses are short (the seed's longest is 12 words); looking further back only costs time.
const CLAUSE_MAX_WORDS = 30;
const OPENING_QUOTE = /^["“”'‘]/;
const QUOTED_TITLE = /^(["“”](.+?)["“”]|['‘](.+?)['’](?=\s|$))\s*(.*)$/s;
const QUOTED_SPAN = /["“”][^"“”]*["“”]/g;
const EMPTY_QUOTED_TITLE = /^["“”]\s*["“”]/;
const LONE_DEADLINE_WORD = /^(?:due|by|before|after|until|till|within|on|in|no later than)$/i;

interface Candidate {
  start: number;
  phrase: string;
}

function stripDue(phrase: string): string {
  return phrase.replace(/^due\s+/i, '').trim();
}

function cleanTitle(title: string): string {
  return title.trim().replace(/[\s,;:–—-]+$/, '');
}

/** Positions where a word starts, outside any quoted span (a quote's words are the title's). */
function wordStarts(text: string): number[] {
  const quoted: Array<[number, number]> = [...text.matchAll(QUOTED_SPAN)].map((m) => [m.index, m.index + m[0].length]);
  const starts: number[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    if (match.index === 0) continue;
    if (quoted.some(([from, to]) => match.index > from && match.index < to)) continue;
    starts.push(match.index);
  }
  return starts;
}

/** A clause is kept when it reads as a deadline, or says only a condition ("subject to X"). */
function reads(deadline: Deadline): boolean {
  return deadline.kind !== 'none' || (deadline.condition !== undefined && deadline.hint === undefined);
}

function splitQuoted(text: string, reference: CalendarDate, timeZone: string): SplitClause | undefined {
  if (!OPENING_QUOTE.test(text)) return undefined;
  // An empty quoted title is an empty title (refused by `add`), not a title of two quote marks.
  if (EMPTY_QUOTED_TITLE.test(text)) return { title: '', deadline: { kind: 'none', text: '', reference } };
  const match = QUOTED_TITLE.exec(text);
  if (!match) return undefined;
  const title = (match[2] ?? match[3]).trim();
  const rest = stripDue(match[4]);
  if (title === '') return undefined;
  // After a quoted title everything left is meant as the deadline, so an unreadable one says so.
  return { title, deadline: rest === '' ? { kind: 'none', text: '', reference } : interpretDeadline(rest, reference, timeZone) };
}

export function splitDeadlineClause(words: string, reference: CalendarDate, timeZone: string): SplitClause {
  const text = words.trim();
  const quoted = splitQuoted(text, reference, timeZone);
  if (quoted) return quoted;

  let explicitButUnreadable: { candidate: Candidate; deadline: Deadline } | undefined;
  const starts = wordStarts(text);
  for (const start of starts.slice(Math.max(0, starts.length - CLAUSE_MAX_WORDS))) {
    const candidate = { start, phrase: text.slice(start) };
    const startsWithDeadlineWord = CLAUSE_START.test(candidate.phrase);
    // Bare terms ("immediately", "at an early date") are short; skip reading long non-clauses.
    if (!startsWithDeadlineWord && candidate.phrase.split(/\s+/).length > BARE_TERM_MAX_WORDS) continue;
    const deadline = interpretDeadline(stripDue(candidate.phrase), reference, timeZone);
    const bareTerm = deadline.kind === 'vague' || deadline.kind === 'ongoing' || BARE_RELATIVE_DAY.test(candidate.phrase.trim());
    const title = cleanTitle(text.slice(0, start));
    if ((startsWithDeadlineWord || bareTerm) && reads(deadline) && title !== '') {
      // Only a deadline was given ("add due tomorrow"): an empty title, which `add` refuses with a hint.
      return { title: LONE_DEADLINE_WORD.test(title) ? '' : title, deadline };
    }
    // "due <something unreadable>", or a numeric date nobody can read safely: keep the rightmost, in case nothing reads.
    const invalidDate = deadline.kind === 'none' && deadline.invalidDate === true;
    if (/^due\s/i.test(candidate.phrase) || (startsWithDeadlineWord && (invalidDate || numericDateProblem(candidate.phrase)))) {
      explicitButUnreadable = { candidate, deadline };
    }
  }
  if (explicitButUnreadable) {
    return { title: cleanTitle(text.slice(0, explicitButUnreadable.candidate.start)), deadline: explicitButUnreadable.deadline };
  }
  return { title: text, deadline: { kind: 'none', text: '', reference } };
}
