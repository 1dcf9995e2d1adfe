/**
 * Which days a commitment's owners hear about it (DESIGN §5): nudges 3 days before due, on the due
 * day, +1, +3, +7, then weekly; "confirm a date?" from the lexicon's first-prompt day (then every
 * 30 days until a date is set); monthly "has it happened?" for events; a review every 90 days for
 * ongoing duties. Dates are calendar dates; the time of day is the nudge policy's business.
 */
import { ACTIVE_STATUSES, type Commitment } from '../commitments/commitment.js';
import { addDays, addMonths } from '../commitments/calendar.js';
import type { CalendarDate } from '../commitments/deadline.js';
import type { OutboxKind } from '../store/store.js';

export interface CadenceSlot {
  kind: Exclude<OutboxKind, 'digest'>;
  date: CalendarDate;
}

const NUDGE_OFFSETS = [-3, 0, 1, 3, 7];
export const REVIEW_DAYS = 90;
export const CONFIRM_REPEAT_DAYS = 30;

/** The commitment's reminder days in increasing order, without end for repeating kinds. */
export function* cadence(commitment: Commitment): Generator<CadenceSlot> {
  if (!ACTIVE_STATUSES.includes(commitment.status)) return;
  const d = commitment.deadline;
  const due = d.kind === 'exact' || (d.kind === 'event' && d.due) ? d.due! : undefined;
  if (due) {
    for (const offset of NUDGE_OFFSETS) yield { kind: 'nudge', date: addDays(due, offset) };
    for (let week = 2; ; week++) yield { kind: 'nudge', date: addDays(due, week * 7) };
  }
  if (d.kind === 'vague') {
    for (let k = 0; ; k++) yield { kind: 'confirm-date', date: addDays(d.reference, d.firstPromptDays + k * CONFIRM_REPEAT_DAYS) };
  }
  if (d.kind === 'event') {
    for (let month = 1; ; month++) yield { kind: 'event-check', date: addMonths(d.reference, month) };
  }
  if (d.kind === 'ongoing') {
    for (let k = 1; ; k++) {
      const date = addDays(d.reference, k * REVIEW_DAYS);
      if (d.endsOn && date > d.endsOn) return;
      yield { kind: 'review', date };
    }
  }
}
