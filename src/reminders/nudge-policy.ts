/**
 * Owner nudges at time T (pure): for each owner, the latest cadence slot whose send time has come
 * — 09:00 in the owner's zone, moved out of their quiet hours and weekends — and not before the
 * commitment last changed (a change is attention enough) nor while it is snoozed. Older slots
 * missed during downtime are coalesced into that one nudge.
 */
import { DateTime } from 'luxon';
import type { Commitment } from '../commitments/commitment.js';
import { calendarDateOfDay, dayNumberOf, weekdayOfDay } from '../commitments/day-number.js';
import { localDayOf, wallTimeIfSteady } from '../commitments/local-clock.js';
import type { CalendarDate } from '../commitments/deadline.js';
import {
  reminderStream,
  streamDayOnOrAfter,
  streamDayOnOrBefore,
  type CadenceDay,
  type CadenceSlot,
  type ReminderStream,
  type ReminderSubject,
} from './cadence.js';
import { isQuiet, nextAllowed, type QuietHours } from './quiet-hours.js';

export const NUDGE_HOUR = 9;

export interface Recipient {
  id: string;
  name: string;
  timeZone: string;
  /** Where their DM is; undefined when they have none (they are listed in the digest instead). */
  dmAddress?: string;
}

export interface DueNudge extends CadenceSlot {
  recipient: Recipient & { dmAddress: string };
  at: Date;
}

/** When a slot's nudge may go out to someone in `zone`: 09:00 on the slot's day (Monday for a weekend one), after quiet hours. */
export function sendTime(date: CalendarDate, zone: string, quiet: QuietHours): Date {
  return sendTimeOfDay(dayNumberOf(date), zone, quiet);
}

/** `sendTime` for a day number (what the tick works in). */
function sendTimeOfDay(slotDay: number, zone: string, quiet: QuietHours): Date {
  let day = slotDay;
  while (weekdayOfDay(day) >= 6) day++;
  const nine = new Date(wallTimeIfSteady(zone, day, NUDGE_HOUR * 60) ?? luxonNine(slotDay, zone));
  return nextAllowed(nine, zone, quiet, { weekends: true });
}

/** Near a DST change: 09:00 on the slot's (weekday) date asked of luxon exactly as it always was. */
function luxonNine(slotDay: number, zone: string): number {
  let day = DateTime.fromISO(calendarDateOfDay(slotDay), { zone });
  while (day.weekday >= 6) day = day.plus({ days: 1 });
  return day.set({ hour: NUDGE_HOUR, minute: 0 }).toMillis();
}

/**
 * The latest slot whose send time (in `zone`) has come by `now`: today's, or one a few days back
 * (a weekend's waits for Monday). Whether it still counts (after the last change, not snoozed) is
 * the caller's question.
 */
export function latestSentSlot(
  commitment: Commitment,
  zone: string,
  now: Date,
  quiet: QuietHours,
): (CadenceSlot & { at: Date }) | undefined {
  const stream = reminderStream(commitment);
  const found = stream && latestSentDay(stream, zone, now, quiet);
  return found && { kind: found.kind, date: calendarDateOfDay(found.day), at: found.at };
}

function latestSentDay(stream: ReminderStream, zone: string, now: Date, quiet: QuietHours): (CadenceDay & { at: Date }) | undefined {
  let probe = streamDayOnOrBefore(stream, localDayOf(now, zone));
  for (let i = 0; probe && i < LOOK_AROUND_SLOTS; i++) {
    const at = sendTimeOfDay(probe.day, zone, quiet);
    if (at <= now) return { ...probe, at };
    probe = streamDayOnOrBefore(stream, probe.day - 1);
  }
  return undefined;
}

/** True when a slot sent at `at` still counts: after the commitment last changed and not while snoozed. */
export function slotCounts(commitment: Commitment, at: Date): boolean {
  const snoozedUntil = commitment.snoozedUntil ? new Date(commitment.snoozedUntil) : undefined;
  return at > new Date(commitment.updatedAt) && (!snoozedUntil || at >= snoozedUntil);
}

/** How many slots around a date may share or swap send days (weekends, quiet hours): a small constant. */
const LOOK_AROUND_SLOTS = 6;
const LOOK_BACK_DAYS = 4;

/**
 * The nudges due at T, and the next instant anything could be due for this commitment. Send times
 * only grow with the slot date, and a slot counts only after the last change and the snooze, so
 * "the latest slot already sent" and "the next one" are each a few O(1) lookups around today.
 * Runs for every due row of a tick: days are day numbers, and zone questions go to `local-clock`.
 */
export function nudgesAt(
  commitment: ReminderSubject & Pick<Commitment, 'updatedAt' | 'snoozedUntil'>,
  recipients: Recipient[],
  now: Date,
  quiet: QuietHours,
): { due: DueNudge[]; next: Date | null } {
  const armedAt = new Date(commitment.updatedAt);
  const snoozedUntil = commitment.snoozedUntil ? new Date(commitment.snoozedUntil) : undefined;
  // slotCounts, with the two instants read once.
  const counts = (at: Date) => at > armedAt && (!snoozedUntil || at >= snoozedUntil);
  const due: DueNudge[] = [];
  let next: Date | null = null;
  const stream = reminderStream(commitment);
  if (!stream) return { due, next };
  const consider = (at: Date | null) => {
    if (at && (!next || at < next)) next = at;
  };
  // The next slot that will count is looked for from when it is armed (a change, or the snooze's end).
  const armed = snoozedUntil && snoozedUntil > armedAt ? snoozedUntil : armedAt;
  for (const recipient of recipients) {
    const zone = recipient.timeZone;
    const today = localDayOf(now, zone);
    const found = latestSentDay(stream, zone, now, quiet);
    const latest: DueNudge | undefined =
      found && counts(found.at)
        ? { kind: found.kind, date: calendarDateOfDay(found.day), at: found.at, recipient: recipient as DueNudge['recipient'] }
        : undefined;
    // From a few days back (send times shift forward) or from when it is armed.
    const armedDay = localDayOf(armed, zone);
    const from = Math.max(armedDay, today) - LOOK_BACK_DAYS;
    // Lazily, one O(1) step at a time: usually the first slot looked at is the answer.
    let slot = streamDayOnOrAfter(stream, from);
    for (let i = 0; slot && i < LOOK_AROUND_SLOTS * 2; i++) {
      const at = sendTimeOfDay(slot.day, zone, quiet);
      if (at > now && counts(at)) {
        consider(at);
        break;
      }
      slot = streamDayOnOrAfter(stream, slot.day + 1);
    }
    if (!latest || !recipient.dmAddress) continue;
    if (isQuiet(now, zone, quiet, { weekends: true })) consider(nextAllowed(now, zone, quiet, { weekends: true }));
    else due.push(latest);
  }
  return { due, next };
}
