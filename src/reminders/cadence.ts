/**
 * Which days a commitment's owners hear about it (DESIGN §5, issue 11): each kind of deadline has
 * one stream of reminder days, and every question about a stream ("the last slot on or before D",
 * "the first on or after D") is answered by arithmetic, O(1) in the distance to the date — a due
 * date in year 1 costs what one next week costs (issue 15).
 *
 * - dated (exact, or an event once confirmed): 3 days before, the due day, +1, +3, +7, then weekly;
 *   and, further ahead, every 14 days before the 3-days-before one ("coming up": nothing open is
 *   out of sight for more than 14 days — sent only where no channel digest lists it, see in-sight.ts);
 * - vague: "confirm a date?" on the lexicon's first-prompt day, then every 30 days until the soft
 *   date, then weekly until answered;
 * - no deadline: "set a date?" once, two days after it was added (then the digest lists it weekly);
 * - event (not yet happened): "has it happened?" monthly from the reference date;
 * - ongoing: the first review 30 days after it was added (or agreed, if later), then on the duty's
 *   cadence (monthly for anything more frequent), never after a dated end.
 * Dates are calendar dates; the time of day is the nudge policy's business.
 */
import { ACTIVE_STATUSES, type Commitment } from '../commitments/commitment.js';
import { addMonths, calendarDateIn } from '../commitments/calendar.js';
import { calendarDateOfDay, dayNumberOf } from '../commitments/day-number.js';
import type { Cadence, CalendarDate } from '../commitments/deadline.js';

export type ReminderKind = 'nudge' | 'confirm-date' | 'set-date' | 'event-check' | 'review';

export interface CadenceSlot {
  kind: ReminderKind;
  date: CalendarDate;
}

const NUDGE_OFFSETS = [-3, 0, 1, 3, 7];
const NUDGE_OFFSETS_LATEST_FIRST = [...NUDGE_OFFSETS].reverse();
/** Before the first nudge, a far-off dated item comes up every this many days. */
export const IN_SIGHT_DAYS = 14;
const FIRST_NUDGE = NUDGE_OFFSETS[0];
export const CONFIRM_REPEAT_DAYS = 30;
export const CONFIRM_AFTER_SOFT_DATE_DAYS = 7;
export const SET_DATE_AFTER_DAYS = 2;
export const FIRST_REVIEW_DAYS = 30;
/** Review intervals longer than a month follow the duty; anything more frequent is reviewed monthly. */
const REVIEW_INTERVAL: Partial<Record<Cadence, number>> = { quarterly: 91, 'half-yearly': 182, yearly: 365 };
export const REVIEW_DAYS = 30;

/** Day numbers of calendar dates (any year, including 1–99): integer arithmetic, no parsing library. */
function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** A reminder day as a day number: what the tick's policy works in (`CadenceSlot` is its written form). */
export interface CadenceDay {
  kind: ReminderKind;
  day: number;
}

/** A stream of reminder days as offsets from an anchor date; both lookups are O(1). */
interface Stream {
  kind: ReminderKind;
  /** Day number the offsets count from. */
  anchor: number;
  /** Largest offset ≤ x, if any. */
  atOrBefore(x: number): number | undefined;
  /** Smallest offset ≥ x, if any. */
  atOrAfter(x: number): number | undefined;
  /** Offsets beyond this are not in the stream (a duty's dated end). */
  last?: number;
}

/** What of a commitment its reminder days depend on (the tick reads only these columns). */
export type ReminderSubject = Pick<Commitment, 'status' | 'deadline' | 'timeZone' | 'createdAt'>;

/** The kind of reminder a commitment gets now, from its deadline (undefined: none, e.g. closed or proposed). */
export function reminderKindFor(commitment: ReminderSubject): ReminderKind | undefined {
  if (!ACTIVE_STATUSES.includes(commitment.status)) return undefined;
  const d = commitment.deadline;
  if (d.kind === 'exact' || (d.kind === 'event' && d.due)) return 'nudge';
  if (d.kind === 'vague') return 'confirm-date';
  if (d.kind === 'event') return 'event-check';
  if (d.kind === 'ongoing') return 'review';
  return 'set-date';
}

