/**
 * The store's next-reminder calculator. It cannot see owners' zones (the store hands it one row),
 * so for commitments it answers early on purpose: the start, anywhere on Earth, of the first
 * cadence day that could still be due. The tick then looks, writes nothing or the due nudge, and
 * stores the exact time. Early costs one extra look; late would lose a reminder.
 */
import { DateTime } from 'luxon';
import type { Commitment } from '../commitments/commitment.js';
import { addDays } from '../commitments/calendar.js';
import type { ChannelRecord, NextReminderCalculator } from '../store/store.js';
import { slotOnOrAfter } from './cadence.js';
import { nextSlot, parseSchedule } from './schedule.js';

/** UTC+14 is the earliest zone: a calendar day starts there 14 hours before it starts in UTC. */
const EARLIEST_OFFSET_HOURS = 14;

export function nextCommitmentReminder(commitment: Commitment, now: Date): Date | null {
  const firstPossible = addDays(DateTime.fromJSDate(now, { zone: commitment.timeZone }).toISODate()!, -1);
  const slot = slotOnOrAfter(commitment, firstPossible);
  if (slot) {
    const start = DateTime.fromISO(slot.date, { zone: 'utc' }).minus({ hours: EARLIEST_OFFSET_HOURS }).toJSDate();
    const snoozedUntil = commitment.snoozedUntil ? new Date(commitment.snoozedUntil) : undefined;
    return snoozedUntil && snoozedUntil > start ? snoozedUntil : start;
  }
  return null;
}

export function nextChannelDigest(channel: ChannelRecord, now: Date): Date | null {
  const schedule = parseSchedule(channel.schedule);
  return schedule && channel.active ? nextSlot(schedule, channel.timeZone, now).at : null;
}

export const nextReminderCalculator: NextReminderCalculator = {
  commitment: (commitment, now) => nextCommitmentReminder(commitment, now)?.toISOString() ?? null,
  channel: (channel, now) => nextChannelDigest(channel, now)?.toISOString() ?? null,
};
