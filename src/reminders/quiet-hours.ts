/** Quiet hours (`20:00-08:00`) and weekends in someone's zone: when reminders must wait. */
import { DateTime } from 'luxon';

export interface QuietHours {
  /** Minutes after local midnight. */
  start: number;
  end: number;
}

export function parseQuietHours(text: string): QuietHours {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) throw new RangeError(`Quiet hours look like 20:00-08:00, not "${text}"`);
  const [, sh, sm, eh, em] = match.map(Number);
  return { start: sh * 60 + sm, end: eh * 60 + em };
}

/** True when `instant` is inside quiet hours in `zone` (and, for people, on a weekend). */
export function isQuiet(instant: Date, zone: string, quiet: QuietHours, options: { weekends: boolean }): boolean {
  const local = DateTime.fromJSDate(instant, { zone });
  if (options.weekends && local.weekday >= 6) return true;
  const minutes = local.hour * 60 + local.minute;
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end ? minutes >= quiet.start && minutes < quiet.end : minutes >= quiet.start || minutes < quiet.end;
}

/** The first moment at or after `instant` outside quiet hours (the end of quiet hours on a weekday). */
export function nextAllowed(instant: Date, zone: string, quiet: QuietHours, options: { weekends: boolean }): Date {
  if (!isQuiet(instant, zone, quiet, options)) return instant;
  let day = DateTime.fromJSDate(instant, { zone }).startOf('day');
  for (let i = 0; i < 10; i++, day = day.plus({ days: 1 })) {
    const candidate = day.set({ hour: Math.floor(quiet.end / 60), minute: quiet.end % 60 }).toJSDate();
    if (candidate > instant && !isQuiet(candidate, zone, quiet, options)) return candidate;
  }
  return instant;
}