function createdOn(commitment: ReminderSubject): CalendarDate {
  return calendarDateIn(new Date(commitment.createdAt), commitment.timeZone);
}

function streamOf(commitment: ReminderSubject): Stream | undefined {
  const kind = reminderKindFor(commitment);
  const d = commitment.deadline;
  if (!kind) return undefined;
  if (kind === 'nudge' && (d.kind === 'exact' || d.kind === 'event') && d.due) return nudgeStream(d.due);
  if (d.kind === 'vague') return confirmStream(d.reference, d.firstPromptDays, daysBetween(d.reference, d.due));
  if (d.kind === 'event') return monthlyStream(d.reference);
  if (d.kind === 'ongoing') return reviewStream(commitment, d.reference, d.cadence, d.endsOn);
  if (d.kind === 'none') return singleStream('set-date', dayNumberOf(createdOn(commitment)) + SET_DATE_AFTER_DAYS);
  return undefined;
}

function nudgeStream(due: CalendarDate): Stream {
  return {
    kind: 'nudge',
    anchor: dayNumberOf(due),
    atOrBefore: (x) => {
      if (x >= 14) return 7 * Math.floor(x / 7);
      if (x < FIRST_NUDGE) return FIRST_NUDGE - IN_SIGHT_DAYS * Math.ceil((FIRST_NUDGE - x) / IN_SIGHT_DAYS);
      return NUDGE_OFFSETS_LATEST_FIRST.find((o) => o <= x);
    },
    atOrAfter: (x) => {
      if (x > 7) return 7 * Math.ceil(x / 7);
      if (x < FIRST_NUDGE) return FIRST_NUDGE - IN_SIGHT_DAYS * Math.floor((FIRST_NUDGE - x) / IN_SIGHT_DAYS);
      return NUDGE_OFFSETS.find((o) => o >= x);
    },
  };
}

/** Prompts at P, P+30, … before the soft date W, then W, W+7, … (asked weekly once it has passed). */
function confirmStream(reference: CalendarDate, firstPrompt: number, softDue: number): Stream {
  const P = firstPrompt;
  const W = Math.max(softDue, P);
  return {
    kind: 'confirm-date',
    anchor: dayNumberOf(reference),
    atOrBefore: (x) => {
      if (x >= W) return W + CONFIRM_AFTER_SOFT_DATE_DAYS * Math.floor((x - W) / CONFIRM_AFTER_SOFT_DATE_DAYS);
      if (x >= P) return P + CONFIRM_REPEAT_DAYS * Math.floor((x - P) / CONFIRM_REPEAT_DAYS);
      return undefined;
    },
    atOrAfter: (x) => {
      if (x <= P) return P;
      if (x <= W) {
        const next = P + CONFIRM_REPEAT_DAYS * Math.ceil((x - P) / CONFIRM_REPEAT_DAYS);
        return next < W ? next : W;
      }
      return W + CONFIRM_AFTER_SOFT_DATE_DAYS * Math.ceil((x - W) / CONFIRM_AFTER_SOFT_DATE_DAYS);
    },
  };
}

/** reference + k months (k ≥ 1); offsets are day counts, found from the month difference. */
function monthlyStream(reference: CalendarDate): Stream {
  const dayOf = (k: number) => daysBetween(reference, addMonths(reference, k));
  const monthsUpTo = (x: number) => {
    // Start from the calendar estimate and correct by at most a step or two (months are 28–31 days).
    let k = Math.max(1, Math.floor(x / 30.44));
    while (k > 1 && dayOf(k) > x) k--;
    while (dayOf(k + 1) <= x) k++;
    return k;
  };
  return {
    kind: 'event-check',
    anchor: dayNumberOf(reference),
    atOrBefore: (x) => {
      if (x < dayOf(1)) return undefined;
      return dayOf(monthsUpTo(x));
    },
    atOrAfter: (x) => {
      if (x <= dayOf(1)) return dayOf(1);
      const k = monthsUpTo(x);
      return dayOf(k) === x ? x : dayOf(k + 1);
    },
  };
}

