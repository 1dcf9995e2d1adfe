/**
 * Channel digests at time T (pure): of the slots since the channel's last look, only the newest
 * may still go out, and only inside its grace window — the same local day, before 18:00 (or an
 * hour after a later slot). Quiet hours are the owners' (issue 11 item 8): a channel's digest goes
 * at the channel's time, 07:36 or 21:00. Every other slot is recorded as missed, so a downtime
 * produces at most one late digest per channel.
 */
import { DateTime } from 'luxon';
import { localDayOf, offsetMinutes, wallTimeIfSteady } from '../commitments/local-clock.js';
import type { QuietHours } from './quiet-hours.js';
import { nextSlot, parseSchedule, slotsBetween } from './schedule.js';

export const GRACE_UNTIL_HOUR = 18;

export interface DigestChannel {
  schedule: string | null;
  timeZone: string;
}

export interface DigestSlot {
  slot: string;
  at: Date;
}

export interface DigestDecision {
  send?: DigestSlot;
  missed: DigestSlot[];
  /** When to look again; null when the channel has no schedule. */
  next: Date | null;
}

/** Whether a digest for `slot` may still be sent at `now`. */
export function inGrace(slot: DigestSlot, now: Date, zone: string): boolean {
  const day = localDayOf(slot.at, zone);
  if (now < slot.at || localDayOf(now, zone) !== day) return false;
  // 18:00 that day, keeping the slot's seconds (luxon's `set` keeps them); near a DST change, luxon itself.
  const seconds = slot.at.getTime() - Math.floor(slot.at.getTime() / 60_000) * 60_000;
  const steady = wallTimeIfSteady(zone, day, GRACE_UNTIL_HOUR * 60);
  const eighteen =
    steady !== undefined && Number.isInteger(offsetMinutes(slot.at, zone))
      ? steady + seconds
      : DateTime.fromJSDate(slot.at, { zone }).set({ hour: GRACE_UNTIL_HOUR, minute: 0 }).toMillis();
  return now.getTime() < Math.max(eighteen, slot.at.getTime() + 3_600_000);
}

/** What to do for a channel whose next digest time (`from`) has come. `_quiet` is the owners' and is not applied. */
export function digestsAt(channel: DigestChannel, from: Date, now: Date, _quiet?: QuietHours): DigestDecision {
  const schedule = parseSchedule(channel.schedule);
  if (!schedule) return { missed: [], next: null };
  const slots = slotsBetween(schedule, channel.timeZone, from, now);
  const newest = slots.at(-1);
  const missed = slots.slice(0, -1);
  const next = nextSlot(schedule, channel.timeZone, now).at;
  if (!newest) return { missed, next };
  if (inGrace(newest, now, channel.timeZone)) return { send: newest, missed, next };
  return { missed: [...missed, newest], next };
}
