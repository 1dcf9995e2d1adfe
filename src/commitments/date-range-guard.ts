/**
 * Refuses due dates no real commitment has: year 1 or year 9999 is a typo, and such a date would
 * also make every reminder computation walk thousands of weekly slots. The window is wide enough
 * for old agreements re-entered ("agreed 1995") and for "by mid-century" terms.
 */
import type { Deadline } from './deadline.js';

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;

/** A hint saying which date is out of range and what to write instead, or undefined when every date is plausible. */
export function dateRangeProblem(deadline: Deadline): string | undefined {
  const dates = [
    'due' in deadline ? deadline.due : undefined,
    deadline.kind === 'ongoing' ? deadline.endsOn : undefined,
    deadline.reference,
  ].filter((d): d is string => typeof d === 'string');
  for (const date of dates) {
    const year = Number(date.slice(0, 4));
    if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
      const side = year < EARLIEST_YEAR ? 'too far in the past' : 'too far in the future';
      return `${date} is ${side} to be a deadline. Give a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}, like 2024-03-15.`;
    }
  }
  return undefined;
}
