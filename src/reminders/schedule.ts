/** Digest schedules (`weekdays 09:00`, `daily 08:30`, `weekly mon 09:00`, `off`) and their slots in a zone. */
import { DateTime } from 'luxon';
import { calendarDateOfDay, weekdayOfDay } from '../commitments/day-number.js';
import { localDayOf, luxonMidnights, wallTimeIfSteady } from '../commitments/local-clock.js';

export interface DigestSchedule {
  /** ISO weekdays the digest goes out (1 = Monday … 7 = Sunday). */
  days: number[];
  hour: number;
  minute: number;
}

export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Reads a stored or typed schedule; null for `off`, nothing, or something unreadable. */
export function parseSchedule(text: string | null | undefined): DigestSchedule | null {
  const words = (text ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  const time = TIME.exec(words[words.length - 1] ?? '');
  if (!time) return null;
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  if (words.length === 2 && words[0] === 'weekdays') return { days: [1, 2, 3, 4, 5], hour, minute };
  if (words.length === 2 && words[0] === 'daily') return { days: [1, 2, 3, 4, 5, 6, 7], hour, minute };
  if (words.length === 3 && words[0] === 'weekly') {
    const day = WEEKDAY_NAMES.findIndex((d) => words[1].startsWith(d));
    if (day >= 0) return { days: [day + 1], hour, minute };
  }
  return null;
}

type Midnights = (i: number) => DateTime;

/**
 * The slot on local day `day` (the `i`-th of a walk whose luxon midnights are `midnights`): its
 * instant and its key (`2024-03-15T09:00`, local). DST gaps shift forward. Arithmetic on days with
 * one offset all around (`local-clock`); near a change, luxon exactly as before.
 */
function slotOnDay(zone: string, day: number, schedule: DigestSchedule, midnights: Midnights, i: number): { at: Date; slot: string } {
  const hhmm = `${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`;
  const at =
    wallTimeIfSteady(zone, day, schedule.hour * 60 + schedule.minute) ??
    midnights(i).set({ hour: schedule.hour, minute: schedule.minute, second: 0, millisecond: 0 }).toMillis();
  return { at: new Date(at), slot: `${calendarDateOfDay(day)}T${hhmm}` };
}

/** Every slot whose instant is in [from, to], oldest first; looks back at most `maxDays`. */
export function slotsBetween(schedule: DigestSchedule, zone: string, from: Date, to: Date, maxDays = 31): { at: Date; slot: string }[] {
  const end = localDayOf(to, zone);
  let first = localDayOf(from, zone);
  let start = () => DateTime.fromJSDate(from, { zone }).startOf('day');
  // Luxon measured the look-back between the two local midnights; only a gap-shifted midnight makes that differ from whole days.
  const lookBack = end - first;
  const tooFar =
    lookBack > maxDays + 1 ||
    (lookBack >= maxDays && DateTime.fromJSDate(to, { zone }).startOf('day').diff(start(), 'days').days > maxDays);
  if (tooFar) {
    first = end - maxDays;
    start = () => DateTime.fromJSDate(to, { zone }).startOf('day').minus({ days: maxDays });
  }
  const midnights = luxonMidnights(start);
  const slots: { at: Date; slot: string }[] = [];
  for (let day = first; day <= end; day++) {
    if (!schedule.days.includes(weekdayOfDay(day))) continue;
    const slot = slotOnDay(zone, day, schedule, midnights, day - first);
    if (slot.at >= from && slot.at <= to) slots.push(slot);
  }
  return slots;
}

/** The first slot strictly after `after`. */
export function nextSlot(schedule: DigestSchedule, zone: string, after: Date): { at: Date; slot: string } {
  const first = localDayOf(after, zone);
  const midnights = luxonMidnights(() => DateTime.fromJSDate(after, { zone }).startOf('day'));
  for (let day = first; ; day++) {
    if (schedule.days.includes(weekdayOfDay(day))) {
      const slot = slotOnDay(zone, day, schedule, midnights, day - first);
      if (slot.at > after) return slot;
    }
  }
}