function reviewStream(
  commitment: ReminderSubject,
  reference: CalendarDate,
  cadence: Cadence | undefined,
  endsOn: CalendarDate | undefined,
): Stream {
  const created = createdOn(commitment);
  const anchor = reference > created ? reference : created;
  const F = FIRST_REVIEW_DAYS;
  const I = (cadence && REVIEW_INTERVAL[cadence]) ?? REVIEW_DAYS;
  return {
    kind: 'review',
    anchor: dayNumberOf(anchor),
    atOrBefore: (x) => (x < F ? undefined : F + I * Math.floor((x - F) / I)),
    atOrAfter: (x) => (x <= F ? F : F + I * Math.ceil((x - F) / I)),
    last: endsOn ? daysBetween(anchor, endsOn) : undefined,
  };
}

function singleStream(kind: ReminderKind, day: number): Stream {
  return { kind, anchor: day, atOrBefore: (x) => (x >= 0 ? 0 : undefined), atOrAfter: (x) => (x <= 0 ? 0 : undefined) };
}

function toDay(stream: Stream, offset: number | undefined): CadenceDay | undefined {
  if (offset === undefined || (stream.last !== undefined && offset > stream.last)) return undefined;
  return { kind: stream.kind, day: stream.anchor + offset };
}

const written = (slot: CadenceDay | undefined): CadenceSlot | undefined => slot && { kind: slot.kind, date: calendarDateOfDay(slot.day) };

/** A commitment's stream of reminder days, built once and asked many times (the tick asks a dozen times per row). */
export type ReminderStream = Stream;

export function reminderStream(commitment: ReminderSubject): ReminderStream | undefined {
  return streamOf(commitment);
}

/** The latest reminder day of `stream` on or before day number `day`, if any. */
export function streamDayOnOrBefore(stream: ReminderStream, day: number): CadenceDay | undefined {
  const offset = stream.atOrBefore(day - stream.anchor);
  // Past a duty's dated end the last slot is the last one at or before that end.
  if (offset !== undefined && stream.last !== undefined && offset > stream.last) return toDay(stream, stream.atOrBefore(stream.last));
  return toDay(stream, offset);
}

/** The first reminder day of `stream` on or after day number `day`, if any. */
export function streamDayOnOrAfter(stream: ReminderStream, day: number): CadenceDay | undefined {
  return toDay(stream, stream.atOrAfter(day - stream.anchor));
}

function dayOnOrBefore(commitment: Commitment, day: number): CadenceDay | undefined {
  const stream = streamOf(commitment);
  return stream && streamDayOnOrBefore(stream, day);
}

function dayOnOrAfter(commitment: Commitment, day: number): CadenceDay | undefined {
  const stream = streamOf(commitment);
  return stream && streamDayOnOrAfter(stream, day);
}

/** The latest reminder day on or before `date`, if any. */
export function slotOnOrBefore(commitment: Commitment, date: CalendarDate): CadenceSlot | undefined {
  return written(dayOnOrBefore(commitment, dayNumberOf(date)));
}

/** The first reminder day on or after `date`, if any. */
export function slotOnOrAfter(commitment: Commitment, date: CalendarDate): CadenceSlot | undefined {
  return written(dayOnOrAfter(commitment, dayNumberOf(date)));
}

/** The reminder days from `from` on, in order (at most `limit`); each step is O(1). */
export function slotsFrom(commitment: Commitment, from: CalendarDate, limit: number): CadenceSlot[] {
  const slots: CadenceSlot[] = [];
  const stream = streamOf(commitment);
  let cursor = dayNumberOf(from);
  while (stream && slots.length < limit) {
    const slot = streamDayOnOrAfter(stream, cursor);
    if (!slot) break;
    slots.push(written(slot)!);
    cursor = slot.day + 1;
  }
  return slots;
}
