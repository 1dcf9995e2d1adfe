// The "what I read" line of a reply and the due dates lists show, for every kind of deadline.
import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../src/commitments/deadline.js';
import { explainDeadline, formatDueDate } from '../../src/commitments/deadline-explainer.js';
import { interpretDeadline } from '../../src/commitments/deadline-interpreter.js';

const REFERENCE = '2024-01-29';
const read = (phrase: string): Deadline => interpretDeadline(phrase, REFERENCE, 'Asia/Karachi');

describe('explainDeadline', () => {
  it.each<[string, string]>([
    ['immediately', "due ~Mon 5 Feb — read 'immediately' as ~7 days from 29 Jan"],
    ['at an early date', "due ~Fri 29 Mar — read 'at an early date' as ~60 days from 29 Jan"],
    ['early operationalisation', "due ~Fri 29 Mar — read 'early operationalisation' as ~60 days from 29 Jan"],
    ['till full eradication of terrorism', 'ongoing until full eradication of terrorism'],
    ['', 'no deadline'],
    ['after the formation of the new government', 'waiting on "the formation of the new government" (+~30 days once it happens)'],
    ['within 30 days of the signing', 'waiting on "the signing" (+30 days once it happens)'],
    ['before the summit', 'waiting on "the summit" (due 1 day before it)'],
    ['upon ratification', 'waiting on "ratification" (due the day it happens)'],
    ['by 15 March', 'due Fri 15 Mar'],
    ['by 2030', 'due Tue 31 Dec 2030'],
    ['within 10 business days', "due Mon 12 Feb — read 'within 10 business days' from 29 Jan"],
    ['mid-2025', "due ~Mon 30 Jun 2025 — read 'mid-2025' as ~30 Jun 2025"],
    ['medium term', "due ~Fri 29 Jan 2027 — read 'medium term' as ~3 years from 29 Jan"],
    ['in due course', "due ~Sat 27 Jul — read 'in due course' as ~180 days from 29 Jan (low commitment)"],
    ['weekly', 'ongoing (weekly)'],
    ['until 15 March', 'ongoing until Fri 15 Mar'],
    ['by 15 March subject to funding', 'due Fri 15 Mar · subject to funding'],
  ])('%s → %s', (phrase, line) => {
    expect(explainDeadline(read(phrase), REFERENCE)).toBe(line);
  });

  it('passes on the hint for a phrase it could not read', () => {
    expect(explainDeadline(read('whenever'))).toMatch(/^no deadline — I could not read a date in "whenever"\. Try /);
  });

  it('shows a confirmed event as its due date', () => {
    const confirmed: Deadline = { ...(read('after the elections') as Extract<Deadline, { kind: 'event' }>), due: '2024-03-09' };
    expect(explainDeadline(confirmed)).toBe('due ~Sat 9 Mar (~30 days after "the elections")');
  });

  it('shows the years of dates outside the current year', () => {
    expect(explainDeadline(read('immediately'), new Date('2025-06-01T00:00:00Z'))).toBe(
      "due ~Mon 5 Feb 2024 — read 'immediately' as ~7 days from 29 Jan 2024",
    );
  });
});

describe('formatDueDate', () => {
  it.each<[string, string | undefined]>([
    ['by 15 March', 'Fri 15 Mar'],
    ['at an early date', '~29 Mar'],
    ['mid-2025', '~30 Jun 2025'],
    ['after the elections', undefined],
    ['weekly', undefined],
    ['', undefined],
  ])('%s → %s', (phrase, shown) => {
    expect(formatDueDate(read(phrase), '2024-02-01')).toBe(shown);
  });

  it('adds the year when the due date is not in the current year', () => {
    expect(formatDueDate(read('by 15 March'), '2023-12-30')).toBe('Fri 15 Mar 2024');
  });
});
