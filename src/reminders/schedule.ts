/** Digest schedules (`weekdays 09:00`, `daily 08:30`, `weekly mon 09:00`, `off`) and their slots in a zone. */
import { DateTime } from 'luxon';

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

/** The instant of the slot on a local date, and its key (`2024-03-15T09:00`, local). DST gaps shift forward. */
export function slotOn(date: DateTime, schedule: DigestSchedule): { at: Date; slot: string } {
  const local = date.set({ hour: schedule.hour, minute: schedule.minute, second: 0, millisecond: 0 });
  const hhmm = `${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`;
  return { at: local.toJSDate(), slot: `${date.toISODate()}T${hhmm}` };
}

/** Every slot whose instant is in [from, to], oldest first; looks back at most `maxDays`. */
export function slotsBetween(schedule: DigestSchedule, zone: string, from: Date, to: Date, maxDays = 31): { at: Date; slot: string }[] {
  const end = DateTime.fromJSDate(to, { zone }).startOf('day');
  let day = DateTime.fromJSDate(from, { zone }).startOf('day');
  if (end.diff(day, 'days').days > maxDays) day = end.minus({ days: maxDays });
  const slots: { at: Date; slot: string }[] = [];
  for (; day <= end; day = day.plus({ days: 1 })) {
    if (!schedule.days.includes(day.weekday)) continue;
    const slot = slotOn(day, schedule);
    if (slot.at >= from && slot.at <= to) slots.push(slot);
  }
  return slots;
}

/** The first slot strictly after `after`. */
export function nextSlot(schedule: DigestSchedule, zone: string, after: Date): { at: Date; slot: string } {
  let day = DateTime.fromJSDate(after, { zone }).startOf('day');
  for (;;) {
    if (schedule.days.includes(day.weekday)) {
      const slot = slotOn(day, schedule);
      if (slot.at > after) return slot;
    }
    day = day.plus({ days: 1 });
  }
}
